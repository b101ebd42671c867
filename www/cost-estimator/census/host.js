// The census where the engine runs (its Web Worker, or the page where no worker can start):
// the file read twice through the engine (the order check, then the pricing) in pieces of at
// most PIECE bytes, progress after each piece. What the page gets back is small whatever the
// file's size: the totals, counts, the first KEEP errors and notes, and the two downloads as
// Blobs (the output's CSV text as the CLI writes it, after a UTF-8 byte order mark so that a
// spreadsheet reads accented names; and the refused rows). The priced households stay in the
// engine, handed out a page at a time (censusPage).

/** Bytes given to the engine at a time: the progress bar moves, and no call runs long. */
export const PIECE = 64 * 1024;
/** Errors and notes kept for the page to draw (all of them are in the refused rows' file). */
export const KEEP = 10_000;
/** Text gathered before it becomes a Blob (the browser keeps Blobs outside the JS heap). */
const BLOB_TEXT = 1 << 20;

/** A Blob built piece by piece, holding at most BLOB_TEXT characters as strings meanwhile. */
function blobBuilder(first = '') {
  const parts = [];
  let text = [first];
  let length = first.length;
  return {
    add(s) {
      if (!s) return;
      text.push(s);
      length += s.length;
      if (length >= BLOB_TEXT) {
        parts.push(new Blob(text));
        text = [];
        length = 0;
      }
    },
    blob() {
      return new Blob([...parts, ...text], { type: 'text/csv;charset=utf-8' });
    },
  };
}

/** The census operations of a host whose engine `engine()` returns. */
export function censusOps(engine) {
  return {
    /** A census (`file`: a File, or `text`) priced on `plans`; `progress({ phase: 'check' |
     * 'price', read, size, households, errors })` after each piece. */
    async census({ file = null, text = null, plans, asOf = null, usage = null, contribution = null }, progress) {
      const e = engine();
      e.censusStart(plans, asOf, usage, contribution);
      const bytes = file ? null : new TextEncoder().encode(text ?? '');
      const size = file ? file.size : bytes.byteLength;
      const out = { households: 0, priced: 0, claims: 0, apart: 0, ignored: [], totals: [], errors: [], errorCount: 0, notes: [], noteCount: 0 };
      const csv = blobBuilder('\uFEFF');
      const refused = blobBuilder();
      const take = (r) => {
        csv.add(r.csv);
        refused.add(r.refused);
        out.households += r.households;
        out.priced += r.priced;
        out.claims += r.claims;
        out.errorCount += r.errors.length;
        out.noteCount += r.notes.length;
        for (const x of r.errors) if (out.errors.length < KEEP) out.errors.push(x);
        for (const x of r.notes) if (out.notes.length < KEEP) out.notes.push(x);
      };
      for (const phase of ['check', 'price']) {
        let read = 0;
        const push = (chunk) => {
          for (let at = 0; at < chunk.byteLength; at += PIECE) {
            const piece = chunk.subarray(at, at + PIECE);
            read += piece.byteLength;
            const r = e.censusPush(piece);
            if (phase === 'price') take(r);
            progress({ phase, read, size, households: out.households, errors: out.errorCount });
          }
        };
        if (file) {
          const reader = file.stream().getReader();
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            push(value);
          }
        } else {
          push(bytes);
        }
        if (phase === 'check') {
          const checked = e.censusRewind();
          out.apart = checked.apart;
          out.ignored = checked.ignored;
        }
      }
      const last = e.censusFinish();
      take(last);
      out.totals = last.totals;
      out.csv = csv.blob();
      out.refused = out.errorCount ? refused.blob() : null;
      progress({ phase: 'price', read: size, size, households: out.households, errors: out.errorCount });
      return out;
    },

    /** A page of the priced households: `sort` 'file', 'household' or a plan's index. */
    censusPage({ sort = 'file', descending = false, offset = 0, count = 100 }) {
      return engine().censusPage(sort, descending, offset, count);
    },
  };
}
