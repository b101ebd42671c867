//! English words for the command-line tool: each line's `label`, `note` and `explanation`, the
//! worst case's `statement` and each crossing's `statement`, made from the ids, amounts and
//! events the engine returns. The WebAssembly module does not include this file: the page says
//! the same things from the same events, in English or Spanish (`www/cost-estimator/i18n/`).

use serde_json::{json, Value};

use crate::compare::{Comparison, CostCurves, WorstCase};
use crate::engine::{Assumed, Estimate, Event, Line, Scope, ServiceTotal, Summary};
use crate::money::Money;
use crate::plan::LimitUnit;
use crate::vocab::Vocabulary;

/// The service's English label (the id itself if the vocabulary has none).
pub fn label<'v>(vocab: &'v Vocabulary, service: &'v str) -> &'v str {
    vocab.service(service).map_or(service, |s| s.label.en.as_str())
}

/// Short English words for a line's events (DOMAIN: "deductible met", …); empty when none.
pub fn note(events: &[Event]) -> String {
    events.iter().map(event_words).collect::<Vec<_>>().join("; ")
}

fn event_words(e: &Event) -> String {
    match e {
        Event::RuleVariant { label } => label.to_lowercase(),
        Event::NotCovered => "not covered".into(),
        Event::OutOfNetworkNotCovered => "not covered out of network".into(),
        Event::OutOfNetworkTier { sample: false } => "out-of-network benefit".into(),
        Event::OutOfNetworkTier { sample: true } => "out-of-network benefit (sample figures)".into(),
        Event::BalanceBilled { amount } => format!("{} balance billed above the allowed amount", amount.dollars()),
        Event::LimitReached { unit: LimitUnit::Visits, .. } => "visit limit reached".into(),
        Event::LimitReached { unit: LimitUnit::Days, .. } => "day limit reached".into(),
        Event::CopayWaivedAdmitted => "copay waived: admitted".into(),
        Event::DeductibleMet { scope: Scope::Individual } => "deductible met".into(),
        Event::DeductibleMet { scope: Scope::Family } => "family deductible met".into(),
        Event::CopayLimitedToAllowed => "copay limited to the allowed amount".into(),
        Event::AdmissionMaximum { max } => format!("per-admission maximum of {} reached", max.dollars()),
        Event::CoinsuranceCapped { max } => format!("coinsurance capped at {}", max.dollars()),
        Event::AllowanceExceeded { allowance, .. } => format!("over the {} benefit maximum", allowance.dollars()),
        Event::OutOfPocketMaximumReached { scope: Scope::Individual } => "out-of-pocket maximum reached".into(),
        Event::OutOfPocketMaximumReached { scope: Scope::Family } => "family out-of-pocket maximum reached".into(),
        Event::OutOfPocketMaximumAlreadyMet { scope: Scope::Individual } => "out-of-pocket maximum already met".into(),
        Event::OutOfPocketMaximumAlreadyMet { scope: Scope::Family } => "family out-of-pocket maximum already met".into(),
        Event::PartDLimitReached => "Part D out-of-pocket limit reached".into(),
        Event::PartDLimitAlreadyMet => "Part D out-of-pocket limit already met".into(),
        Event::NotCountedTowardOutOfPocket => "does not count toward the out-of-pocket maximum".into(),
    }
}

/// A plain English sentence on how the member's share of one line came about.
pub fn explanation(line: &Line) -> String {
    let events = &line.events;
    if events.iter().any(|e| matches!(e, Event::NotCovered | Event::OutOfNetworkNotCovered)) {
        let whole = line.not_covered.checked_add(line.balance_billed).unwrap_or(line.not_covered);
        return format!("Not covered: you pay the whole {}.", whole.dollars());
    }
    if events.contains(&Event::CopayWaivedAdmitted) {
        return "You were admitted, so this visit's cost share is waived; the stay is priced on its own.".into();
    }
    let mut parts = Vec::new();
    if !line.deductible.is_zero() {
        parts.push(format!("the first {} toward your deductible", line.deductible.dollars()));
    }
    if !line.copay.is_zero() {
        parts.push(format!("the {} copay", line.copay.dollars()));
    }
    if !line.coinsurance.is_zero() {
        parts.push(format!("{} coinsurance", line.coinsurance.dollars()));
    }
    let mut s = if parts.is_empty() {
        "You pay nothing for this".to_string()
    } else {
        let joined = match parts.len() {
            1 => parts[0].clone(),
            2 => format!("{}, then {}", parts[0], parts[1]),
            _ => format!("{}, then {}, then {}", parts[0], parts[1], parts[2]),
        };
        format!("You pay {joined}")
    };
    if !line.not_covered.is_zero() {
        if events.iter().any(|e| matches!(e, Event::AllowanceExceeded { .. })) {
            s.push_str(&format!(", plus {} above the plan's benefit maximum", line.not_covered.dollars()));
        } else {
            s.push_str(&format!(", plus {} not covered past the yearly limit", line.not_covered.dollars()));
        }
    }
    for e in events {
        match e {
            Event::OutOfPocketMaximumReached { .. } => s.push_str("; this reaches your out-of-pocket maximum"),
            Event::OutOfPocketMaximumAlreadyMet { .. } => s.push_str(" because your out-of-pocket maximum is already met"),
            Event::PartDLimitReached => s.push_str("; this reaches the Part D out-of-pocket limit"),
            Event::PartDLimitAlreadyMet => s.push_str(" because the Part D out-of-pocket limit is already met"),
            _ => {}
        }
    }
    if !line.balance_billed.is_zero() {
        s.push_str(&format!(", plus {} the provider billed above the allowed amount", line.balance_billed.dollars()));
    }
    s.push_str(&format!("; the plan pays {}.", line.plan_pays.dollars()));
    s
}

/// "At most $X in a year: … Not capped: …".
pub fn worst_case_statement(w: &WorstCase, vocab: &Vocabulary) -> String {
    let mut s = format!(
        "At most {} in a year: {} of premium and {} of cost sharing{}.",
        w.total.dollars(),
        w.premium_annual.dollars(),
        w.out_of_pocket_limit.dollars(),
        w.part_d_limit.map(|p| format!(", plus {} for Medicare Part D drugs", p.dollars())).unwrap_or_default()
    );
    s.push_str(" Not capped: care the plan does not cover");
    if w.balance_billing {
        s.push_str(", amounts out-of-network providers bill above the allowed amount");
    }
    if !w.not_limited.is_empty() {
        let mut labels: Vec<&str> = w.not_limited.iter().map(|id| label(vocab, id)).collect();
        labels.sort_unstable();
        labels.dedup();
        s.push_str(&format!(", and the cost share of {}", labels.join(", ")));
    }
    s.push('.');
    s
}

/// "$4,200" for 4200.00.
pub fn whole_dollars(m: Money) -> String {
    let s = m.dollars();
    s.strip_suffix(".00").map(str::to_string).unwrap_or(s)
}

/// A plain English sentence for one thing the estimate assumed, naming the member (DOMAIN.md,
/// "Medicare plans": `assumptions` is an array of plain-language strings).
pub fn assumption<L>(a: &Assumed, e: &Estimate<L>) -> String {
    let age = |id: &str| e.members.iter().find(|m| m.id == id).map(|m| m.age);
    match a {
        Assumed::MedicareAssumed { member } => {
            let mut s = format!(
                "No Medicare status was given for \"{member}\", so they are priced as having Medicare Parts A and B (members of this plan must have Part B; say \"part_b_only\" for the Part B only rate)."
            );
            if let Some(a) = age(member).filter(|a| *a < 65) {
                s.push_str(&format!(
                    " \"{member}\" is {a}: before 65, a person has Medicare only through a disability or kidney failure, and without Part B cannot join this plan."
                ));
            }
            s
        }
        Assumed::MedicareEligibilityUnknown { member } => format!(
            "No Medicare status was given for \"{member}\", so they are priced at the agreement's rate for members 65 and over whose Medicare eligibility is unknown; a member with Medicare Part A (or Parts A and B) pays a lower rate."
        ),
        Assumed::PremiumBeforeContribution => {
            "The premium is the group's whole premium, before any employer contribution: the plan's documents publish none and the scenario gives none.".to_string()
        }
        Assumed::ContributionCapped { member: Some(member) } => format!(
            "The employer contribution is more than \"{member}\"'s premium, so it counts only up to that premium."
        ),
        Assumed::ContributionCapped { member: None } => {
            "The employer contribution is more than the premium, so it counts only up to the premium.".to_string()
        }
        Assumed::CmsUsage { member, row, allowed } => {
            let row = match row.split(' ').collect::<Vec<_>>()[..] {
                ["both", group, level] => format!("the mean of the female and male {group} rows at utilization decile {level}"),
                [sex, group, level] => format!("the {sex} {group} row at utilization decile {level}"),
                _ => format!("its {row} row"),
            };
            format!(
                "\"{member}\"'s care is {row} of the CMS out-of-pocket cost calculator's utilization table (2014 national data): {} of care in the table's own prices, each service priced as its claims.",
                allowed.dollars()
            )
        }
        Assumed::CmsOldestGroup { member } => format!(
            "\"{member}\" is 65 or over: the CMS table's oldest group is 55 and over, people under Medicare age, whose care is likely less than theirs."
        ),
        Assumed::PriceFactor { factor, source } => {
            format!("The CMS table's prices are multiplied by {factor} ({source}).")
        }
    }
}

/// An estimate as the CLI prints it: the engine's result with each line's (and each service
/// total's) English `label`, each line's `note` and `explanation`, and the `assumptions` in
/// words.
pub fn estimate_json(e: &Estimate, vocab: &Vocabulary) -> Value {
    let mut v = serde_json::to_value(e).unwrap_or(Value::Null);
    v["assumptions"] = json!(e.assumptions.iter().map(|a| assumption(a, e)).collect::<Vec<_>>());
    if let Some(lines) = v.get_mut("lines").and_then(Value::as_array_mut) {
        for (json, line) in lines.iter_mut().zip(&e.lines) {
            json["label"] = json!(label(vocab, &line.service));
            json["note"] = json!(note(&line.events));
            json["explanation"] = json!(explanation(line));
        }
    }
    label_services(&mut v, &e.services, vocab);
    v
}

/// An option's estimate in a comparison (a summary, without lines) as the CLI prints it: each
/// service total with its English `label`, and the `assumptions` in words.
pub fn summary_json(s: &Summary, vocab: &Vocabulary) -> Value {
    let mut v = serde_json::to_value(s).unwrap_or(Value::Null);
    v["assumptions"] = json!(s.assumptions.iter().map(|a| assumption(a, s)).collect::<Vec<_>>());
    label_services(&mut v, &s.services, vocab);
    v
}

fn label_services(v: &mut Value, services: &[ServiceTotal], vocab: &Vocabulary) {
    if let Some(list) = v.get_mut("services").and_then(Value::as_array_mut) {
        for (json, total) in list.iter_mut().zip(services) {
            json["label"] = json!(label(vocab, &total.service));
        }
    }
}

/// A comparison (and its cost curves) as the CLI prints it: estimates as [`summary_json`],
/// each worst case with its `statement`, each crossing with its `statement`.
pub fn comparison_json(c: &Comparison, curves: Option<&CostCurves>, vocab: &Vocabulary) -> Value {
    let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
    if let Some(options) = v.get_mut("options").and_then(Value::as_array_mut) {
        for (json, o) in options.iter_mut().zip(&c.options) {
            if let Some(e) = &o.estimate {
                json["estimate"] = summary_json(e, vocab);
            }
            if let Some(w) = &o.worst_case {
                json["worst_case"]["statement"] = json!(worst_case_statement(w, vocab));
            }
        }
    }
    v["cost_curves"] = match curves {
        Some(curves) => {
            let mut cv = serde_json::to_value(curves).unwrap_or(Value::Null);
            if let Some(list) = cv.get_mut("crossings").and_then(Value::as_array_mut) {
                for (json, x) in list.iter_mut().zip(&curves.crossings) {
                    json["statement"] = json!(crossing_statement(curves, &x.cheaper_below, &x.cheaper_above, x.spending));
                }
            }
            cv
        }
        None => Value::Null,
    };
    v
}

/// "Standard Option is cheaper until about $4,200 of care; then High Option."
pub fn crossing_statement(curves: &CostCurves, below: &str, above: &str, at: Money) -> String {
    let name = |id: &str| curves.curves.iter().find(|c| c.plan == id).map_or(id.to_string(), |c| c.plan_name.clone());
    format!("{} is cheaper until about {} of care; then {}.", name(below), whole_dollars(at), name(above))
}
