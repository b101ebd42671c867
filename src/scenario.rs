//! The scenario: who is covered and what care they expect (DOMAIN.md, "A scenario").

use serde::Serialize;

use crate::error::{at, Error, ErrorKind, Many};
use crate::json::{json_object, FromJson, Path, Read, Reader};
use crate::map::SortedMap;
use crate::money::{Money, Percent};
use crate::prices::TypicalPrice;
use crate::utilization::{PriceFactor, Sex, Usage};
use crate::vocab::{Channel, EnrollmentType, Medicare, Network, PaySchedule, Relationship};

/// A fill's days' supply where its use gives none.
pub const DEFAULT_DAYS_SUPPLY: u32 = 30;

/// Bounds that make a scenario absurd rather than merely large.
pub const MAX_MEMBERS: usize = 20;
pub const MAX_AGE: u32 = 120;
pub const MAX_USES: usize = 2_000;
pub const MAX_COUNT: u32 = 1_000;
pub const MAX_CLAIMS: u64 = 20_000;
pub const MAX_DAYS: u32 = 366;
pub const MAX_DAYS_SUPPLY: u32 = 366;

#[derive(Clone, Debug, Default, Serialize, PartialEq)]
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
    /// Allowed amounts the visitor gives in place of the typical ones, by service id: used for
    /// every use of that service that gives no `allowed` of its own. Each entry is written like
    /// a typical price (`{"allowed": "120.00"}`, `{"per_day": …}` or `{"per_30_days_supply": …}`).
    #[serde(skip_serializing_if = "SortedMap::is_empty")]
    pub prices: SortedMap<String, TypicalPrice>,
    /// What an employer (or retiree group) pays toward the premium, in place of any published
    /// share (DOMAIN.md, "Premium shares and contributions").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employer_contribution: Option<Contribution>,
    /// The member's combined marginal tax rate, in percent ("22"): with it, the result reports
    /// the premium's after-tax cost where the premium is paid before tax (FEHB employees).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marginal_tax_rate: Option<Percent>,
    /// What the CMS table's 2014 prices are multiplied by for members with a `usage`, and its
    /// source (src/utilization.rs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price_factor: Option<PriceFactor>,
    /// Set once the members' `usage` is in `services` (never read from JSON).
    #[serde(skip)]
    pub usage_resolved: bool,
}

/// An employer's contribution toward the premium, per pay period: a fixed `amount` (per member
/// on plans priced per member, else per enrollment), or a `percent` of each member's premium
/// (rounded to the cent, half away from zero). Written `{"amount": "500.00"}` or
/// `{"percent": "80"}`; exactly one of the two.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Contribution {
    Amount(Money),
    Percent(Percent),
}

impl Serialize for Contribution {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(1))?;
        match self {
            Contribution::Amount(a) => map.serialize_entry("amount", a)?,
            Contribution::Percent(p) => map.serialize_entry("percent", p)?,
        }
        map.end()
    }
}

/// The contribution as written: both fields optional, so that "neither" and "both" are
/// refused with words of their own.
struct ContributionFile {
    amount: Option<Money>,
    percent: Option<Percent>,
}

json_object!(ContributionFile { amount: opt, percent: opt });

/// Every fault inside `employer_contribution` (a bad amount or percent, an unknown field,
/// both or neither given) has the one code `invalid_contribution`, naming the field at fault.
impl FromJson for Contribution {
    fn read(r: &mut Reader, at: Path) -> Read<Self> {
        let file = ContributionFile::read(r, at).map_err(|e| e.map_kind(ErrorKind::contribution))?;
        match (file.amount, file.percent) {
            (Some(a), None) => Ok(Contribution::Amount(a)),
            (None, Some(p)) => Ok(Contribution::Percent(p)),
            (Some(_), Some(_)) => crate::json::fail(at, ErrorKind::contribution_both()),
            (None, None) => crate::json::fail(at, ErrorKind::contribution_neither()),
        }
    }
}

#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct Member {
    pub id: String,
    pub age: u32,
    /// Family role, for plans priced per member (default: the first person is the subscriber).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relationship: Option<Relationship>,
    /// Medicare status, for plans priced by it (default: unknown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub medicare: Option<Medicare>,
    /// Which of the CMS table's rows a `usage` takes (none given: the mean of both).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    /// A year of care from the CMS table, added to any care listed (src/utilization.rs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usage: Option<Usage>,
}

/// One kind of care for one person, `count` times.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
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
    prices: or_default,
    employer_contribution: opt,
    marginal_tax_rate: opt,
    price_factor: opt,
    usage_resolved: skip,
});

json_object!(Member { id: req, age: req, relationship: opt, medicare: opt, sex: opt, usage: opt });

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
        let err = |path, kind| Err(Error::at("scenario", path, kind));
        if self.members.is_empty() {
            return err(at!["members"], ErrorKind::no_members());
        }
        if self.members.len() > MAX_MEMBERS {
            return err(at!["members"], ErrorKind::too_many(MAX_MEMBERS as u64, Many::People));
        }
        for (i, m) in self.members.iter().enumerate() {
            let at = |f: &str| at!["members", i, f];
            if m.id.trim().is_empty() || m.id.len() > 64 || m.id.chars().any(char::is_control) {
                return err(at("id"), ErrorKind::member_id(&m.id, 64));
            }
            if self.members[..i].iter().any(|o| o.id == m.id) {
                return err(at("id"), ErrorKind::listed_twice(&m.id));
            }
            if m.age > MAX_AGE {
                return err(at("age"), ErrorKind::out_of_range(0, MAX_AGE.into(), m.age.into()));
            }
            if m.relationship == Some(Relationship::Subscriber) && i > 0 {
                return err(at("relationship"), ErrorKind::subscriber_not_first());
            }
            if i == 0 && matches!(m.relationship, Some(Relationship::Spouse | Relationship::Child)) {
                return err(at("relationship"), ErrorKind::first_not_subscriber());
            }
            if m.relationship == Some(Relationship::Spouse)
                && self.members[..i].iter().any(|o| o.relationship == Some(Relationship::Spouse))
            {
                return err(at("relationship"), ErrorKind::second_spouse());
            }
        }
        if self.services.len() > MAX_USES {
            return err(at!["services"], ErrorKind::too_many(MAX_USES as u64, Many::Entries));
        }
        let mut claims: u64 = 0;
        for (i, s) in self.services.iter().enumerate() {
            let at = |f: &str| at!["services", i, f];
            if !self.members.iter().any(|m| m.id == s.member) {
                return err(at("member"), ErrorKind::unknown_member(&s.member));
            }
            let count = s.count.unwrap_or(1);
            if count == 0 || count > MAX_COUNT {
                return err(at("count"), ErrorKind::out_of_range(1, MAX_COUNT.into(), count.into()));
            }
            claims += u64::from(count);
            if let Some(d) = s.days {
                if d == 0 || d > MAX_DAYS {
                    return err(at("days"), ErrorKind::out_of_range(1, MAX_DAYS.into(), d.into()));
                }
            }
            if let Some(d) = s.days_supply {
                if d == 0 || d > MAX_DAYS_SUPPLY {
                    return err(at("days_supply"), ErrorKind::out_of_range(1, MAX_DAYS_SUPPLY.into(), d.into()));
                }
            }
            if s.billed.is_some() && s.network != Some(Network::OutOfNetwork) {
                return err(at("billed"), ErrorKind::billed_in_network());
            }
        }
        if claims > MAX_CLAIMS {
            return err(at!["services"], ErrorKind::too_many_claims(MAX_CLAIMS, claims));
        }
        for (id, p) in &self.prices {
            p.check("scenario", at!["prices", id])?;
        }
        if let Some(p) = &self.price_factor {
            p.check()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(contribution: &str) -> Result<Scenario, Error> {
        Scenario::from_json(&format!(r#"{{"plan": "p", "members": [{{"id": "you", "age": 40}}], "employer_contribution": {contribution}}}"#))
    }

    #[test]
    fn an_employer_contribution_is_an_amount_or_a_percent() {
        assert_eq!(with(r#"{"amount": "500.00"}"#).unwrap().employer_contribution, Some(Contribution::Amount(Money::parse("500.00").unwrap())));
        assert_eq!(with(r#"{"percent": "72.5"}"#).unwrap().employer_contribution, Some(Contribution::Percent(Percent::parse("72.5").unwrap())));
        assert_eq!(with("null").unwrap().employer_contribution, None);
        let s = with(r#"{"percent": "80"}"#).unwrap();
        assert!(serde_json::to_string(&s).unwrap().contains(r#""employer_contribution":{"percent":"80"}"#));
        for (text, field) in [
            (r#"{"amount": "500.00", "percent": "80"}"#, "employer_contribution"),
            ("{}", "employer_contribution"),
            (r#"{"amount": "-5"}"#, "employer_contribution.amount"),
            (r#"{"amount": 500}"#, "employer_contribution.amount"),
            (r#"{"amount": "5.001"}"#, "employer_contribution.amount"),
            (r#"{"percent": "101"}"#, "employer_contribution.percent"),
            (r#"{"percent": 80}"#, "employer_contribution.percent"),
            (r#"{"dollars": "5"}"#, "employer_contribution.dollars"),
            (r#""500.00""#, "employer_contribution"),
        ] {
            let e = with(text).unwrap_err();
            assert_eq!((e.field().as_str(), e.code()), (field, crate::error::Code::InvalidContribution), "{text}: {e}");
        }
    }
}
