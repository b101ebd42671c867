//! Every figure in a plan file is checked against its document:
//! 1. every citation's quote appears on its cited line of `docs/sources/<file>`;
//! 2. every money amount, percentage and limit in the plan appears in the words it cites, so a
//!    typo in a figure (or a citation of the wrong line) fails here.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use costshare::plan::{Benefit, Citation, Premium, Step};
use costshare::{Money, Plan};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn plan_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(root().join("data/plans"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    v.sort();
    assert!(!v.is_empty(), "no plan files");
    v
}

/// No-break spaces become spaces, runs of white space become one.
fn normalize(s: &str) -> String {
    s.replace('\u{a0}', " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Sources {
    docs: BTreeMap<String, Vec<String>>,
}

impl Sources {
    fn line(&mut self, file: &str, line: u32) -> Option<String> {
        let lines = self.docs.entry(file.to_string()).or_insert_with(|| {
            let text = fs::read_to_string(root().join("docs/sources").join(file))
                .unwrap_or_else(|e| panic!("docs/sources/{file}: {e}"));
            text.split('\n').map(normalize).collect()
        });
        lines.get((line as usize).checked_sub(1)?).cloned()
    }
}

/// Finds every `{line, quote}` object anywhere in a JSON tree, with its path.
fn citations<'a>(v: &'a Value, path: String, out: &mut Vec<(String, &'a Value)>) {
    match v {
        Value::Object(map) => {
            if map.contains_key("line") && map.contains_key("quote") {
                out.push((path.clone(), v));
            }
            for (k, child) in map {
                citations(child, format!("{path}.{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                citations(child, format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_quote_appears_on_its_cited_line() {
    let mut sources = Sources { docs: BTreeMap::new() };
    let mut checked = 0;
    let mut failures = Vec::new();
    for file in plan_files() {
        let text = fs::read_to_string(&file).unwrap();
        let json: Value = serde_json::from_str(&text).unwrap();
        let doc = json["document"]["file"].as_str().expect("document.file").to_string();
        let mut found = Vec::new();
        citations(&json, String::new(), &mut found);
        for (path, c) in found {
            let line = c["line"].as_u64().unwrap() as u32;
            let quote = normalize(c["quote"].as_str().unwrap());
            let in_file = c.get("file").and_then(Value::as_str).unwrap_or(&doc).to_string();
            checked += 1;
            if quote.len() < 3 {
                failures.push(format!("{}{path}: quote too short to prove anything", file.display()));
                continue;
            }
            match sources.line(&in_file, line) {
                Some(l) if l.contains(&quote) => {}
                Some(l) => failures.push(format!(
                    "{}{path}: \"{quote}\" is not on line {line} of {in_file}, which reads: {}",
                    file.display(),
                    l.chars().take(200).collect::<String>()
                )),
                None => failures.push(format!("{}{path}: {in_file} has no line {line}", file.display())),
            }
        }
    }
    assert!(failures.is_empty(), "{} of {checked} citations are wrong:\n{}", failures.len(), failures.join("\n"));
    assert!(checked > 300, "only {checked} citations found");
}

/// The ways a brochure writes an amount: "$1,000", "$1,000.00", "1,000.00".
fn money_forms(m: Money) -> Vec<String> {
    let dollars = m.dollars(); // "$1,000.00"
    let mut forms = vec![dollars[1..].to_string(), dollars.clone()];
    if let Some(whole) = dollars.strip_suffix(".00") {
        forms.push(whole.to_string());
    }
    forms
}

fn mentions_money(quotes: &str, m: Money) -> bool {
    money_forms(m).iter().any(|f| {
        // "$30" must not match inside "$300".
        quotes.match_indices(f.as_str()).any(|(i, _)| {
            let next = quotes[i + f.len()..].chars().next();
            !matches!(next, Some(c) if c.is_ascii_digit() || (c == ',' && quotes[i + f.len() + 1..].starts_with(|d: char| d.is_ascii_digit())))
        })
    })
}

fn quotes_of<'a>(cites: impl IntoIterator<Item = &'a Citation>) -> String {
    cites.into_iter().map(|c| normalize(&c.quote)).collect::<Vec<_>>().join(" | ")
}

fn check_steps(where_: &str, steps: &[Step], quotes: &str, failures: &mut Vec<String>) {
    for step in steps {
        match step {
            Step::Deductible {} => {
                if !quotes.contains("deductible") {
                    failures.push(format!("{where_}: a deductible step, but the cited words do not mention the deductible: {quotes}"));
                }
            }
            Step::Copay { amount, max, .. } => {
                // "Nothing after you pay the office visit copayment" cites the copay elsewhere (see_also).
                if !mentions_money(quotes, *amount) {
                    failures.push(format!("{where_}: copay {amount} is not in the cited words: {quotes}"));
                }
                if let Some(m) = max {
                    if !mentions_money(quotes, *m) {
                        failures.push(format!("{where_}: maximum {m} is not in the cited words: {quotes}"));
                    }
                }
            }
            Step::Allowance { amount } => {
                if !mentions_money(quotes, *amount) {
                    failures.push(format!("{where_}: allowance {amount} is not in the cited words: {quotes}"));
                }
            }
            Step::Coinsurance { percent, max } => {
                // FEHB brochures write "20%"; the Fresno EOCs "20 percent".
                if !quotes.contains(&format!("{percent}%")) && !quotes.contains(&format!("{percent} percent")) {
                    failures.push(format!("{where_}: {percent}% is not in the cited words: {quotes}"));
                }
                if let Some(m) = max {
                    if !mentions_money(quotes, *m) {
                        failures.push(format!("{where_}: cap {m} is not in the cited words: {quotes}"));
                    }
                }
            }
        }
    }
}

fn check_benefit(plan: &Plan, id: &str, b: &Benefit, failures: &mut Vec<String>) {
    let where_ = format!("{} services.{id}", plan.id);
    let quotes = quotes_of(std::iter::once(&b.source).chain(&b.see_also));
    check_steps(&where_, &b.cost_share, &quotes, failures);
    if !b.covered && !quotes.contains("All charges") && !quotes.to_lowercase().contains("not covered") && !quotes.contains("no other") {
        failures.push(format!("{where_}: not covered, but the cited words do not say so: {quotes}"));
    }
    if let Some(p) = &b.yearly_payment_limit {
        let q = normalize(&p.source.quote);
        if !mentions_money(&q, p.amount) || !q.contains("limit our payment") {
            failures.push(format!("{where_}.yearly_payment_limit: {} is not a payment limit in the cited words: {q}", p.amount));
        }
    }
    let says_nothing = quotes.contains("Nothing") || quotes.to_lowercase().contains("no charge");
    if b.cost_share.is_empty() && b.covered && !says_nothing {
        failures.push(format!("{where_}: costs nothing, but the cited words do not say \"Nothing\": {quotes}"));
    }
    for (i, v) in b.variants.iter().enumerate() {
        let vq = quotes_of(std::iter::once(&v.source));
        if let Some(steps) = &v.cost_share {
            check_steps(&format!("{where_}.variants[{i}]"), steps, &format!("{vq} | {quotes}"), failures);
        }
        for age in [v.when.max_age, v.when.min_age].into_iter().flatten() {
            let a = age.to_string();
            let b1 = (age + 1).to_string();
            if !vq.contains(&a) && !vq.contains(&b1) {
                failures.push(format!("{where_}.variants[{i}]: age {age} is not in the cited words: {vq}"));
            }
        }
    }
}

/// A premium row's figures against its cited row: each amount in the quote and, where the
/// Government share is given, each figure in its own column. The FEHB row reads
/// `<type><code>$Gov't biweekly$Your biweekly$Gov't monthly$Your monthly` (the table's header,
/// e.g. seed 001 lines 3826-3837).
fn premium_row_faults(plan: &str, enrollment: &str, p: &Premium) -> Vec<String> {
    let mut faults = Vec::new();
    let q = normalize(&p.source.quote);
    let government = p.government_share.as_ref();
    for m in [p.biweekly, p.monthly, government.and_then(|g| g.biweekly), government.and_then(|g| g.monthly)].into_iter().flatten() {
        if !mentions_money(&q, m) {
            faults.push(format!("{plan} premiums.{enrollment}: {m} is not in the cited row: {q}"));
        }
    }
    if let Some(g) = government {
        let columns: Vec<Option<Money>> = q.split('$').skip(1).map(|a| Money::parse(&a.replace(',', "")).ok()).collect();
        let want = vec![g.biweekly, p.biweekly, g.monthly, p.monthly];
        if columns != want {
            faults.push(format!("{plan} premiums.{enrollment}: the row's columns {columns:?} are not Gov't and Your share biweekly, then monthly: {want:?}"));
        }
    }
    faults
}

#[test]
fn every_figure_appears_in_the_words_it_cites() {
    let mut failures = Vec::new();
    for file in plan_files() {
        let plan = Plan::from_json(&file.display().to_string(), &fs::read_to_string(&file).unwrap()).unwrap();
        for (e, p) in &plan.premiums {
            failures.extend(premium_row_faults(&plan.id, e.as_str(), p));
        }
        if let Some(m) = &plan.medicare {
            let q = normalize(&m.source.quote);
            if m.requires_part_b && !q.contains("Part B") {
                failures.push(format!("{} medicare.requires_part_b: the cited words do not mention Part B: {q}", plan.id));
            }
        }
        for (i, r) in plan.member_premiums.iter().enumerate() {
            let q = normalize(&r.source.quote);
            if !mentions_money(&q, r.monthly) {
                failures.push(format!("{} member_premiums[{i}]: {} is not in the cited words: {q}", plan.id, r.monthly));
            }
        }
        for (name, acc) in [
            ("deductible", plan.deductible.as_ref()),
            ("out_of_pocket_max", Some(&plan.out_of_pocket_max)),
            ("part_d_out_of_pocket_max", plan.part_d_out_of_pocket_max.as_ref()),
        ] {
            let Some(acc) = acc else { continue };
            let q = normalize(&acc.source.quote);
            for m in [Some(acc.individual), acc.family].into_iter().flatten() {
                if !mentions_money(&q, m) {
                    failures.push(format!("{} {name}: {m} is not in the cited words: {q}", plan.id));
                }
            }
        }
        for (name, l) in &plan.limits {
            let q = normalize(&l.source.quote);
            if !q.contains(&l.max.to_string()) {
                failures.push(format!("{} limits.{name}: {} is not in the cited words: {q}", plan.id, l.max));
            }
        }
        for (id, b) in &plan.services {
            check_benefit(&plan, id, b, &mut failures);
        }
    }
    assert!(failures.is_empty(), "{} figures do not match their citations:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn a_government_share_in_the_wrong_column_is_caught() {
    // Swapping a row's two Gov't figures keeps both amounts in the quote: only the column check
    // can see it. Leaving one out must be seen too.
    let file = root().join("data/plans/kp-co-fehb-2022-high.json");
    let text = fs::read_to_string(&file).unwrap();
    let swapped = text.replacen("\"biweekly\": \"244.86\"", "\"biweekly\": \"530.53\"", 1).replacen("\"monthly\": \"530.53\"", "\"monthly\": \"244.86\"", 1);
    let typo = text.replacen("\"biweekly\": \"244.86\"", "\"biweekly\": \"244.68\"", 1);
    let good = Plan::from_json("good", &text).unwrap();
    for (what, altered) in [("swapped", swapped), ("typo", typo)] {
        let plan = Plan::from_json("altered", &altered).unwrap();
        assert_ne!(plan, good, "{what}: test setup");
        let faults: Vec<String> = plan.premiums.iter().flat_map(|(e, p)| premium_row_faults(&plan.id, e.as_str(), p)).collect();
        assert!(!faults.is_empty(), "{what}: not caught");
    }
    assert!(good.premiums.iter().all(|(e, p)| premium_row_faults(&good.id, e.as_str(), p).is_empty()));
}

#[test]
fn a_wrong_figure_is_caught() {
    // The check above must be able to fail: change one copay and it must complain.
    let file = root().join("data/plans/kp-co-fehb-2022-standard.json");
    let text = fs::read_to_string(&file).unwrap().replacen("\"amount\": \"30.00\"", "\"amount\": \"35.00\"", 1);
    let plan = Plan::from_json("altered", &text).unwrap();
    let mut failures = Vec::new();
    for (id, b) in &plan.services {
        check_benefit(&plan, id, b, &mut failures);
    }
    assert!(failures.iter().any(|f| f.contains("35.00")), "{failures:?}");
}
