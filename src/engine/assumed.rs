//! What an estimate assumed where the scenario did not say (docs/domain.md, "Medicare
//! plans"): written `{"code", "member", "message"}`, the same from the CLI and the `.wasm`, so
//! a page words it from `code` and `member` and a script reads the English `message`.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::error::{Param, Params, Value};
use crate::money::Money;

/// Something the estimate assumed or adjusted, naming the member it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Assumed {
    /// No Medicare status given on a Medicare plan: priced as having Parts A and B.
    MedicareAssumed { member: String, age: u32 },
    /// No Medicare status given, and the plan's rate table prices a member whose Medicare
    /// eligibility is unknown differently from one with Parts A and B (Traditional, 65 and over).
    MedicareEligibilityUnknown { member: String },
    /// The premium is the whole premium: no contribution is published and none was given.
    PremiumBeforeContribution,
    /// The contribution given was more than a premium it applies to, so it counts only up to
    /// that premium (`member`: on a plan priced per member; `None`: the enrollment's premium).
    ContributionCapped { member: Option<String> },
    /// The member's care is a row of the CMS 2014 utilization table, `allowed` in all: `row` is
    /// its key in `data/cms-years.json` (`female 35-44 3`; `both …`: the mean of the two sexes'
    /// rows; `maternity`, `diabetes`).
    CmsUsage { member: String, row: String, allowed: Money },
    /// A member 65 or over priced with the table's oldest group (55+), people under Medicare age.
    CmsOldestGroup { member: String },
    /// The table's prices were multiplied by this stated factor.
    PriceFactor { factor: String, source: String },
}

impl Assumed {
    /// A stable snake_case id, as error codes are.
    pub fn code(&self) -> &'static str {
        match self {
            Assumed::MedicareAssumed { .. } => "medicare_assumed",
            Assumed::MedicareEligibilityUnknown { .. } => "medicare_eligibility_unknown",
            Assumed::PremiumBeforeContribution => "premium_before_contribution",
            Assumed::ContributionCapped { .. } => "contribution_capped",
            Assumed::CmsUsage { .. } => "cms_usage",
            Assumed::CmsOldestGroup { .. } => "cms_oldest_group",
            Assumed::PriceFactor { .. } => "price_factor",
        }
    }

    /// The member it concerns (`None`: the household's premium as a whole).
    pub fn member(&self) -> Option<&str> {
        match self {
            Assumed::MedicareAssumed { member, .. }
            | Assumed::MedicareEligibilityUnknown { member }
            | Assumed::CmsUsage { member, .. }
            | Assumed::CmsOldestGroup { member } => Some(member),
            Assumed::ContributionCapped { member } => member.as_deref(),
            Assumed::PremiumBeforeContribution | Assumed::PriceFactor { .. } => None,
        }
    }

    /// A plain English sentence, naming the member.
    pub fn message(&self) -> String {
        const ASSUMED: &str = "No Medicare status was given for \"{member}\", so they are priced as having Medicare Parts A and B (members of this plan must have Part B; say \"part_b_only\" for the Part B only rate).";
        const ASSUMED_UNDER_65: &str = "No Medicare status was given for \"{member}\", so they are priced as having Medicare Parts A and B (members of this plan must have Part B; say \"part_b_only\" for the Part B only rate). \"{member}\" is {age}: before 65, a person has Medicare only through a disability or kidney failure, and without Part B cannot join this plan.";
        let (template, age) = match self {
            Assumed::MedicareAssumed { age, .. } => (if *age < 65 { ASSUMED_UNDER_65 } else { ASSUMED }, *age),
            Assumed::MedicareEligibilityUnknown { .. } => (
                "No Medicare status was given for \"{member}\", so they are priced at the agreement's rate for members 65 and over whose Medicare eligibility is unknown; a member with Medicare Part A (or Parts A and B) pays a lower rate.",
                0,
            ),
            Assumed::PremiumBeforeContribution => (
                "The premium is the group's whole premium, before any employer contribution: the plan's documents publish none and the scenario gives none.",
                0,
            ),
            Assumed::ContributionCapped { member: Some(_) } => {
                ("The employer contribution is more than \"{member}\"'s premium, so it counts only up to that premium.", 0)
            }
            Assumed::ContributionCapped { member: None } => ("The employer contribution is more than the premium, so it counts only up to the premium.", 0),
            Assumed::CmsUsage { row, allowed, .. } => {
                // The row's key (`female 35-44 3`, `both 35-44 5.5`, `maternity`) in words.
                let row = match row.split(' ').collect::<Vec<_>>()[..] {
                    ["both", group, level] => format!("the mean of the female and male {group} rows at utilization decile {level}"),
                    [sex, group, level] => format!("the {sex} {group} row at utilization decile {level}"),
                    _ => format!("its {row} row"),
                };
                let params = [("member", Param::from(self.member().unwrap_or_default())), ("row", Param::Text(row)), ("allowed", Param::from(*allowed))];
                let template = "\"{member}\"'s care is {row} of the CMS out-of-pocket cost calculator's utilization table (2014 national data): {allowed} of care in the table's own prices, each service priced as its claims.";
                return Params::fill_with(&params, template);
            }
            Assumed::CmsOldestGroup { .. } => (
                "\"{member}\" is 65 or over: the CMS table's oldest group is 55 and over, people under Medicare age, whose care is likely less than theirs.",
                0,
            ),
            Assumed::PriceFactor { factor, source } => {
                let params = [("factor", Param::from(factor)), ("source", Param::from(source))];
                return Params::fill_with(&params, "The CMS table's prices are multiplied by {factor} ({source}).");
            }
        };
        let params = [("member", Param::from(self.member().unwrap_or_default())), ("age", Param::from(age))];
        Params::fill_with(&params, template)
    }
}

/// `{code, member, message}`; the CMS table's kinds add the values their message names:
/// `cms_usage` its `row` (the key in `data/cms-years.json`) and `allowed`, `price_factor` its
/// `factor` and `source`, so a page words them from data too.
impl Serialize for Assumed {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let message = self.message();
        let mut map = s.serialize_map(None)?;
        for (key, value) in [("code", Value::Text(self.code())), ("member", self.member().map_or(Value::Null, Value::Text)), ("message", Value::Text(&message))] {
            map.serialize_entry(key, &value)?;
        }
        match self {
            Assumed::CmsUsage { row, allowed, .. } => {
                map.serialize_entry("row", &Value::Text(row))?;
                map.serialize_entry("allowed", allowed)?;
            }
            Assumed::PriceFactor { factor, source } => {
                map.serialize_entry("factor", &Value::Text(factor))?;
                map.serialize_entry("source", &Value::Text(source))?;
            }
            _ => {}
        }
        map.end()
    }
}
