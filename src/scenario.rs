//! The scenario: who is covered and what care they expect (DOMAIN.md, "A scenario").

use serde::Serialize;

use crate::error::Error;
use crate::json::{json_object, named_enum};
use crate::money::Money;
use crate::plan::{Channel, EnrollmentType, PaySchedule};

/// Bounds that make a scenario absurd rather than merely large.
pub const MAX_MEMBERS: usize = 20;
pub const MAX_AGE: u32 = 120;
pub const MAX_USES: usize = 2_000;
pub const MAX_COUNT: u32 = 1_000;
pub const MAX_CLAIMS: u64 = 20_000;
pub const MAX_DAYS: u32 = 366;
pub const MAX_DAYS_SUPPLY: u32 = 366;

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Scenario {
    pub plan: String,
    /// Required when the plan offers more than one enrollment type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enrollment: Option<EnrollmentType>,
    /// Defaults to the plan's first pay schedule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pay_schedule: Option<PaySchedule>,
    pub members: Vec<Member>,
    pub services: Vec<ServiceUse>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Member {
    pub id: String,
    pub age: u32,
    /// Family role, for plans priced per member (default: the first person is the subscriber).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relationship: Option<Relationship>,
    /// Medicare status, for plans priced by it (default: unknown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub medicare: Option<Medicare>,
}

named_enum! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Relationship {
        Subscriber = "subscriber",
        Spouse = "spouse",
        Child = "child",
    }
}

named_enum! {
    /// Medicare status. A member who does not say is `unknown`; each plan's premium table says
    /// how it prices that (the Fresno agreement has its own "eligibility unknown" rows).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
    pub enum Medicare {
        #[default]
        Unknown = "unknown",
        None = "none",
        PartAOnly = "part_a_only",
        PartBOnly = "part_b_only",
        PartsAAndB = "parts_a_and_b",
    }
}

named_enum! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
    pub enum Network {
        #[default]
        InNetwork = "in_network",
        OutOfNetwork = "out_of_network",
    }
}

/// One kind of care for one person, `count` times.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ServiceUse {
    pub member: String,
    pub service: String,
    /// Number of identical claims (default 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Allowed amount per claim; defaults to the typical price table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed: Option<Money>,
    /// Length of an admission, for services whose unit is an admission.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    /// Days' supply of a fill (default 30).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_supply: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network: Option<Network>,
    /// What an out-of-network provider bills (balance billing above the allowed amount).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billed: Option<Money>,
    /// An emergency visit that led to an inpatient admission.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admitted: Option<bool>,
}

// ---- reading a scenario (`crate::json` checks types and names the field at fault) ----------

json_object!(Scenario {
    plan: req,
    enrollment: opt,
    pay_schedule: opt,
    members: req,
    services: or_default,
});

json_object!(Member { id: req, age: req, relationship: opt, medicare: opt });

json_object!(ServiceUse {
    member: req,
    service: req,
    count: opt,
    allowed: opt,
    days: opt,
    days_supply: opt,
    channel: opt,
    network: opt,
    billed: opt,
    admitted: opt,
});

impl Scenario {
    pub fn from_json(text: &str) -> Result<Scenario, Error> {
        crate::json::parse("scenario", text)
    }

    /// Checks that need no plan: sizes, ranges, duplicate and dangling member ids.
    pub fn validate_shape(&self) -> Result<(), Error> {
        let err = |field: String, message: String| Err(Error::invalid("scenario", field, message));
        if self.members.is_empty() {
            return err("members".into(), "at least one person must be covered".into());
        }
        if self.members.len() > MAX_MEMBERS {
            return err("members".into(), format!("at most {MAX_MEMBERS} people"));
        }
        for (i, m) in self.members.iter().enumerate() {
            if m.id.trim().is_empty() || m.id.len() > 64 {
                return err(format!("members[{i}].id"), "an id of 1 to 64 characters".into());
            }
            if self.members[..i].iter().any(|o| o.id == m.id) {
                return err(format!("members[{i}].id"), format!("\"{}\" is used twice", m.id));
            }
            if m.age > MAX_AGE {
                return err(format!("members[{i}].age"), format!("age must be from 0 to {MAX_AGE} (got {})", m.age));
            }
            if m.relationship == Some(Relationship::Subscriber) && i > 0 {
                return err(format!("members[{i}].relationship"), "the subscriber is listed first".into());
            }
            if i == 0 && matches!(m.relationship, Some(Relationship::Spouse | Relationship::Child)) {
                return err(format!("members[{i}].relationship"), "the first person listed is the subscriber".into());
            }
            if m.relationship == Some(Relationship::Spouse)
                && self.members[..i].iter().any(|o| o.relationship == Some(Relationship::Spouse))
            {
                return err(format!("members[{i}].relationship"), "only one spouse".into());
            }
        }
        if self.services.len() > MAX_USES {
            return err("services".into(), format!("at most {MAX_USES} entries"));
        }
        let mut claims: u64 = 0;
        for (i, s) in self.services.iter().enumerate() {
            let at = |f: &str| format!("services[{i}].{f}");
            if !self.members.iter().any(|m| m.id == s.member) {
                return err(at("member"), format!("no member has the id \"{}\"", s.member));
            }
            let count = s.count.unwrap_or(1);
            if count == 0 || count > MAX_COUNT {
                return err(at("count"), format!("count must be from 1 to {MAX_COUNT} (got {count})"));
            }
            claims += u64::from(count);
            if let Some(d) = s.days {
                if d == 0 || d > MAX_DAYS {
                    return err(at("days"), format!("days must be from 1 to {MAX_DAYS} (got {d})"));
                }
            }
            if let Some(d) = s.days_supply {
                if d == 0 || d > MAX_DAYS_SUPPLY {
                    return err(at("days_supply"), format!("days_supply must be from 1 to {MAX_DAYS_SUPPLY} (got {d})"));
                }
            }
            if s.billed.is_some() && s.network != Some(Network::OutOfNetwork) {
                return err(at("billed"), "a billed amount applies only to out-of-network care".into());
            }
        }
        if claims > MAX_CLAIMS {
            return err("services".into(), format!("at most {MAX_CLAIMS} claims in a year (got {claims})"));
        }
        Ok(())
    }
}
