//! English words for the command-line tool: each line's `label`, `note` and `explanation`, the
//! worst case's `statement` and each crossing's `statement`, made from the ids, amounts and
//! events the engine returns. The WebAssembly module does not include this file: the page says
//! the same things from the same events, in English or Spanish (`www/cost-estimator/i18n/`).

use serde_json::{json, Value};

use crate::compare::{Comparison, CostCurves, WorstCase};
use crate::engine::{Estimate, Event, Line, Scope, ServiceTotal, Summary};
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
        Event::PaymentLimitReached { limit, .. } => format!("the plan's {} yearly payment limit reached", limit.dollars()),
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
        } else if let Some(Event::PaymentLimitReached { limit, .. }) = events.iter().find(|e| matches!(e, Event::PaymentLimitReached { .. })) {
            s.push_str(&format!(", plus {} the plan does not pay past its {} yearly payment limit", line.not_covered.dollars(), limit.dollars()));
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

/// An estimate as the CLI prints it: the engine's result with each line's (and each service
/// total's) English `label`, and each line's `note` and `explanation`. (The `assumptions` carry
/// their English `message` from the engine, as in the `.wasm`.)
pub fn estimate_json(e: &Estimate, vocab: &Vocabulary) -> Value {
    let mut v = serde_json::to_value(e).unwrap_or(Value::Null);
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
/// service total with its English `label`.
pub fn summary_json(s: &Summary, vocab: &Vocabulary) -> Value {
    let mut v = serde_json::to_value(s).unwrap_or(Value::Null);
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

/// A comparison (and its cost curves, when asked for) as the CLI prints it: estimates as
/// [`summary_json`], each worst case with its `statement`, each crossing with its `statement`.
pub fn comparison_json(c: &Comparison, vocab: &Vocabulary) -> Value {
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
    if let Some(Some(curves)) = &c.cost_curves {
        if let Some(list) = v["cost_curves"].get_mut("crossings").and_then(Value::as_array_mut) {
            for (json, x) in list.iter_mut().zip(&curves.crossings) {
                json["statement"] = json!(crossing_statement(curves, &x.cheaper_below, &x.cheaper_above, x.spending));
            }
        }
    }
    v
}

/// "Standard Option is cheaper until about $4,200 of care; then High Option."
pub fn crossing_statement(curves: &CostCurves, below: &str, above: &str, at: Money) -> String {
    let name = |id: &str| curves.curves.iter().find(|c| c.plan == id).map_or(id.to_string(), |c| c.plan_name.clone());
    format!("{} is cheaper until about {} of care; then {}.", name(below), whole_dollars(at), name(above))
}
