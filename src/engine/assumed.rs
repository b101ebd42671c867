//! What an estimate assumed where the scenario did not say (docs/domain.md, "Medicare
//! plans"): written `{"code", "member", "message"}`, the same from the CLI and the `.wasm`, so
//! a page words it from `code` and `member` and a script reads the English `message`.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::error::{Param, Params, Value};

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
}

impl Assumed {
    /// A stable snake_case id, as error codes are.
    pub fn code(&self) -> &'static str {
        match self {
            Assumed::MedicareAssumed { .. } => "medicare_assumed",
            Assumed::MedicareEligibilityUnknown { .. } => "medicare_eligibility_unknown",
            Assumed::PremiumBeforeContribution => "premium_before_contribution",
            Assumed::ContributionCapped { .. } => "contribution_capped",
        }
    }

    /// The member it concerns (`None`: the household's premium as a whole).
    pub fn member(&self) -> Option<&str> {
        match self {
            Assumed::MedicareAssumed { member, .. } | Assumed::MedicareEligibilityUnknown { member } => Some(member),
            Assumed::ContributionCapped { member } => member.as_deref(),
            Assumed::PremiumBeforeContribution => None,
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
        };
        let params = [("member", Param::from(self.member().unwrap_or_default())), ("age", Param::from(age))];
        Params::fill_with(&params, template)
    }
}

impl Serialize for Assumed {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let message = self.message();
        let mut map = s.serialize_map(Some(3))?;
        for (key, value) in [("code", Value::Text(self.code())), ("member", self.member().map_or(Value::Null, Value::Text)), ("message", Value::Text(&message))] {
            map.serialize_entry(key, &value)?;
        }
        map.end()
    }
}
