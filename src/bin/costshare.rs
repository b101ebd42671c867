//! `costshare`: the command-line tool over the engine.
//!
//!   costshare estimate SCENARIO.json     print the result JSON (`-` reads standard input)
//!   costshare validate PLAN.json...      check plan files; print each plan's id
//!   costshare plans                      list the built-in catalog
//!
//! Options: `--data DIR` (default: the `data/` folder of this project, or $COSTSHARE_DATA).
//! Bad input exits with status 2 and a message naming the field; anything else unexpected 1.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use costshare::{Catalog, Plan};

const USAGE: &str = "usage:
  costshare estimate SCENARIO.json [--data DIR]   estimate a year of care (- reads stdin)
  costshare validate PLAN.json...                 check plan files
  costshare plans [--data DIR]                    list the built-in plans
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
            eprintln!("costshare: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<String, String> {
    let mut data_dir: Option<PathBuf> = None;
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
            "-h" | "--help" => return Ok(USAGE.to_string()),
            a if a.starts_with("--") => return Err(format!("unknown option {a}\n{USAGE}")),
            a => positional.push(a.to_string()),
        }
        i += 1;
    }
    let data_dir = data_dir
        .or_else(|| std::env::var_os("COSTSHARE_DATA").map(PathBuf::from))
        .unwrap_or_else(Catalog::builtin_data_dir);

    match positional.first().map(String::as_str) {
        Some("estimate") => {
            let [_, path] = positional.as_slice() else {
                return Err(format!("estimate takes one scenario file\n{USAGE}"));
            };
            let catalog = load_catalog(&data_dir)?;
            let text = read_input(path)?;
            let result = costshare::estimate_json(&catalog, &text).map_err(|e| e.to_string())?;
            to_json(&result)
        }
        Some("validate") => {
            if positional.len() < 2 {
                return Err(format!("validate takes one or more plan files\n{USAGE}"));
            }
            let mut out = String::new();
            let mut catalog = Catalog::new();
            for path in &positional[1..] {
                let text = read_input(path)?;
                let plan = catalog.add_plan_json(path, &text).map_err(|e| e.to_string())?;
                out.push_str(&format!("ok {} ({} services)\n", plan.id, plan.services.len()));
            }
            Ok(out)
        }
        Some("plans") => {
            let catalog = load_catalog(&data_dir)?;
            let list: Vec<_> = catalog
                .plans()
                .map(|p: &Plan| {
                    serde_json::json!({
                        "id": p.id, "name": p.name, "program": p.program, "year": p.year,
                        "enrollment_types": p.enrollment_types, "document": p.document.file,
                    })
                })
                .collect();
            to_json(&list)
        }
        Some(other) => Err(format!("unknown command {other}\n{USAGE}")),
        None => Err(USAGE.to_string()),
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string_pretty(value).map(|s| s + "\n").map_err(|e| format!("could not write the result: {e}"))
}

fn read_input(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).map_err(|e| format!("standard input: {e}"))?;
        return Ok(s);
    }
    fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

fn load_catalog(data_dir: &Path) -> Result<Catalog, String> {
    Catalog::load_dir(data_dir).map_err(|e| e.to_string())
}
