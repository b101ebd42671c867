//! Group offers: the options one decision chooses among (an FEHB brochure's options; the County
//! of Fresno's three), and which of them a household may take (docs/domain.md, "Comparing
//! options" and "Medicare plans").
//!
//! A household may take an option when the option's own terms admit it: its members' Medicare
//! status as the option requires (Senior Advantage: "You must have Medicare Part B"), an
//! enrollment type for its size, and a rate for every member in the option's rate table (the
//! Traditional HMO prices "Members age 65 and over who are eligible for or have Medicare Parts
//! A&B", so a Medicare couple may take it). An option the household may not take is *closed*:
//! named with the engine's error (why) and the document line that says so, and not priced.

use serde::Serialize;

use crate::catalog::Catalog;
use crate::engine::household_may_take;
use crate::error::{Code, Error};
use crate::plan::{Citation, ValidPlan};
use crate::scenario::Scenario;

/// Why a household may not take an option, and where the option's document says so.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Closed {
    /// The engine's error, as data (`medicare_part_b_required`, `no_premium_rate`): a page
    /// words it from `code` and `params`, as any error.
    pub reason: Error,
    /// The document line behind the rule (the Part B requirement; the rate table), where the
    /// plan file cites one.
    pub source: Option<Citation>,
}

/// The errors that close an option to a household (its own terms refuse the household), as
/// against errors of the scenario or the care, which say the input is wrong (a named enrollment
/// type too small for the household is wrong under every option alike).
fn closes(code: Code) -> bool {
    matches!(code, Code::MedicarePartBRequired | Code::NoPremiumRate)
}

/// `None` where the household may take `plan`; else why not. An error that is not about the
/// household's eligibility (a bad scenario) is not a reason to close the option: it is left for
/// pricing to report.
pub fn closed(plan: &ValidPlan, scenario: &Scenario) -> Option<Closed> {
    let reason = household_may_take(plan, scenario).err()?;
    if !closes(reason.code()) {
        return None;
    }
    Some(Closed { source: source_of(plan, reason.code()), reason })
}

/// The citation behind a closing rule: the Medicare rule's line, or the rate table's first row.
fn source_of(plan: &ValidPlan, code: Code) -> Option<Citation> {
    match code {
        Code::MedicarePartBRequired => plan.medicare.as_ref().map(|m| m.source.clone()),
        Code::NoPremiumRate => plan.member_premiums.first().map(|r| r.source.clone()),
        _ => None,
    }
}

/// The options of `plan_id`'s offer in the catalog, in catalog order (`plan_id` among them).
pub fn options_of(catalog: &Catalog, plan_id: &str) -> Vec<String> {
    let Some(anchor) = catalog.plan(plan_id) else { return Vec::new() };
    catalog.plans().filter(|p| p.is_sibling_of(anchor)).map(|p| p.id.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn couple(plan: &str, medicare: &str, ages: (u32, u32)) -> Scenario {
        let text = format!(
            r#"{{"plan": "{plan}", "members": [{{"id": "you", "age": {}, "medicare": "{medicare}"}}, {{"id": "spouse", "age": {}, "medicare": "{medicare}"}}], "services": []}}"#,
            ages.0, ages.1
        );
        Scenario::from_json(&text).unwrap()
    }

    #[test]
    fn a_medicare_couple_may_take_every_county_option() {
        let catalog = Catalog::builtin().unwrap();
        let ids = options_of(&catalog, "kp-ncal-fresno-2025-sa-low");
        assert_eq!(ids, ["kp-ncal-fresno-2025-sa-high-high", "kp-ncal-fresno-2025-sa-low", "kp-ncal-fresno-2025-traditional"]);
        for id in &ids {
            assert_eq!(closed(catalog.plan(id).unwrap(), &couple(id, "parts_a_and_b", (70, 68))), None, "{id}");
        }
    }

    #[test]
    fn senior_advantage_is_closed_to_a_couple_without_part_b() {
        let catalog = Catalog::builtin().unwrap();
        let plan = catalog.plan("kp-ncal-fresno-2025-sa-high-high").unwrap();
        let c = closed(plan, &couple(&plan.id, "none", (60, 58))).expect("closed");
        assert_eq!(c.reason.code(), Code::MedicarePartBRequired);
        assert_eq!(c.reason.field(), "members[0].medicare");
        // 002 L7487: "You must have Medicare Part B".
        assert_eq!(c.source.map(|s| s.line), Some(7487));
        // The Traditional HMO prices them (002 L1412-1413, under 65, not eligible for Medicare).
        let traditional = catalog.plan("kp-ncal-fresno-2025-traditional").unwrap();
        assert_eq!(closed(traditional, &couple(&traditional.id, "none", (60, 58))), None);
    }

    #[test]
    fn offers_group_the_brochures_options() {
        let catalog = Catalog::builtin().unwrap();
        assert_eq!(options_of(&catalog, "kp-co-fehb-2022-high"), ["kp-co-fehb-2022-high", "kp-co-fehb-2022-prosper", "kp-co-fehb-2022-standard"]);
        assert_eq!(options_of(&catalog, "kp-plus-example-co-2022-standard"), ["kp-plus-example-co-2022-standard"]);
        assert!(options_of(&catalog, "no-such-plan").is_empty());
    }
}
