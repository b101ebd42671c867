//! Native throughput: claims adjudicated per second on one core (`cargo bench --bench adjudicate`).
//! A plain timing harness (no nightly, no dependencies): each workload runs for about a second,
//! best of five. Figures are recorded in BENCHMARKS.md, never asserted in tests.

use std::time::{Duration, Instant};

use costshare::{estimate, Catalog, Scenario};

/// A family of four with 50 claims each, on the given plan, mixing every kind of rule.
fn family_year(plan: &str, enrollment: &str) -> Scenario {
    let kinds = [
        r#""service":"primary_care_visit","count":8"#,
        r#""service":"specialist_visit","count":6"#,
        r#""service":"lab_test","count":8"#,
        r#""service":"advanced_imaging","count":2"#,
        r#""service":"physical_therapy_visit","count":12"#,
        r#""service":"rx_generic","count":10,"days_supply":30"#,
        r#""service":"emergency_room_visit","count":1"#,
        r#""service":"inpatient_stay","count":1,"days":3"#,
        r#""service":"dme_item","count":2"#,
    ];
    let mut uses = Vec::new();
    for m in ["a", "b", "c", "d"] {
        for k in kinds {
            uses.push(format!(r#"{{"member":"{m}",{k}}}"#));
        }
    }
    let members = if enrollment == "per_member" {
        r#"[{"id":"a","age":70},{"id":"b","age":68},{"id":"c","age":66},{"id":"d","age":65}]"#
    } else {
        r#"[{"id":"a","age":45},{"id":"b","age":43},{"id":"c","age":12},{"id":"d","age":9}]"#
    };
    Scenario::from_json(&format!(
        r#"{{"plan":"{plan}","enrollment":"{enrollment}","members":{members},"services":[{}]}}"#,
        uses.join(",")
    ))
    .unwrap()
}

/// `ADJUDICATE_RUNS=n`: run each workload exactly n times instead of timing it, for counting
/// instructions (`valgrind --tool=callgrind`), which is repeatable on a shared machine.
fn fixed_runs() -> Option<u32> {
    std::env::var("ADJUDICATE_RUNS").ok().and_then(|n| n.parse().ok())
}

/// `ADJUDICATE_ROWS=plans` (or `compare`, `curves`, `big`; comma-separated): only those rows.
fn wanted(kind: &str) -> bool {
    std::env::var("ADJUDICATE_ROWS").map_or(true, |rows| rows.split(',').any(|r| r == kind))
}

fn time<F: FnMut()>(mut f: F) -> Duration {
    if let Some(n) = fixed_runs() {
        let start = Instant::now();
        for _ in 0..n {
            f();
        }
        return start.elapsed() / n.max(1);
    }
    let mut best = Duration::MAX;
    for _ in 0..5 {
        let start = Instant::now();
        let mut runs = 0u32;
        while start.elapsed() < Duration::from_millis(200) {
            f();
            runs += 1;
        }
        best = best.min(start.elapsed() / runs);
    }
    best
}

fn main() {
    let catalog = Catalog::builtin().unwrap();
    println!("{:<40} {:>8} {:>12} {:>16}", "workload", "claims", "per year", "claims/second");
    let mut all_claims = 0u64;
    let mut all_time = Duration::ZERO;
    for plan in catalog.plans().filter(|_| wanted("plans")) {
        let enrollment = if plan.enrollment_types.contains(&costshare::vocab::EnrollmentType::PerMember) { "per_member" } else { "self_and_family" };
        let s = family_year(&plan.id, enrollment);
        let claims: u64 = s.services.iter().map(|u| u64::from(u.count.unwrap_or(1))).sum();
        let t = time(|| {
            std::hint::black_box(estimate(&catalog, std::hint::black_box(&s)).unwrap());
        });
        all_claims += claims;
        all_time += t;
        println!("{:<40} {:>8} {:>10.1}µs {:>16.0}", plan.id, claims, t.as_secs_f64() * 1e6, claims as f64 / t.as_secs_f64());
    }
    println!("{:<40} {:>8} {:>10.1}µs {:>16.0}", "all plans", all_claims, all_time.as_secs_f64() * 1e6, all_claims as f64 / all_time.as_secs_f64());
    // Re-pricing every option of a region for the same family (what the page does per keystroke).
    let colorado: Vec<String> = ["high", "standard", "prosper"].iter().map(|o| format!("kp-co-fehb-2022-{o}")).collect();
    let s = family_year("kp-co-fehb-2022-standard", "self_and_family");
    if wanted("compare") {
        let t = time(|| {
            std::hint::black_box(costshare::compare::compare(&catalog, &s, &colorado).unwrap());
        });
        println!("{:<40} {:>8} {:>10.1}µs", "compare 3 Colorado options", 200 * 3, t.as_secs_f64() * 1e6);
    }
    if wanted("curves") {
        let t = time(|| {
            std::hint::black_box(costshare::compare::cost_curves(&catalog, &s, &colorado).unwrap());
        });
        println!("{:<40} {:>8} {:>10.1}ms", "cost curves, 3 Colorado options", 200 * 3, t.as_secs_f64() * 1e3);
    }
    // The enrollment choice: a couple with 100 claims on Colorado High, its enrollment named
    // (one type priced) and not named (both types it may take priced, the care adjudicated once).
    if wanted("enrollment") {
        let couple = |enrollment: &str| {
            let s = family_year("kp-co-fehb-2022-high", "self_plus_one");
            let mut s = Scenario { members: s.members[..2].to_vec(), ..s };
            s.services.retain(|u| u.member == "a" || u.member == "b");
            s.enrollment = (!enrollment.is_empty()).then(|| if enrollment == "self_plus_one" { costshare::vocab::EnrollmentType::SelfPlusOne } else { costshare::vocab::EnrollmentType::SelfAndFamily });
            s
        };
        for (label, e) in [("couple, self_plus_one named", "self_plus_one"), ("couple, enrollment chosen by cost", "")] {
            let s = couple(e);
            let claims: u64 = s.services.iter().map(|u| u64::from(u.count.unwrap_or(1))).sum();
            let t = time(|| {
                std::hint::black_box(estimate(&catalog, std::hint::black_box(&s)).unwrap());
            });
            let summary = time(|| {
                std::hint::black_box(costshare::engine::summarize(&catalog, std::hint::black_box(&s)).unwrap());
            });
            println!("{:<40} {:>8} {:>10.1}µs  (summary {:.1}µs)", label, claims, t.as_secs_f64() * 1e6, summary.as_secs_f64() * 1e6);
        }
    }
    // What `costshare compare` does (ranking, worst cases, cost curves) for the households of
    // benches/scenarios: a family of five with 5,000 claims, and the largest scenario the limits
    // allow (20 people, each with 1,000 stays of 366 days).
    for name in ["family-5x1000", "worst-legal"].into_iter().filter(|_| wanted("big")) {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("benches/scenarios/{name}.json"));
        let s = Scenario::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
        let claims: u64 = s.services.iter().map(|u| u64::from(u.count.unwrap_or(1))).sum();
        let options = catalog.options_for(&s.plan, None);
        let t = time(|| {
            std::hint::black_box(costshare::compare::compare(&catalog, &s, &options).unwrap());
            std::hint::black_box(costshare::compare::cost_curves(&catalog, &s, &options).unwrap());
        });
        println!("{:<40} {:>8} {:>10.1}ms", format!("compare + curves, {name}"), claims * options.len() as u64, t.as_secs_f64() * 1e3);
    }
}
