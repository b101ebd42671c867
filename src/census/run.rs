//! The CLI's driver (native only): read on one thread, price on all, write in input order.

use super::group::{add_totals, Census, PlanTotal};
use super::output::RowError;
use super::price::{price_unit, Priced};
use super::reader::{Reader, Unit};
use super::{Columns, Options, ORIGIN, OUTPUT_HEADER};
use crate::catalog::Catalog;
use crate::error::{Code, Error};

/// What `run` reports besides the output rows.
pub trait Report {
    /// The header has been read (to say which columns are ignored).
    fn columns(&mut self, columns: &Columns);
    /// A refused row, in input order.
    fn error(&mut self, error: &RowError);
}

/// Counts of a whole run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Households read (priced or refused), not counting rows that name no usable household.
    pub households: u64,
    pub priced: u64,
    /// Errors reported (refused rows; a household may have several).
    pub errors: u64,
    /// Rows refused because they name no usable household (not counted in `households`).
    pub unattached: u64,
    pub rows: u64,
    pub claims: u64,
    pub totals: Vec<PlanTotal>,
}

/// Households handed to a worker at a time.
const BATCH: usize = 64;

/// Reads the census from `input` and writes the output CSV (header first, then each household's
/// rows in input order) to `output`; refused rows go to `report`, in input order too. With
/// `threads` > 1 the households are priced on that many threads while this one reads and
/// writes; at most `4 × threads` batches of 64 households are in hand at once, so memory does
/// not grow with the file. A write that fails because the reader went away (`| head`) ends the
/// run early without an error; the summary then counts what was written.
pub fn run(
    catalog: &Catalog,
    plan_ids: &[String],
    options: &Options,
    input: &mut dyn std::io::Read,
    output: &mut dyn std::io::Write,
    report: &mut dyn Report,
    threads: usize,
) -> Result<Summary, Error> {
    use std::collections::BTreeMap;
    use std::sync::mpsc;
    use std::sync::Mutex;

    let mut reader = Reader::new(catalog, plan_ids, options)?;
    let plans = reader.plans().to_vec();
    let mut sink = Sink { output, report, header: false, stopped: false, summary: Summary::default() };
    sink.summary.totals = Census::new(catalog, plan_ids, options)?.totals().to_vec();
    let mut buffer = vec![0u8; 64 * 1024];
    let mut units: Vec<Unit> = Vec::new();
    // Reads the next piece; `Ok(false)` at the end of the input.
    let mut read_more = |reader: &mut Reader, units: &mut Vec<Unit>| -> Result<bool, Error> {
        let n = loop {
            match input.read(&mut buffer) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(Error::new(ORIGIN, "", Code::ReadFailed, format!("could not read the census: {e}"))),
            }
        };
        match buffer.get(..n) {
            Some(bytes) if n > 0 => reader.feed(bytes, units).map(|_| true),
            _ => reader.finish(units).map(|_| false),
        }
    };

    if threads <= 1 {
        loop {
            let more = read_more(&mut reader, &mut units)?;
            sink.header(&reader)?;
            for unit in units.drain(..) {
                sink.write(price_unit(catalog, &plans, unit))?;
            }
            if !more || sink.stopped {
                break;
            }
        }
        return sink.end();
    }

    let most_in_hand = threads * 4;
    let (job_tx, job_rx) = mpsc::sync_channel::<(u64, Vec<Unit>)>(most_in_hand);
    let (done_tx, done_rx) = mpsc::channel::<(u64, Vec<Priced>)>();
    let job_rx = Mutex::new(job_rx);
    let plans = &plans;
    let out = &mut sink;
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            let job_rx = &job_rx;
            scope.spawn(move || loop {
                let job = job_rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                let Ok((seq, batch)) = job else { break };
                let priced: Vec<Priced> = batch.into_iter().map(|unit| price_guarded(catalog, plans, unit)).collect();
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
                more = read_more(&mut reader, &mut units)?;
                out.header(&reader)?;
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
    })?;
    sink.end()
}

/// Prices a unit; should the engine ever panic (it must not), the household is refused with
/// an error instead of the run ending or hanging.
fn price_guarded(catalog: &Catalog, plans: &[String], unit: Unit) -> Priced {
    let (row, household) = match &unit {
        Unit::Household(h) => (h.first_row, Some(h.key.clone())),
        Unit::Refused(e) => (e.row, e.household.clone()),
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| price_unit(catalog, plans, unit))).unwrap_or_else(|_| Priced {
        rows: Vec::new(),
        errors: vec![RowError { row, column: String::new(), code: Code::InvalidRow, message: "internal error: this household could not be priced".into(), household }],
        claims: 0,
    })
}

struct Sink<'a> {
    output: &'a mut dyn std::io::Write,
    report: &'a mut dyn Report,
    header: bool,
    stopped: bool,
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

    /// Writes the output's header once the census's header has been read.
    fn header(&mut self, reader: &Reader) -> Result<(), Error> {
        if let (false, Some(columns)) = (self.header, reader.columns()) {
            self.header = true;
            self.report.columns(columns);
            if let Err(e) = self.output.write_all(format!("{OUTPUT_HEADER}\n").as_bytes()) {
                return self.io(e);
            }
        }
        Ok(())
    }

    fn write(&mut self, priced: Priced) -> Result<(), Error> {
        if self.stopped {
            return Ok(());
        }
        let s = &mut self.summary;
        s.claims += priced.claims;
        if !priced.rows.is_empty() || priced.errors.iter().any(|e| e.household.is_some()) {
            s.households += 1;
        } else {
            s.unattached += 1;
        }
        for e in &priced.errors {
            s.errors += 1;
            self.report.error(e);
        }
        if priced.rows.is_empty() {
            return Ok(());
        }
        s.priced += 1;
        s.rows += priced.rows.len() as u64;
        add_totals(&mut s.totals, &priced.rows);
        let mut text = String::with_capacity(96 * priced.rows.len());
        for r in &priced.rows {
            r.write_csv(&mut text);
        }
        match self.output.write_all(text.as_bytes()) {
            Ok(()) => Ok(()),
            Err(e) => self.io(e),
        }
    }

    fn end(&mut self) -> Result<Summary, Error> {
        if let Err(e) = self.output.flush() {
            self.io(e)?;
        }
        Ok(std::mem::take(&mut self.summary))
    }
}
