//! `costshare`: the command-line tool over the engine.
//!
//!   costshare estimate SCENARIO.json     print the result JSON (`-` reads standard input)
//!   costshare validate PLAN.json...      check plan files; print each plan's id
//!   costshare plans                      list the built-in catalog
//!   costshare compare SCENARIO.json [--plans a,b,c] [--table]
//!                                        the household under several options, ranked
//!   costshare census CENSUS.csv --plans a,b,c [--as-of DATE] [--usage PRESET] [--contribution C] [--threads N] [--stats]
//!                                        price a group, household by household (CSV out)
//!
//! Options: `--data DIR` (default: the `data/` folder of this project, or $COSTSHARE_DATA).
//! Bad input exits with status 2 and a message naming the field; anything else unexpected 1.
//! Every input is read up to its size limit and no further.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use costshare::catalog::read_file;
use costshare::{words, Catalog, Error, Plan, Vocabulary};

const USAGE: &str = "usage:
  costshare estimate SCENARIO.json [--data DIR]   estimate a year of care (- reads stdin)
  costshare validate PLAN.json... [--data DIR]    check plan files against the vocabulary
  costshare plans [--data DIR]                    list the built-in plans
  costshare compare SCENARIO.json [--plans ID,ID,...] [--table] [--data DIR]
      price the scenario's household under several options (default: every option of
      the scenario plan's program and year), ranked, with worst cases and cost curves
  costshare census CENSUS.csv --plans ID,ID,... [--as-of YYYY-MM-DD] [--usage PRESET]
                   [--contribution amount:500.00|percent:80] [--threads N] [--stats] [--data DIR]
      price every household of a census CSV (- reads stdin) on every plan: CSV on stdout,
      refused rows on stderr by row and column (a household with a bad row is not priced),
      exit status 2 if any row was refused.
      --as-of: the date ages are counted on from date_of_birth (default: January 1 of the
      plans' year); --usage: the usage preset for rows that give none; --contribution: an
      employer contribution per pay period for every household (adds the columns
      premium_gross_annual,contribution_annual); --threads: pricing threads (default: every
      core); --stats: counts and speed on stderr at the end
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = stdout.write_all(out.as_bytes());
            let _ = stdout.flush();
            ExitCode::SUCCESS
        }
        Err(message) => {
            // Messages quote input shortened and escaped already; paths and options given on the
            // command line are escaped here, so nothing reaches the terminal as a control code.
            let safe: String = message.chars().map(|c| if c.is_control() && c != '\n' { ' ' } else { c }).collect();
            eprintln!("costshare: {safe}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<String, String> {
    let mut data_dir: Option<PathBuf> = None;
    let mut plans_arg: Option<String> = None;
    let mut table = false;
    let mut census_options = costshare::census::Options::default();
    let mut threads: Option<usize> = None;
    let mut stats = false;
    let mut census_only: Option<&str> = None;
    let mut positional = Vec::new();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--data" => {
                let dir = args.get(i + 1).ok_or("--data needs a folder")?;
                data_dir = Some(PathBuf::from(dir));
                i += 2;
                continue;
            }
            "--plans" => {
                plans_arg = Some(args.get(i + 1).ok_or("--plans needs a comma-separated list of plan ids")?.clone());
                i += 2;
                continue;
            }
            "--as-of" => {
                let text = args.get(i + 1).ok_or("--as-of needs a date (YYYY-MM-DD)")?;
                let date = costshare::census::Date::parse(text)
                    .filter(|_| text.contains('-'))
                    .ok_or_else(|| format!("--as-of: \"{}\" is not a date: YYYY-MM-DD", costshare::error::shown(text)))?;
                census_options.as_of = Some(date);
                census_only = Some("--as-of");
                i += 2;
                continue;
            }
            "--usage" => {
                census_options.usage = Some(args.get(i + 1).ok_or("--usage needs a usage preset id")?.clone());
                census_only = Some("--usage");
                i += 2;
                continue;
            }
            "--contribution" => {
                let text = args.get(i + 1).ok_or("--contribution needs amount:DOLLARS or percent:PERCENT")?;
                census_options.contribution = Some(costshare::census::contribution(text).map_err(|e| format!("--contribution: {}", e.message))?);
                census_only = Some("--contribution");
                i += 2;
                continue;
            }
            "--threads" => {
                let text = args.get(i + 1).ok_or("--threads needs a number")?;
                let n = text.parse::<usize>().ok().filter(|n| (1..=1024).contains(n));
                threads = Some(n.ok_or_else(|| format!("--threads: \"{}\" is not a number from 1 to 1024", costshare::error::shown(text)))?);
                census_only = Some("--threads");
                i += 2;
                continue;
            }
            "--stats" => {
                stats = true;
                census_only = Some("--stats");
            }
            "--table" => table = true,
            "-h" | "--help" => return Ok(USAGE.to_string()),
            a if a.starts_with("--") => return Err(format!("unknown option {}\n{USAGE}", costshare::error::shown(a))),
            a => positional.push(a.to_string()),
        }
        i += 1;
    }
    let data_dir = data_dir
        .or_else(|| std::env::var_os("COSTSHARE_DATA").map(PathBuf::from))
        .unwrap_or_else(Catalog::builtin_data_dir);
    let text = |e: Error| e.to_string();
    if let (Some(option), false) = (census_only, positional.first().is_some_and(|c| c == "census")) {
        return Err(format!("{option} applies to census only\n{USAGE}"));
    }

    match positional.first().map(String::as_str) {
        Some("census") => {
            let [_, path] = positional.as_slice() else {
                return Err(format!("census takes one census file\n{USAGE}"));
            };
            let list = plans_arg.as_deref().ok_or_else(|| format!("census needs --plans ID,ID,...\n{USAGE}"))?;
            let ids: Vec<String> = list.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
            let catalog = Catalog::load_dir(&data_dir).map_err(text)?;
            let threads = threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            census(&catalog, &ids, &census_options, path, threads, stats)
        }
        Some("estimate") => {
            let [_, path] = positional.as_slice() else {
                return Err(format!("estimate takes one scenario file\n{USAGE}"));
            };
            let catalog = Catalog::load_dir(&data_dir).map_err(text)?;
            let input = read_file(Path::new(path)).map_err(text)?;
            let result = costshare::estimate_json(&catalog, &input).map_err(text)?;
            to_json(&words::estimate_json(&result, catalog.vocabulary()))
        }
        Some("compare") => {
            let [_, path] = positional.as_slice() else {
                return Err(format!("compare takes one scenario file\n{USAGE}"));
            };
            let catalog = Catalog::load_dir(&data_dir).map_err(text)?;
            let scenario = costshare::Scenario::from_json(&read_file(Path::new(path)).map_err(text)?).map_err(text)?;
            let ids: Vec<String> = match &plans_arg {
                Some(list) => list.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
                None => {
                    catalog.plan_for(&scenario.plan, "plan").map_err(text)?;
                    catalog.options_for(&scenario.plan, None)
                }
            };
            let comparison = costshare::compare::compare(&catalog, &scenario, &ids).map_err(text)?;
            let curves = costshare::compare::cost_curves(&catalog, &scenario, &ids).ok();
            if table {
                return Ok(render_table(&comparison, curves.as_ref(), catalog.vocabulary()));
            }
            to_json(&words::comparison_json(&comparison, curves.as_ref(), catalog.vocabulary()))
        }
        Some("validate") => {
            if positional.len() < 2 {
                return Err(format!("validate takes one or more plan files\n{USAGE}"));
            }
            let services = data_dir.join(costshare::vocab::SERVICES_FILE);
            let vocab = Vocabulary::from_json(costshare::vocab::SERVICES_FILE, &read_file(&services).map_err(text)?).map_err(text)?;
            let mut catalog = Catalog::new(vocab);
            let mut out = String::new();
            for path in &positional[1..] {
                let input = read_file(Path::new(path)).map_err(text)?;
                let plan = catalog.add_plan_json(&costshare::error::shown(path), &input).map_err(text)?;
                out.push_str(&format!("ok {} ({} services)\n", plan.id, plan.services.len()));
            }
            Ok(out)
        }
        Some("plans") => {
            let catalog = Catalog::load_dir(&data_dir).map_err(text)?;
            let list: Vec<_> = catalog
                .plans()
                .map(|p| {
                    let p: &Plan = p;
                    serde_json::json!({
                        "id": p.id, "name": p.name, "program": p.program, "year": p.year,
                        "enrollment_types": p.enrollment_types, "document": p.document.file,
                    })
                })
                .collect();
            to_json(&list)
        }
        Some(other) => Err(format!("unknown command {}\n{USAGE}", costshare::error::shown(other))),
        None => Err(USAGE.to_string()),
    }
}

/// `costshare census`: reads the census twice (the order check, then the pricing), streaming
/// the output to stdout and refused rows and notes to stderr as it goes; returns the closing
/// line (an `Err`, so exit status 2) if any row was refused.
fn census(catalog: &Catalog, plans: &[String], options: &costshare::census::Options, path: &str, threads: usize, stats: bool) -> Result<String, String> {
    use costshare::census::{Columns, Input, Note, Report, RowError};
    struct Stderr;
    impl Report for Stderr {
        fn columns(&mut self, columns: &Columns) {
            if !columns.ignored.is_empty() {
                eprintln!("costshare: note: columns not used: {}", columns.ignored.join(", "));
            }
        }
        fn error(&mut self, error: &RowError) {
            eprintln!("costshare: {error}");
        }
        fn note(&mut self, note: &Note) {
            eprintln!("costshare: note: {note}");
        }
    }
    let mut stdin = std::io::stdin().lock();
    let input = if path == "-" { Input::Stream(&mut stdin) } else { Input::File(Path::new(path)) };
    let stdout = std::io::stdout();
    let mut output = std::io::BufWriter::with_capacity(64 * 1024, stdout.lock());
    let started = std::time::Instant::now();
    let summary = costshare::census::run(catalog, plans, options, input, &mut output, &mut Stderr, threads).map_err(|e| {
        // The library's words name no command-line flag; the flag that gives what is missing.
        let flag = match (e.code, e.field.as_str()) {
            (costshare::Code::MissingField, "usage") => " (--usage PRESET)",
            (costshare::Code::MissingField, "as_of") => " (--as-of YYYY-MM-DD)",
            _ => "",
        };
        let e = if e.origin == "census" && e.field.is_empty() && path != "-" { e.from(&costshare::error::shown(path)) } else { e };
        format!("{e}{flag}")
    })?;
    if stats {
        let seconds = started.elapsed().as_secs_f64();
        let per_second = |n: u64| if seconds > 0.0 { (n as f64 / seconds).round() } else { 0.0 };
        eprintln!(
            "costshare: census: {} households ({} priced), {} rows, {} claims in {seconds:.3} s on {threads} thread(s): {} households/s, {} claims/s",
            summary.households,
            summary.priced,
            summary.rows,
            summary.claims,
            per_second(summary.households),
            per_second(summary.claims),
        );
    }
    if summary.errors > 0 {
        let refused = summary.households - summary.priced;
        let mut message = format!("census: {} error(s); {refused} household(s) not priced", summary.errors);
        if summary.apart > 0 {
            message.push_str(&format!(" ({} with rows apart)", summary.apart));
        }
        if summary.unattached > 0 {
            message.push_str(&format!(", {} row(s) naming no household", summary.unattached));
        }
        return Err(message);
    }
    Ok(String::new())
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string_pretty(value).map(|s| s + "\n").map_err(|e| format!("could not write the result: {e}"))
}

/// The comparison as a table for people.
fn render_table(c: &costshare::compare::Comparison, curves: Option<&costshare::compare::CostCurves>, vocab: &Vocabulary) -> String {
    let mut out = String::new();
    let width = c.options.iter().map(|o| o.plan_name.chars().count()).max().unwrap_or(6).max(6);
    out.push_str(&format!(
        "{:<5} {:<width$}  {:>12}  {:>14}  {:>12}  {:>12}\n",
        "Rank", "Option", "Premium", "Out of pocket", "Total", "Worst case"
    ));
    for o in &c.options {
        match (&o.estimate, o.rank) {
            (Some(e), Some(rank)) => out.push_str(&format!(
                "{:<5} {:<width$}  {:>12}  {:>14}  {:>12}  {:>12}\n",
                format!("{rank}{}", if o.cheapest { " *" } else { "" }),
                o.plan_name,
                e.premium_annual.dollars(),
                e.member_pays_total.dollars(),
                e.total_annual_cost.dollars(),
                o.worst_case.as_ref().map(|w| w.total.dollars()).unwrap_or_default(),
            )),
            _ => out.push_str(&format!(
                "{:<5} {:<width$}  not priced: {}\n",
                "-",
                o.plan_name,
                o.error.as_ref().map_or("", |f| f.message.as_str())
            )),
        }
        let mut adjusted = Vec::new();
        if let Some(e) = o.adjusted.enrollment {
            adjusted.push(format!("enrollment: {}", e.as_str()));
        }
        if let Some(p) = o.adjusted.pay_schedule {
            adjusted.push(format!("pay schedule: {}", p.as_str()));
        }
        if !adjusted.is_empty() {
            out.push_str(&format!("      ({})\n", adjusted.join("; ")));
        }
    }
    out.push_str("\n* cheapest for this household and care\n");
    if let Some(curves) = curves {
        out.push_str(&format!("\nWith {} of care at allowed prices:\n", curves.spending.dollars()));
        if curves.crossings.is_empty() {
            out.push_str("  the same option is cheapest from no care up to the out-of-pocket maxima.\n");
        }
        for x in &curves.crossings {
            out.push_str(&format!("  {}\n", words::crossing_statement(curves, &x.cheaper_below, &x.cheaper_above, x.spending)));
        }
    }
    out.push_str("\nWorst cases:\n");
    for o in &c.options {
        if let Some(w) = &o.worst_case {
            out.push_str(&format!("  {}: {}\n", o.plan_name, words::worst_case_statement(w, vocab)));
        }
    }
    out
}
