//! `costshare`: the command-line tool over the engine.
//!
//!   costshare estimate SCENARIO.json     print the result JSON (`-` reads standard input)
//!   costshare validate PLAN.json...      check plan files; print each plan's id
//!   costshare plans                      list the built-in catalog
//!   costshare plan ID                    what a form asks about one plan (its plan view)
//!   costshare compare SCENARIO.json [--plans a,b,c] [--curves] [--table]
//!                                        the household under several options, ranked
//!   costshare odds SCENARIO.json [--plans a,b,c]
//!                                        each option's yearly total over the household's likely
//!                                        years (CMS table): percentiles, mean, chance cheapest
//!   costshare census CENSUS.csv --plans a,b,c [--as-of DATE] [--usage PRESET] [--contribution C] [--threads N] [--stats]
//!                                        price a group, household by household (CSV out)
//!   costshare payment-plan INPUT.json    the Medicare Prescription Payment Plan's monthly bills
//!
//! The vocabulary, plans, prices, presets and the CMS table's years are inside the binary
//! (`costshare::builtin`), so a copy works anywhere; `--data DIR` (or `$COSTSHARE_DATA`) reads a
//! folder instead.
//! Bad input exits with status 2 and an error naming the field: `origin: field: message` on
//! standard error, or with `--errors json` one line `{"error": {code, field, path, params,
//! origin, message}}` (a census: one per refused row, with `row` and `column`). An option that
//! is unknown, given twice or of no use to the command is refused the same way.
//! Every input is read up to its size limit and no further.
//!
//! Why one file of about 550 lines: each command's arguments, options table and printing, one
//! screen each; the work itself is the library's.

/// A line on stderr, where a closed stderr (`2>&1 | head`) is not a panic: the message has no
/// reader, and the exit status still says what happened.
macro_rules! say {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($t)*);
    }};
}

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use costshare::catalog::read_file;
use costshare::error::{ErrorPath, Param};
use costshare::{words, Catalog, Code, Error, ErrorKind, Plan, Vocabulary};

const USAGE: &str = "usage:
  costshare estimate SCENARIO.json               estimate a year of care (- reads stdin)
  costshare validate PLAN.json...                check plan files against the vocabulary
  costshare plans                                list the built-in plans
  costshare plan ID                              what a form asks about one plan (its plan view)
  costshare compare SCENARIO.json [--plans ID,ID,...] [--curves] [--table]
      price the scenario's household under several options (default: every option of
      the scenario plan's group offer; those the household may not take are listed as
      closed, with the reason, not priced), ranked, with worst cases; --curves adds each
      option's cost as care grows (cost_curves); --table prints a table for people
  costshare odds SCENARIO.json [--plans ID,ID,...]
      the odds of the household's year on each option (default: as compare): each member's
      year a decile of the CMS utilization table for their age and sex (1 to 10, equally
      likely, members independent), on top of the care listed; each option's 10th, 50th and
      90th percentile and mean yearly total, and its chance of being the cheapest
  costshare payment-plan INPUT.json
      the Medicare Prescription Payment Plan's monthly bills for a year's Part D costs given
      month by month: {\"year\": 2025, \"opt_in_month\": 1, \"monthly_out_of_pocket\": [12 amounts]}
      gives {\"bills\": [12 amounts], \"total_billed\": ...}
  costshare census CENSUS.csv --plans ID,ID,... [--as-of YYYY-MM-DD] [--usage PRESET]
                   [--contribution amount:500.00|percent:80] [--threads N] [--stats]
      price every household of a census CSV (- reads stdin) on every plan: CSV on stdout,
      refused rows on stderr by row and column (a household with a bad row is not priced),
      exit status 2 if any row was refused.
      --as-of: the date ages are counted on from date_of_birth (default: January 1 of the
      plans' year); --usage: the usage preset for rows that give none; --contribution: an
      employer contribution per pay period for every household (adds the columns
      premium_gross_annual,contribution_annual); --threads: pricing threads (default: every
      core); --stats: counts and speed on stderr at the end
options for every command:
  --data DIR        read the data from DIR instead of the copy built in (or $COSTSHARE_DATA)
  --errors json     write errors as JSON lines {\"error\": {...}} instead of text (a census's
                    notes too, as {\"note\": {...}})
";

/// Each option, and the commands it means something to.
const OPTIONS: &[(&str, &[&str])] = &[
    ("--data", &["estimate", "validate", "plans", "plan", "compare", "census", "odds", "payment-plan"]),
    ("--errors", &["estimate", "validate", "plans", "plan", "compare", "census", "odds", "payment-plan"]),
    ("--plans", &["compare", "census", "odds"]),
    ("--table", &["compare"]),
    ("--curves", &["compare"]),
    ("--as-of", &["census"]),
    ("--usage", &["census"]),
    ("--contribution", &["census"]),
    ("--threads", &["census"]),
    ("--stats", &["census"]),
];

/// What the command line asked for.
#[derive(Default)]
struct Args {
    command: Option<String>,
    files: Vec<String>,
    data_dir: Option<PathBuf>,
    json_errors: bool,
    plans: Option<String>,
    table: bool,
    curves: bool,
    census: costshare::census::Options,
    threads: Option<usize>,
    stats: bool,
}

/// How a run ends badly: an error (exit 2), or, for a census with refused rows, the closing
/// count (the rows were reported as they came).
enum Failure {
    Error(Error),
    Census(costshare::census::Summary),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        Failure::Error(e)
    }
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    // Read first, so that even an error in reading the other options is said as asked.
    let json_errors = argv.windows(2).any(|w| w[0] == "--errors" && w[1] == "json");
    let outcome = parse(&argv).map_err(Failure::Error).and_then(|args| run(&args));
    match outcome {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = stdout.write_all(out.as_bytes());
            let _ = stdout.flush();
            ExitCode::SUCCESS
        }
        Err(Failure::Error(e)) => {
            if json_errors {
                say!("{}", json_line("error", &e));
            } else if e.origin == "arguments" {
                // A usage fault names its option in its words; a value's fault (`--contribution`'s
                // amount) is said after the option.
                let words = if e.code() == Code::WrongArgument || e.path.is_root() { e.message() } else { format!("{}: {}", e.field(), e.message()) };
                say!("costshare: {}\n{USAGE}", safe(&words));
            } else {
                say!("costshare: {}{}", safe(&e.to_string()), flag_for(&e));
            }
            ExitCode::from(2)
        }
        Err(Failure::Census(summary)) => {
            if json_errors {
                let counts = serde_json::json!({ "census": {
                    "errors": summary.errors,
                    "households_refused": summary.households - summary.priced,
                    "households_apart": summary.apart,
                    "rows_without_household": summary.unattached,
                }});
                say!("{counts}");
            } else {
                let refused = summary.households - summary.priced;
                let mut message = format!("census: {} error(s); {refused} household(s) not priced", summary.errors);
                if summary.apart > 0 {
                    message.push_str(&format!(" ({} with rows apart)", summary.apart));
                }
                if summary.unattached > 0 {
                    message.push_str(&format!(", {} row(s) naming no household", summary.unattached));
                }
                say!("costshare: {message}");
            }
            ExitCode::from(2)
        }
    }
}

/// The option that gives what a census misses, after its words in text (the library's words
/// name no command-line option).
fn flag_for(e: &Error) -> &'static str {
    match (e.origin.as_str(), e.code(), e.field().as_str()) {
        ("census", Code::MissingField, "usage") => " (--usage PRESET)",
        ("census", Code::MissingField, "as_of") => " (--as-of YYYY-MM-DD)",
        _ => "",
    }
}

/// Messages quote input shortened and escaped already; paths and options given on the command
/// line are escaped here too, so nothing reaches the terminal as a control code.
fn safe(message: &str) -> String {
    message.chars().map(|c| if c.is_control() && c != '\n' { ' ' } else { c }).collect()
}

/// `{"error": {...}}` on one line.
fn json_line<T: serde::Serialize>(key: &str, value: &T) -> String {
    let mut map = serde_json::Map::new();
    map.insert(key.to_string(), serde_json::to_value(value).unwrap_or(serde_json::Value::Null));
    serde_json::Value::Object(map).to_string()
}

/// A command-line fault, said in `rule` (which names its params).
fn usage(at: &str, rule: &'static str, params: Vec<(&'static str, Param)>) -> Error {
    Error::at("arguments", ErrorPath::from(at), ErrorKind::usage(rule, params))
}

fn parse(argv: &[String]) -> Result<Args, Error> {
    let mut args = Args::default();
    let mut given: Vec<&'static str> = Vec::new();
    let mut i = 0;
    while i < argv.len() {
        let arg = argv[i].as_str();
        if arg == "-h" || arg == "--help" {
            args.command = Some("help".into());
            return Ok(args);
        }
        if !arg.starts_with("--") || arg == "-" {
            if args.command.is_none() {
                args.command = Some(arg.to_string());
            } else {
                args.files.push(arg.to_string());
            }
            i += 1;
            continue;
        }
        let Some(&(option, _)) = OPTIONS.iter().find(|(o, _)| *o == arg) else {
            return Err(usage(arg, "unknown option {value}", vec![("value", arg.into())]));
        };
        if given.contains(&option) {
            return Err(usage(option, "{option} is given twice", vec![("option", option.into())]));
        }
        given.push(option);
        let named = |rule| usage(option, rule, vec![("option", option.into())]);
        let mut value = |what: &'static str| -> Result<&str, Error> {
            i += 1;
            argv.get(i).map(String::as_str).ok_or_else(|| named(what))
        };
        match option {
            "--data" => args.data_dir = Some(PathBuf::from(value("{option} needs a folder")?)),
            "--plans" => args.plans = Some(value("{option} needs a comma-separated list of plan ids")?.to_string()),
            "--errors" => {
                let v = value("{option} needs json or text")?;
                if v != "json" && v != "text" {
                    let params = vec![("option", option.into()), ("value", v.into()), ("allowed", Param::from(&["json", "text"][..]))];
                    return Err(usage(option, "{option}: \"{value}\" is not one of {allowed}", params));
                }
                args.json_errors = v == "json";
            }
            "--as-of" => {
                let text = value("{option} needs a date (YYYY-MM-DD)")?;
                let date = costshare::census::Date::parse(text).filter(|_| text.contains('-'));
                let params = vec![("option", option.into()), ("value", text.into())];
                args.census.as_of = Some(date.ok_or_else(|| usage(option, "{option}: \"{value}\" is not a date: YYYY-MM-DD", params))?);
            }
            "--usage" => args.census.usage = Some(value("{option} needs a usage preset id")?.to_string()),
            "--contribution" => {
                let text = value("{option} needs amount:DOLLARS or percent:PERCENT")?;
                let contribution = costshare::census::contribution(text).map_err(|kind| Error::at("arguments", ErrorPath::from(option), kind))?;
                args.census.contribution = Some(contribution);
            }
            "--threads" => {
                let text = value("{option} needs a number")?;
                let n = text.parse::<usize>().ok().filter(|n| (1..=1024).contains(n));
                let params = vec![("option", option.into()), ("value", text.into()), ("min", Param::Int(1)), ("max", Param::Int(1024))];
                args.threads = Some(n.ok_or_else(|| usage(option, "{option}: \"{value}\" is not a number from {min} to {max}", params))?);
            }
            "--stats" => args.stats = true,
            "--table" => args.table = true,
            _ => args.curves = true, // --curves
        }
        i += 1;
    }
    // An option of no use to the command is refused rather than silently ignored.
    if let Some(command) = args.command.as_deref() {
        let known = OPTIONS[0].1.contains(&command);
        for option in &given {
            let meant = OPTIONS.iter().find(|(o, _)| o == option).map_or(&[][..], |(_, c)| *c);
            if known && !meant.contains(&command) {
                let params = vec![("option", Param::Text((*option).into())), ("command", command.into()), ("allowed", Param::from(meant))];
                return Err(usage(option, "{option} does not apply to {command}: only to {allowed}", params));
            }
        }
    }
    Ok(args)
}

fn run(args: &Args) -> Result<String, Failure> {
    // The data: a folder given, else the copy built into the binary.
    let data_dir = args.data_dir.clone().or_else(|| std::env::var_os("COSTSHARE_DATA").map(PathBuf::from));
    let catalog = || -> Result<Catalog, Error> {
        match &data_dir {
            Some(dir) => Catalog::load_dir(dir),
            None => Catalog::builtin(),
        }
    };
    let command = args.command.as_deref().unwrap_or_default();
    let one_file = |what: &'static str| -> Result<&str, Error> {
        match args.files.as_slice() {
            [file] => Ok(file),
            _ => Err(usage("", what, vec![("command", command.into())])),
        }
    };
    let ids = |list: &str| -> Vec<String> { list.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect() };
    // The options a comparison or the odds price: `--plans`, else the scenario plan's group offer.
    let options = |catalog: &costshare::Catalog, scenario: &costshare::Scenario| -> Result<Vec<String>, costshare::Error> {
        Ok(match &args.plans {
            Some(list) => ids(list),
            None => {
                catalog.plan_for(&scenario.plan, costshare::error::ErrorPath::from("plan"))?;
                catalog.options_for(&scenario.plan, None)
            }
        })
    };

    match command {
        "help" => Ok(USAGE.to_string()),
        "estimate" => {
            let path = one_file("{command} takes one scenario file")?;
            let catalog = catalog()?;
            let input = read_file(Path::new(path))?;
            let result = costshare::estimate_json(&catalog, &input)?;
            Ok(to_json(&words::estimate_json(&result, catalog.vocabulary())))
        }
        "compare" => {
            let path = one_file("{command} takes one scenario file")?;
            let catalog = catalog()?;
            let scenario = costshare::Scenario::from_json(&read_file(Path::new(path))?)?;
            let ids = options(&catalog, &scenario)?;
            // The table shows where the cheapest option changes: it always has the curves.
            let comparison = if args.curves || args.table {
                costshare::compare::with_curves(&catalog, &scenario, &ids)?
            } else {
                costshare::compare::compare(&catalog, &scenario, &ids)?
            };
            if args.table {
                return Ok(render_table(&comparison, catalog.vocabulary()));
            }
            Ok(to_json(&words::comparison_json(&comparison, catalog.vocabulary())))
        }
        "odds" => {
            let path = one_file("{command} takes one scenario file")?;
            let catalog = catalog()?;
            let scenario = costshare::Scenario::from_json(&read_file(Path::new(path))?)?;
            let ids = options(&catalog, &scenario)?;
            Ok(to_json(&costshare::odds::odds(&catalog, &scenario, &ids)?))
        }
        "validate" => {
            if args.files.is_empty() {
                return Err(usage("", "{command} takes one or more plan files", vec![("command", command.into())]).into());
            }
            let vocab = match &data_dir {
                Some(dir) => {
                    let services = dir.join(costshare::vocab::SERVICES_FILE);
                    Vocabulary::from_json(costshare::vocab::SERVICES_FILE, &read_file(&services)?)?
                }
                None => costshare::builtin::vocabulary()?,
            };
            let mut catalog = Catalog::new(vocab);
            if let Some(dir) = &data_dir {
                // A Part D plan is checked against the folder's Medicare figures, if it has them.
                let years = dir.join(costshare::medicare_year::FILE);
                if years.exists() {
                    catalog.set_medicare_years_json(costshare::medicare_year::FILE, &read_file(&years)?)?;
                }
            }
            let mut out = String::new();
            for path in &args.files {
                let input = read_file(Path::new(path))?;
                let plan = catalog.add_plan_json(&costshare::error::shown(path), &input)?;
                out.push_str(&format!("ok {} ({} services)\n", plan.id, plan.services.len()));
            }
            Ok(out)
        }
        "plans" => {
            if !args.files.is_empty() {
                return Err(usage("", "{command} takes no file", vec![("command", command.into())]).into());
            }
            let catalog = catalog()?;
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
            Ok(to_json(&list))
        }
        "plan" => {
            let id = one_file("{command} takes one plan id")?;
            let catalog = catalog()?;
            let plan = catalog.plan_for(id, costshare::error::ErrorPath::ROOT).map_err(|e| e.from("arguments"))?;
            Ok(to_json(&costshare::planview::plan_view(&catalog, plan)))
        }
        "census" => {
            let path = one_file("{command} takes one census file")?;
            let list = args.plans.as_deref().ok_or_else(|| usage("--plans", "{command} needs --plans ID,ID,...", vec![("command", command.into())]))?;
            let catalog = catalog()?;
            let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            census(&catalog, &ids(list), args, path, threads)
        }
        "payment-plan" => {
            use costshare::payment_plan::{Input, ORIGIN};
            let path = one_file("{command} takes one input file")?;
            // Only the Medicare figures are needed: the folder's, else the built-in copy.
            let years = match data_dir.as_ref().map(|d| d.join(costshare::medicare_year::FILE)).filter(|f| f.exists()) {
                Some(file) => costshare::medicare_year::MedicareYears::from_json(costshare::medicare_year::FILE, &read_file(&file)?)?,
                None => costshare::medicare_year::MedicareYears::from_json(costshare::medicare_year::FILE, costshare::medicare_year::BUILT_IN)?,
            };
            let input = Input::from_json(ORIGIN, &read_file(Path::new(path))?)?;
            Ok(to_json(&input.bills(&years, ORIGIN)?))
        }
        "" => Err(usage("", "a command is needed", vec![]).into()),
        other => Err(usage("", "unknown command {value}", vec![("value", other.into())]).into()),
    }
}

/// `costshare census`: reads the census twice (the order check, then the pricing), streaming
/// the output to stdout and refused rows and notes to stderr as they come; fails with the
/// counts (exit status 2) if any row was refused.
fn census(catalog: &Catalog, plans: &[String], args: &Args, path: &str, threads: usize) -> Result<String, Failure> {
    use costshare::census::{Columns, Input, Note, Report, RowError};
    struct Stderr {
        json: bool,
    }
    impl Report for Stderr {
        fn columns(&mut self, columns: &Columns) {
            if columns.ignored.is_empty() {
                return;
            }
            if self.json {
                let message = format!("columns not used: {}", columns.ignored.join(", "));
                say!("{}", serde_json::json!({ "note": { "code": "columns_not_used", "message": message, "columns": columns.ignored } }));
            } else {
                say!("costshare: note: columns not used: {}", columns.ignored.join(", "));
            }
        }
        fn error(&mut self, error: &RowError) {
            if self.json {
                say!("{}", json_line("error", error));
            } else {
                say!("costshare: {error}");
            }
        }
        fn note(&mut self, note: &Note) {
            if self.json {
                say!("{}", json_line("note", note));
            } else {
                say!("costshare: note: {note}");
            }
        }
    }
    let mut stdin = std::io::stdin().lock();
    let input = if path == "-" { Input::Stream(&mut stdin) } else { Input::File(Path::new(path)) };
    let stdout = std::io::stdout();
    let mut output = std::io::BufWriter::with_capacity(64 * 1024, stdout.lock());
    let started = std::time::Instant::now();
    let mut report = Stderr { json: args.json_errors };
    let summary = costshare::census::run(catalog, plans, &args.census, input, &mut output, &mut report, threads).map_err(|e| {
        // A fault of the file as a whole is said of the file by its name.
        if e.origin == "census" && e.path.is_root() && path != "-" {
            e.from(&costshare::error::shown(path))
        } else {
            e
        }
    })?;
    if args.stats {
        let seconds = started.elapsed().as_secs_f64();
        let per_second = |n: u64| if seconds > 0.0 { (n as f64 / seconds).round() } else { 0.0 };
        say!(
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
        return Err(Failure::Census(summary));
    }
    Ok(String::new())
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    // Serializing our own types to a string cannot fail.
    serde_json::to_string_pretty(value).map(|s| s + "\n").unwrap_or_default()
}

/// The comparison as a table for people.
fn render_table(c: &costshare::compare::Comparison, vocab: &Vocabulary) -> String {
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
            _ => match &o.closed {
                Some(closed) => out.push_str(&format!(
                    "{:<5} {:<width$}  not open to this household: {}{}\n",
                    "-",
                    o.plan_name,
                    closed.reason.kind.message(),
                    closed.source.as_ref().map(|s| format!(" (document line {})", s.line)).unwrap_or_default()
                )),
                None => out.push_str(&format!(
                    "{:<5} {:<width$}  not priced: {}\n",
                    "-",
                    o.plan_name,
                    o.error.as_ref().map(|e| e.to_string()).unwrap_or_default()
                )),
            },
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
    if let Some(Some(curves)) = &c.cost_curves {
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
