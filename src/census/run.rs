//! The CLI's driver (native only): the file read twice (the order check, then the pricing),
//! the second time on one thread that reads and writes while the others price, output in
//! input order.

use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::group::{add_totals, PlanTotal};
use super::output::{output_header, Note, RowError};
use super::price::{price_unit, Priced};
use super::reader::{Reader, Unit};
use super::{Columns, Options, ORIGIN};
use crate::catalog::Catalog;
use crate::error::{Code, Error};
use crate::scenario::Contribution;

/// What `run` reports besides the output rows.
pub trait Report {
    /// The header has been read (to say which columns are ignored).
    fn columns(&mut self, columns: &Columns);
    /// A refused row, in input order.
    fn error(&mut self, error: &RowError);
    /// A household priced under an assumption to check, in input order.
    fn note(&mut self, note: &Note);
}

/// Counts of a whole run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Households read (priced or refused), not counting rows that name no usable household;
    /// a household whose rows are apart counts once.
    pub households: u64,
    pub priced: u64,
    /// Errors reported (refused rows; a household may have several).
    pub errors: u64,
    /// Rows refused because they name no usable household (not counted in `households`).
    pub unattached: u64,
    /// Households refused because their rows are apart (counted in `households`).
    pub apart: u64,
    pub notes: u64,
    pub rows: u64,
    pub claims: u64,
    pub totals: Vec<PlanTotal>,
}

/// Where the census comes from: a file, which is opened once for each pass, or a stream read
/// once (standard input, a pipe, a device), which the first pass copies to a temporary file
/// for the second (removed at the end).
pub enum Input<'a> {
    File(&'a Path),
    Stream(&'a mut dyn Read),
}

/// Households handed to a worker at a time.
const BATCH: usize = 64;
/// Bytes read at a time.
const PIECE: usize = 64 * 1024;

/// Reads the census from `input` twice and writes the output CSV (header first, then each
/// household's rows in input order) to `output`; refused rows and notes go to `report`, in
/// input order too. Nothing is written before the first pass has read the whole file, so a file
/// that is not CSV text, too large or with an unusable header writes nothing. With `threads`
/// > 1 the households are priced on that many threads while this one reads and writes; at most
/// `4 × threads` batches of 64 households are in hand at once, so memory does not grow with
/// the file. A write that fails because the reader went away (`| head`) ends the run early
/// without an error; the summary then counts what was written.
pub fn run(
    catalog: &Catalog,
    plan_ids: &[String],
    options: &Options,
    input: Input,
    output: &mut dyn Write,
    report: &mut dyn Report,
    threads: usize,
) -> Result<Summary, Error> {
    let mut reader = Reader::new(catalog, plan_ids, options)?;
    let read_failed = |e: std::io::Error| Error::new(ORIGIN, "", Code::ReadFailed, format!("could not read the census: {e}"));

    // The first pass: the order check (and a copy of a stream for the second).
    let file = match &input {
        Input::File(path) => Some(std::fs::metadata(path).map_err(read_failed)?.is_file().then_some(*path)),
        Input::Stream(_) => None,
    }
    .flatten();
    let mut spool: Option<Spool> = None;
    let mut buffer = vec![0u8; PIECE];
    let mut none = Vec::new();
    {
        let mut opened;
        let first: &mut dyn Read = match input {
            Input::File(path) => {
                opened = std::fs::File::open(path).map_err(read_failed)?;
                &mut opened
            }
            Input::Stream(stream) => stream,
        };
        if file.is_none() {
            spool = Some(Spool::new()?);
        }
        while let Some(bytes) = read_piece(first, &mut buffer).map_err(read_failed)? {
            if let Some(s) = spool.as_mut() {
                s.file.write_all(bytes).map_err(|e| s.failed(e))?;
            }
            reader.feed(bytes, &mut none)?;
        }
    }
    let checked = reader.rewind()?;

    // The second pass.
    let mut second: Box<dyn Read> = match (file, spool.as_mut()) {
        (Some(path), _) => Box::new(std::fs::File::open(path).map_err(read_failed)?),
        (None, Some(s)) => {
            s.file.rewind().map_err(|e| s.failed(e))?;
            Box::new(s.file.try_clone().map_err(|e| s.failed(e))?)
        }
        (None, None) => return Err(Error::new(ORIGIN, "", Code::ReadFailed, "the census could not be read a second time")),
    };
    let contribution = options.contribution;
    let plans = reader.plans().to_vec();
    let mut sink = Sink { output, report, stopped: false, contribution: contribution.is_some(), summary: Summary::default() };
    sink.summary.totals = plans.iter().map(|p| PlanTotal::new(p)).collect();
    sink.summary.apart = checked.apart;
    if let Some(columns) = reader.columns() {
        sink.report.columns(columns);
    }
    sink.put(output_header(contribution.is_some()).as_bytes())?;
    let mut units: Vec<Unit> = Vec::new();
    // Reads the next piece; `Ok(false)` at the end of the input.
    let mut read_more = |reader: &mut Reader, units: &mut Vec<Unit>| -> Result<bool, Error> {
        match read_piece(&mut second, &mut buffer).map_err(read_failed)? {
            Some(bytes) => reader.feed(bytes, units).map(|_| true),
            None => reader.finish(units).map(|_| false),
        }
    };

    if threads <= 1 {
        loop {
            let more = read_more(&mut reader, &mut units)?;
            for unit in units.drain(..) {
                sink.write(price_guarded(catalog, &plans, contribution, unit))?;
            }
            if !more || sink.stopped {
                break;
            }
        }
        return sink.end();
    }
    priced_on_threads(catalog, &plans, contribution, threads, &mut sink, &mut |units| read_more(&mut reader, units))?;
    sink.end()
}

/// The next piece of `input` (`None` at its end), retrying an interrupted read.
fn read_piece<'b>(input: &mut dyn Read, buffer: &'b mut [u8]) -> std::io::Result<Option<&'b [u8]>> {
    let n = loop {
        match input.read(buffer) {
            Ok(n) => break n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    };
    Ok((n > 0).then(|| &buffer[..n]))
}

/// The second pass with `threads` pricing threads: this one reads (`read_more`) and writes.
fn priced_on_threads(
    catalog: &Catalog,
    plans: &[String],
    contribution: Option<Contribution>,
    threads: usize,
    out: &mut Sink,
    read_more: &mut dyn FnMut(&mut Vec<Unit>) -> Result<bool, Error>,
) -> Result<(), Error> {
    use std::collections::BTreeMap;
    use std::sync::mpsc;
    use std::sync::Mutex;

    let mut units: Vec<Unit> = Vec::new();
    let most_in_hand = threads * 4;
    let (job_tx, job_rx) = mpsc::sync_channel::<(u64, Vec<Unit>)>(most_in_hand);
    let (done_tx, done_rx) = mpsc::channel::<(u64, Vec<Priced>)>();
    let job_rx = Mutex::new(job_rx);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            let job_rx = &job_rx;
            scope.spawn(move || loop {
                let job = job_rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                let Ok((seq, batch)) = job else { break };
                let priced: Vec<Priced> = batch.into_iter().map(|unit| price_guarded(catalog, plans, contribution, unit)).collect();
                if done_tx.send((seq, priced)).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);
        // Everything the workers need ends with this closure: `job_tx` is dropped when it
        // returns, which lets the workers stop, whatever happened.
        let result = (move || -> Result<(), Error> {
            let mut next_seq = 0u64; // the next batch to send
            let mut next_out = 0u64; // the next batch to write
            let mut waiting: BTreeMap<u64, Vec<Priced>> = BTreeMap::new();
            let write_ready = |waiting: &mut BTreeMap<u64, Vec<Priced>>, next_out: &mut u64, sink: &mut Sink| -> Result<(), Error> {
                while let Some(batch) = waiting.remove(next_out) {
                    *next_out += 1;
                    for priced in batch {
                        sink.write(priced)?;
                    }
                }
                Ok(())
            };
            let mut more = true;
            while more && !out.stopped {
                more = read_more(&mut units)?;
                while units.len() >= BATCH || (!more && !units.is_empty()) {
                    let batch: Vec<Unit> = units.drain(..units.len().min(BATCH)).collect();
                    while next_seq - next_out >= most_in_hand as u64 {
                        let Ok((seq, priced)) = done_rx.recv() else { return Ok(()) };
                        waiting.insert(seq, priced);
                        write_ready(&mut waiting, &mut next_out, out)?;
                    }
                    if job_tx.send((next_seq, batch)).is_err() {
                        return Ok(());
                    }
                    next_seq += 1;
                }
                while let Ok((seq, priced)) = done_rx.try_recv() {
                    waiting.insert(seq, priced);
                }
                write_ready(&mut waiting, &mut next_out, out)?;
            }
            drop(job_tx);
            while next_out < next_seq && !out.stopped {
                let Ok((seq, priced)) = done_rx.recv() else { break };
                waiting.insert(seq, priced);
                write_ready(&mut waiting, &mut next_out, out)?;
            }
            Ok(())
        })();
        result
    })
}

/// Prices a unit; should the engine ever panic (it must not), the household is refused with
/// an error instead of the run ending or hanging.
fn price_guarded(catalog: &Catalog, plans: &[String], contribution: Option<Contribution>, unit: Unit) -> Priced {
    let (row, household) = match &unit {
        Unit::Household(h) => (h.first_row, Some(h.key.clone())),
        Unit::Refused(e) => (e.row, e.household.clone()),
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| price_unit(catalog, plans, contribution, unit))).unwrap_or_else(|_| Priced {
        errors: vec![RowError::new(row, String::new(), Code::InvalidRow, "internal error: this household could not be priced".into(), household)],
        ..Priced::default()
    })
}

/// A temporary copy of a stream, for the second pass; removed when dropped.
struct Spool {
    path: PathBuf,
    file: std::fs::File,
}

impl Spool {
    fn new() -> Result<Spool, Error> {
        let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let path = std::env::temp_dir().join(format!("costshare-census-{}-{stamp}.csv", std::process::id()));
        let file = std::fs::OpenOptions::new().read(true).write(true).create_new(true).open(&path);
        let file = file.map_err(|e| Error::new(ORIGIN, "", Code::ReadFailed, format!("could not make a temporary copy of the census in {}: {e}", path.display())))?;
        Ok(Spool { path, file })
    }

    fn failed(&self, e: std::io::Error) -> Error {
        Error::new(ORIGIN, "", Code::ReadFailed, format!("could not keep a temporary copy of the census in {}: {e}", self.path.display()))
    }
}

impl Drop for Spool {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

struct Sink<'a> {
    output: &'a mut dyn Write,
    report: &'a mut dyn Report,
    stopped: bool,
    contribution: bool,
    summary: Summary,
}

impl Sink<'_> {
    fn io(&mut self, e: std::io::Error) -> Result<(), Error> {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            self.stopped = true;
            return Ok(());
        }
        Err(Error::new(ORIGIN, "", Code::ReadFailed, format!("could not write the output: {e}")))
    }

    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        match self.output.write_all(bytes) {
            Ok(()) => Ok(()),
            Err(e) => self.io(e),
        }
    }

    fn write(&mut self, priced: Priced) -> Result<(), Error> {
        if self.stopped {
            return Ok(());
        }
        let s = &mut self.summary;
        s.claims += priced.claims;
        if priced.later_part {
            // A later run of a household whose rows are apart: counted at its first.
        } else if !priced.rows.is_empty() || priced.errors.iter().any(|e| e.household.is_some()) {
            s.households += 1;
        } else {
            s.unattached += 1;
        }
        for e in &priced.errors {
            s.errors += 1;
            self.report.error(e);
        }
        for n in &priced.notes {
            s.notes += 1;
            self.report.note(n);
        }
        if priced.rows.is_empty() {
            return Ok(());
        }
        s.priced += 1;
        s.rows += priced.rows.len() as u64;
        add_totals(&mut s.totals, &priced.rows);
        let mut text = String::with_capacity(112 * priced.rows.len());
        for r in &priced.rows {
            r.write_csv(&mut text, self.contribution);
        }
        self.put(text.as_bytes())
    }

    fn end(&mut self) -> Result<Summary, Error> {
        if let Err(e) = self.output.flush() {
            self.io(e)?;
        }
        Ok(std::mem::take(&mut self.summary))
    }
}
