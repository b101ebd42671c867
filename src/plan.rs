//! The plan file: one plan option's rules as data, every figure citing its document line.
//!
//! A plan file is JSON (see `docs/plan-format.md`). Loading is strict: unknown fields, missing
//! figures and impossible values are errors that name the file and the field. A [`Plan`] as
//! read becomes a [`ValidPlan`] only through [`Plan::validate`], which checks it against the
//! service vocabulary and itself; the engine takes only a `ValidPlan` and trusts it.

use std::ops::Deref;

use serde::Serialize;

use crate::error::{at, Error, ErrorKind, ErrorPath, Param, Step as To};
use crate::json::{json_object, named_enum, read_object, tagged, FromJson, Kind, Path, Read, Reader};
use crate::map::SortedMap;
use crate::money::{Money, Percent};
use crate::vocab::{is_name, Channel, EnrollmentType, Medicare, PaySchedule, Relationship, Unit, Vocabulary};

/// Where a figure comes from: a line of the plan's source document and the words on it.
/// `docs/sources/` holds the documents; a test checks every quote against its line.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Citation {
    /// A different document than the plan's own `document.file` (rare).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// 1-based line number in the document.
    pub line: u32,
    /// Words copied exactly from that line (no-break spaces may be written as plain spaces).
    pub quote: String,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Document {
    /// File name under `docs/sources/`.
    pub file: String,
    pub title: String,
}





/// The enrollee's share of the premium for one enrollment type, per pay period, as published.
/// Monthly is not derived from biweekly: the published tables differ by a cent here and there.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Premium {
    pub biweekly: Option<Money>,
    pub monthly: Option<Money>,
    /// What the Government pays toward the same premium, from the same row of the rate table
    /// (FEHB "Gov't Share"); the row's one `source` cites both. Absent where a document
    /// publishes no payer's share: the figures above are then the whole premium.
    pub government_share: Option<Share>,
    pub source: Citation,
}

/// A per-period amount as published for each pay schedule.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Share {
    pub biweekly: Option<Money>,
    pub monthly: Option<Money>,
}

impl Share {
    pub fn per_period(&self, schedule: PaySchedule) -> Option<Money> {
        match schedule {
            PaySchedule::Biweekly => self.biweekly,
            PaySchedule::Monthly => self.monthly,
        }
    }
}

impl Premium {
    /// The enrollee's share per period.
    pub fn per_period(&self, schedule: PaySchedule) -> Option<Money> {
        match schedule {
            PaySchedule::Biweekly => self.biweekly,
            PaySchedule::Monthly => self.monthly,
        }
    }

    /// The published Government share per period (`None` where none is published).
    pub fn government_per_period(&self, schedule: PaySchedule) -> Option<Money> {
        self.government_share.as_ref().and_then(|g| g.per_period(schedule))
    }
}

/// A Medicare plan's membership rule (Senior Advantage: "You must have Medicare Part B").
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct MedicareRule {
    /// Members without Medicare Part B (`none`, `part_a_only`) are refused; a member who
    /// states nothing is priced as having Parts A and B (DOMAIN.md, "Medicare plans").
    pub requires_part_b: bool,
    pub source: Citation,
}

/// Where a rule comes from that no plan document states: a regulation, by section, with the
/// words it says (checked by hand, not by `tests/sources.rs`, which checks document lines).
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Authority {
    /// "5 CFR 892.102"
    pub cite: String,
    pub url: String,
    pub quote: String,
}

/// FEHB premium conversion: employees (who pay biweekly) pay their share of the premium
/// from salary before tax; annuitants (who pay monthly) do not.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct PremiumConversion {
    /// The pay schedule whose payers are employees, the only ones premium conversion covers.
    pub pay_schedule: PaySchedule,
    pub authority: Vec<Authority>,
}

/// A per-person amount with an optional family aggregate (deductible or out-of-pocket maximum).
/// Embedded: a person stops at `individual`; everyone stops once the family's combined amount
/// reaches `family`.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Accumulator {
    pub individual: Money,
    pub family: Option<Money>,
    pub source: Citation,
}


/// How many copays a fill of a given days' supply costs, per channel.
/// `[{up_to_days: 30, copays: 1}, {up_to_days: 90, copays: 2}]` means up to 30 days costs one
/// copay and 31 to 90 days two; a longer supply is split into blocks of the longest band.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct SupplySchedule {
    pub bands: Vec<SupplyBand>,
    pub source: Citation,
}

#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
pub struct SupplyBand {
    pub up_to_days: u32,
    pub copays: u32,
}

impl SupplySchedule {
    /// Number of copays for `days` of supply (days ≥ 1).
    pub fn copays_for(&self, days: u32) -> u32 {
        let longest = match self.bands.last() {
            Some(b) => *b,
            None => return 1,
        };
        let mut copays = 0u32;
        let mut left = days;
        while left > longest.up_to_days {
            copays = copays.saturating_add(longest.copays);
            left -= longest.up_to_days;
        }
        if left > 0 {
            let band = self.bands.iter().find(|b| b.up_to_days >= left).unwrap_or(&longest);
            copays = copays.saturating_add(band.copays);
        }
        copays
    }
}


/// One step of a cost share. Steps run in order over what is left of the allowed amount.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// The member pays the allowed amount up to the deductible still to meet.
    Deductible {},
    /// A fixed amount, never more than what is left of the allowed amount (lesser-of rule).
    Copay {
        amount: Money,
        /// `claim` (default): once per visit, trip, procedure, admission or fill.
        /// `day`: per day of an admission. `supply`: per copay of the drug supply schedule.
        per: CopayPer,
        /// A cap on this copay for one claim ("up to $1,000 maximum per admission").
        max: Option<Money>,
    },
    /// A percentage of what is left of the allowed amount, rounded to the cent, optionally
    /// capped ("20% of our allowance up to $40").
    Coinsurance {
        percent: Percent,
        max: Option<Money>,
    },
    /// A benefit maximum: the plan pays at most `amount` of what is left, and the member pays
    /// all charges in excess, which count toward nothing ("All charges in excess of $3,000").
    Allowance { amount: Money },
}

named_enum! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
    pub enum CopayPer {
        #[default]
        Claim = "claim",
        Day = "day",
        Supply = "supply",
    }
}

/// Conditions under which a variant replaces the service's usual cost share.
#[derive(Clone, Debug, Serialize, PartialEq, Eq, Default)]
pub struct Condition {
    /// The member's age is at most this ("children through age 17": 17).
    pub max_age: Option<u32>,
    pub min_age: Option<u32>,
    /// The fill is from one of these channels.
    pub channels: Option<Vec<Channel>>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Variant {
    pub when: Condition,
    /// Replaces the service's cost share when the condition holds.
    pub cost_share: Option<Vec<Step>>,
    /// `false`: the service is not covered when the condition holds.
    pub covered: Option<bool>,
    /// Plain words for the page ("Nothing for children through age 17").
    pub label: String,
    pub source: Citation,
}

/// What happens to an emergency visit's cost share when the visit leads to an admission.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct IfAdmitted {
    pub waived: bool,
    pub source: Citation,
}

/// How a claim marked `network: out_of_network` is treated.
#[derive(Clone, Debug, Serialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum OutOfNetwork {
    /// Care outside the plan's network is not covered (an HMO's rule).
    #[default]
    NotCovered,
    /// Emergencies: covered with the in-network cost share; no balance billing.
    InNetworkCostShare,
    /// An out-of-network tier (KP Plus): its own cost share on the maximum allowable charge,
    /// a yearly limit, and balance billing above that charge.
    Tier(OutOfNetworkTier),
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct OutOfNetworkTier {
    pub summary: String,
    pub cost_share: Vec<Step>,
    /// The yearly counter out-of-network claims of this service use ("out_of_network_visits").
    pub limit: String,
    pub counts_toward_oop: bool,
    /// The figures are sample values for a broker to replace, not from any document.
    pub sample: bool,
    pub source: Citation,
}

/// The cost-share rule of one service id.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Benefit {
    /// The brochure's words for this cost share ("$30 per primary care office visit").
    pub summary: String,
    /// What one claim is: not in the file, but taken from the vocabulary when the plan is
    /// validated (so the page and the engine read it from the plan, too).
    pub unit: Unit,
    /// `false`: the member pays the whole allowed amount, which counts toward nothing.
    pub covered: bool,
    /// Steps of the cost share; empty means the member pays nothing.
    pub cost_share: Vec<Step>,
    /// `false` for cost shares the document excludes from the out-of-pocket maximum.
    pub counts_toward_oop: bool,
    /// A Medicare Part D drug: counts toward the plan's `part_d_out_of_pocket_max` instead.
    pub part_d: bool,
    /// Names a counter in the plan's `limits`; claims beyond it are not covered.
    pub limit: Option<String>,
    /// The most the plan pays for this benefit in a calendar year, per member (docs/domain.md,
    /// rule 13): past it, the rest of each claim is the member's, not covered.
    pub yearly_payment_limit: Option<PaymentLimit>,
    /// For a drug service: the plan's tier it falls in ("Tier 1: preferred generic").
    pub tier: Option<String>,
    /// For emergency visits: whether the cost share is waived on admission.
    pub if_admitted: Option<IfAdmitted>,
    pub out_of_network: OutOfNetwork,
    /// First matching variant replaces the cost share (age rules, channel prices).
    pub variants: Vec<Variant>,
    pub source: Citation,
    /// Extra citations (the same figure repeated elsewhere, a limit's wording).
    pub see_also: Vec<Citation>,
}

/// A yearly limit on what the plan pays for one benefit, per member ("We limit our payment for
/// this travel benefit to no more than $1,200 each calendar year").
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct PaymentLimit {
    pub amount: Money,
    pub source: Citation,
}

named_enum! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum LimitUnit {
        Visits = "visits",
        Days = "days",
    }
}

/// A yearly per-member limit on visits or days, shared by the services that name it.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Limit {
    pub label: String,
    pub max: u32,
    pub unit: LimitUnit,
    pub source: Citation,
}

/// Where a member stands in the family and with Medicare; a per-member premium rate applies
/// when every condition it states holds.
#[derive(Clone, Debug, Serialize, PartialEq, Eq, Default)]
pub struct MemberCondition {
    pub relationship: Option<Relationship>,
    /// 1 for the first person after the subscriber, 2 for the second, …
    pub dependent_number: Option<u32>,
    pub min_dependent_number: Option<u32>,
    /// 1 for the first child, …
    pub child_number: Option<u32>,
    pub min_child_number: Option<u32>,
    /// Whether the subscriber's spouse is also covered.
    pub spouse_covered: Option<bool>,
    pub medicare: Option<Vec<Medicare>>,
    pub min_age: Option<u32>,
    pub max_age: Option<u32>,
}

/// One row of a per-member premium table (monthly).
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct MemberRate {
    pub label: String,
    pub when: MemberCondition,
    pub monthly: Money,
    pub source: Citation,
}

/// A choice the engine makes where the document is silent or contradicts itself, shown to
/// users as an assumption.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Assumption {
    pub id: String,
    pub text: String,
    pub source: Option<Citation>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Plan {
    pub id: String,
    pub name: String,
    pub short_name: String,
    pub issuer: String,
    pub program: String,
    pub year: u16,
    /// The group offer this option belongs to: the options a household chooses among together
    /// (an FEHB brochure's options; the County of Fresno's three).
    pub offer: Offer,
    pub document: Document,
    pub enrollment_types: Vec<EnrollmentType>,
    pub pay_schedules: Vec<PaySchedule>,
    /// Premium per enrollment type.
    pub premiums: SortedMap<EnrollmentType, Premium>,
    /// Plans priced per member (enrollment `per_member`): the first matching row prices each
    /// member; a member no row fits is refused.
    pub member_premiums: Vec<MemberRate>,
    /// A Medicare plan's rule on who may be a member (`null` for other plans).
    pub medicare: Option<MedicareRule>,
    /// FEHB premium conversion, where it applies (`null` elsewhere).
    pub premium_conversion: Option<PremiumConversion>,
    /// `null` for a plan with no deductible.
    pub deductible: Option<Accumulator>,
    pub out_of_pocket_max: Accumulator,
    /// Medicare Part D: the member's yearly drug out-of-pocket limit, a counter of its own.
    pub part_d_out_of_pocket_max: Option<Accumulator>,
    /// Copays per fill by channel; `retail` is required when any service is a fill.
    pub drug_supply: SortedMap<Channel, SupplySchedule>,
    pub limits: SortedMap<String, Limit>,
    pub services: SortedMap<String, Benefit>,
    pub assumptions: Vec<Assumption>,
    /// Set when some figures are sample values rather than the document's: says so in words
    /// the page shows wherever those figures appear.
    pub sample_figures: Option<String>,
    /// The option's names in Spanish, for the page (the document's own words stay English).
    pub es: Option<Names>,
}

/// A group offer: the options one decision chooses among (docs/domain.md, "Comparing
/// options"). Every option of an offer carries the same id and names.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Offer {
    /// Lowercase letters, digits and dashes, as a plan id.
    pub id: String,
    /// The offer's name for the page ("Kaiser Permanente Colorado FEHB 2022").
    pub name: String,
    /// The name in Spanish, where it differs.
    pub es: Option<String>,
    /// Where the document lists the offer's options, where it does.
    pub source: Option<Citation>,
}

/// A plan option's names in another language.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Names {
    pub name: String,
    pub short_name: String,
}

// ---- reading a plan file: each type's fields, and what each takes when absent --------------
// (`req`: required; `opt`: may be absent or null; `or_default`/`or(x)`: the default when absent.
// `crate::json` checks types, refuses unknown and repeated fields, and names the field at fault.)

json_object!(Citation { file: opt, line: req, quote: req });

json_object!(Document { file: req, title: req });

json_object!(Premium { biweekly: opt, monthly: opt, government_share: opt, source: req });

json_object!(Share { biweekly: opt, monthly: opt });

json_object!(MedicareRule { requires_part_b: req, source: req });

json_object!(Authority { cite: req, url: req, quote: req });

json_object!(PremiumConversion { pay_schedule: req, authority: req });

json_object!(Accumulator { individual: req, family: opt, source: req });

json_object!(SupplySchedule { bands: req, source: req });

json_object!(SupplyBand { up_to_days: req, copays: req });

/// Written as an object of one key: `{ "copay": { "amount": "30.00" } }`, `{ "deductible": {} }`.
impl FromJson for Step {
    fn read(r: &mut Reader, at: Path) -> Read<Self> {
        tagged(r, at, &["deductible", "copay", "coinsurance", "allowance"], |r, kind, at| match kind {
            0 => read_object!(r, at, Step::Deductible {}),
            1 => read_object!(r, at, Step::Copay { amount: req, per: or_default, max: opt }),
            2 => read_object!(r, at, Step::Coinsurance { percent: req, max: opt }),
            _ => read_object!(r, at, Step::Allowance { amount: req }),
        })
    }
}

json_object!(Condition { max_age: opt, min_age: opt, channels: opt });

json_object!(Variant { when: req, cost_share: opt, covered: opt, label: req, source: req });

json_object!(IfAdmitted { waived: req, source: req });

/// `"not_covered"`, `"in_network_cost_share"` or `{ "tier": { … } }`.
impl FromJson for OutOfNetwork {
    fn read(r: &mut Reader, at: Path) -> Read<Self> {
        if r.kind() == Some(Kind::String) {
            let i = crate::json::name_index(r, at, &["not_covered", "in_network_cost_share"])?;
            Ok(if i == 0 { OutOfNetwork::NotCovered } else { OutOfNetwork::InNetworkCostShare })
        } else {
            tagged(r, at, &["tier"], |r, _, at| OutOfNetworkTier::read(r, at).map(OutOfNetwork::Tier))
        }
    }
}

json_object!(OutOfNetworkTier {
    summary: req,
    cost_share: req,
    limit: req,
    counts_toward_oop: or(true),
    sample: or_default,
    source: req,
});

json_object!(Benefit {
    summary: req,
    unit: skip,
    covered: or(true),
    cost_share: or_default,
    counts_toward_oop: or(true),
    part_d: or_default,
    limit: opt,
    yearly_payment_limit: opt,
    tier: opt,
    if_admitted: opt,
    out_of_network: or_default,
    variants: or_default,
    source: req,
    see_also: or_default,
});

json_object!(Limit { label: req, max: req, unit: req, source: req });

json_object!(PaymentLimit { amount: req, source: req });

json_object!(MemberCondition {
    relationship: opt,
    dependent_number: opt,
    min_dependent_number: opt,
    child_number: opt,
    min_child_number: opt,
    spouse_covered: opt,
    medicare: opt,
    min_age: opt,
    max_age: opt,
});

json_object!(MemberRate { label: req, when: req, monthly: req, source: req });

json_object!(Assumption { id: req, text: req, source: opt });

json_object!(Names { name: req, short_name: req });

json_object!(Offer { id: req, name: req, es: opt, source: opt });

json_object!(Plan {
    id: req,
    name: req,
    short_name: req,
    issuer: req,
    program: req,
    year: req,
    offer: req,
    document: req,
    enrollment_types: req,
    pay_schedules: req,
    premiums: req,
    member_premiums: or_default,
    medicare: opt,
    premium_conversion: opt,
    deductible: opt,
    out_of_pocket_max: req,
    part_d_out_of_pocket_max: opt,
    drug_supply: or_default,
    limits: or_default,
    services: req,
    assumptions: or_default,
    sample_figures: opt,
    es: opt,
});

impl Plan {
    /// Reads one plan file (not yet validated: see [`Plan::validate`]).
    pub fn from_json(origin: &str, text: &str) -> Result<Plan, Error> {
        crate::json::parse(origin, text)
    }

    /// Checks what types alone cannot: the services against the vocabulary (each takes its
    /// unit from there), consistency, ranges and references between parts.
    pub fn validate(mut self, origin: &str, vocab: &Vocabulary) -> Result<ValidPlan, Error> {
        let fail = |at: ErrorPath, kind| Err(Error::at(origin, at, kind));
        let err = |at: ErrorPath, rule| Err(Error::at(origin, at, ErrorKind::plan(rule, vec![])));

        if !is_id(&self.id) {
            return fail(at!["id"], ErrorKind::plan_id(&self.id));
        }
        let (es_name, es_short) = self.es.as_ref().map_or(("-", "-"), |n| (n.name.as_str(), n.short_name.as_str()));
        if !is_id(&self.offer.id) {
            return fail(at!["offer", "id"], ErrorKind::plan_id(&self.offer.id));
        }
        let named: [(&[To], &str); 9] = [
            (&[To::Key("name")], self.name.as_str()),
            (&[To::Key("short_name")], self.short_name.as_str()),
            (&[To::Key("issuer")], self.issuer.as_str()),
            (&[To::Key("program")], self.program.as_str()),
            (&[To::Key("document"), To::Key("file")], self.document.file.as_str()),
            (&[To::Key("es"), To::Key("name")], es_name),
            (&[To::Key("es"), To::Key("short_name")], es_short),
            (&[To::Key("offer"), To::Key("name")], self.offer.name.as_str()),
            (&[To::Key("offer"), To::Key("es")], self.offer.es.as_deref().unwrap_or("-")),
        ];
        for (field, text) in named {
            if text.trim().is_empty() {
                return fail(ErrorPath::of(field), ErrorKind::empty());
            }
        }
        if !(1990..=2100).contains(&self.year) {
            return fail(at!["year"], ErrorKind::out_of_range(1990, 2100, self.year.into()));
        }
        if self.document.file.contains('/') || self.document.file.contains('\\') || self.document.file.contains("..") {
            return fail(at!["document", "file"], ErrorKind::not_a_file_name(&self.document.file));
        }
        if self.enrollment_types.is_empty() {
            return err(at!["enrollment_types"], "at least one enrollment type");
        }
        if self.pay_schedules.is_empty() {
            return err(at!["pay_schedules"], "at least one pay schedule");
        }
        for (i, e) in self.enrollment_types.iter().enumerate() {
            if self.enrollment_types[..i].contains(e) {
                let params = vec![("value", Param::Text(e.as_str().into()))];
                return fail(at!["enrollment_types", i], ErrorKind::plan("{value} listed twice", params));
            }
            if *e == EnrollmentType::PerMember {
                if self.member_premiums.is_empty() {
                    return err(at!["member_premiums"], "missing: the plan is priced per member");
                }
                if self.pay_schedules != [PaySchedule::Monthly] {
                    return err(at!["pay_schedules"], "per-member premiums are monthly: [\"monthly\"]");
                }
                continue;
            }
            let Some(p) = self.premiums.get(e) else {
                return err(at!["premiums", e.as_str()], "missing premium for this enrollment type");
            };
            for s in &self.pay_schedules {
                if p.per_period(*s).is_none() {
                    return err(at!["premiums", e.as_str(), s.as_str()], "missing premium for this pay schedule");
                }
                if p.government_share.is_some() && p.government_per_period(*s).is_none() {
                    return err(
                        at!["premiums", e.as_str(), "government_share", s.as_str()],
                        "missing: a published share for every pay schedule the plan offers",
                    );
                }
            }
        }
        if let Some(c) = &self.premium_conversion {
            if !self.pay_schedules.contains(&c.pay_schedule) {
                return err(at!["premium_conversion", "pay_schedule"], "a pay schedule the plan does not offer");
            }
            if c.authority.is_empty() {
                return err(at!["premium_conversion", "authority"], "missing: where the rule comes from");
            }
            for (i, a) in c.authority.iter().enumerate() {
                if !is_allowed_link(&a.url) {
                    return fail(at!["premium_conversion", "authority", i, "url"], ErrorKind::link(&a.url, LINK_HOSTS));
                }
            }
        }
        if !self.member_premiums.is_empty() && !self.enrollment_types.contains(&EnrollmentType::PerMember) {
            return err(at!["member_premiums"], "only for a plan whose enrollment type is per_member");
        }
        for (i, r) in self.member_premiums.iter().enumerate() {
            if let (Some(lo), Some(hi)) = (r.when.min_age, r.when.max_age) {
                if lo > hi {
                    return err(at!["member_premiums", i, "when"], "min_age is above max_age");
                }
            }
        }
        for e in self.premiums.keys() {
            if !self.enrollment_types.contains(e) || *e == EnrollmentType::PerMember {
                return err(at!["premiums", e.as_str()], "premium for an enrollment type the plan does not offer");
            }
        }
        // A per-member plan may or may not have family amounts (Traditional yes, Senior Advantage no).
        let family_offered = self.enrollment_types.iter().any(|e| e.is_family());
        for (name, acc) in [
            ("deductible", self.deductible.as_ref()),
            ("out_of_pocket_max", Some(&self.out_of_pocket_max)),
            ("part_d_out_of_pocket_max", self.part_d_out_of_pocket_max.as_ref()),
        ] {
            let Some(acc) = acc else { continue };
            match acc.family {
                Some(f) if f < acc.individual => {
                    let params = vec![("family", f.into()), ("individual", acc.individual.into())];
                    return fail(at![name, "family"], ErrorKind::plan("family amount {family} is below the individual amount {individual}", params));
                }
                None if family_offered && name != "part_d_out_of_pocket_max" => {
                    return err(at![name, "family"], "missing: the plan offers family enrollment");
                }
                _ => {}
            }
        }
        if let Some(d) = &self.deductible {
            if d.individual > self.out_of_pocket_max.individual {
                return err(at!["deductible", "individual"], "deductible is above the out-of-pocket maximum");
            }
        }
        for (channel, schedule) in &self.drug_supply {
            let field = at!["drug_supply", channel.as_str(), "bands"];
            if schedule.bands.is_empty() {
                return err(field, "at least one band");
            }
            let mut last = 0;
            for (i, b) in schedule.bands.iter().enumerate() {
                let range = |min: u64, max: u64| vec![("min", Param::Int(min)), ("max", Param::Int(max))];
                if b.up_to_days <= last || b.up_to_days > 366 {
                    return fail(field.clone().and(i).and("up_to_days"), ErrorKind::plan("bands must grow, from {min} to {max} days", range(1, 366)));
                }
                if b.copays == 0 || b.copays > 100 {
                    return fail(field.clone().and(i).and("copays"), ErrorKind::plan("must be from {min} to {max}", range(1, 100)));
                }
                last = b.up_to_days;
            }
        }
        for (name, limit) in &self.limits {
            if !is_name(name) {
                return fail(at!["limits", name], ErrorKind::limit_name(name));
            }
            if limit.max == 0 || limit.max > 10_000 {
                let params = vec![("min", Param::Int(1)), ("max", Param::Int(10_000))];
                return fail(at!["limits", name, "max"], ErrorKind::plan("must be from {min} to {max}", params));
            }
        }
        for required in vocab.in_every_plan() {
            if !self.services.contains_key(required.id.as_str()) {
                return err(at!["services", &required.id], "missing: every plan prices this service id");
            }
        }
        let no_limit = |at: ErrorPath, name: &str| fail(at, ErrorKind::plan("names no limit in `limits`: \"{value}\"", vec![("value", name.into())]));
        let mut units = Vec::with_capacity(self.services.len());
        for (id, b) in &self.services {
            let at = at!["services", id];
            let Some(known) = vocab.service(id) else {
                return fail(at, ErrorKind::unknown_service(id, None));
            };
            let unit = known.unit;
            units.push(unit);
            if let Some(l) = &b.limit {
                if !self.limits.contains_key(l) {
                    return no_limit(at.and("limit"), l);
                }
            }
            if b.part_d && self.part_d_out_of_pocket_max.is_none() {
                return err(at.and("part_d"), "the plan has no part_d_out_of_pocket_max");
            }
            if b.part_d && b.counts_toward_oop {
                return err(
                    at.and("counts_toward_oop"),
                    "a Part D drug counts toward the Part D limit, not the plan's out-of-pocket maximum: set it to false",
                );
            }
            if b.summary.trim().is_empty() {
                return fail(at.and("summary"), ErrorKind::no_summary());
            }
            if let Some(p) = &b.yearly_payment_limit {
                if !b.covered {
                    return err(at.and("yearly_payment_limit"), "a service that is not covered has no payment limit");
                }
                if p.amount.is_zero() {
                    return err(at.and("yearly_payment_limit").and("amount"), "a payment limit above zero (a service the plan never pays for is not covered)");
                }
            }
            if !b.covered && !b.cost_share.is_empty() {
                return err(at.and("cost_share"), "a service that is not covered has no cost share");
            }
            if b.if_admitted.is_some() && unit != Unit::Visit {
                return err(at.and("if_admitted"), "only a visit can lead to an admission");
            }
            check_steps(origin, at.clone().and("cost_share"), &b.cost_share, unit, &self)?;
            for (i, v) in b.variants.iter().enumerate() {
                let vat = at.clone().and("variants").and(i);
                if v.cost_share.is_none() && v.covered.is_none() {
                    return err(vat, "a variant changes the cost share or the coverage");
                }
                if let (Some(lo), Some(hi)) = (v.when.min_age, v.when.max_age) {
                    if lo > hi {
                        return err(vat.and("when"), "min_age is above max_age");
                    }
                }
                if v.when.channels.is_some() && unit != Unit::Fill {
                    return err(vat.and("when").and("channels"), "only a fill has a channel");
                }
                if v.when == Condition::default() {
                    return err(vat.and("when"), "a variant needs a condition");
                }
                if let Some(steps) = &v.cost_share {
                    check_steps(origin, vat.and("cost_share"), steps, unit, &self)?;
                }
            }
            if let OutOfNetwork::Tier(t) = &b.out_of_network {
                let tat = at.clone().and("out_of_network").and("tier");
                if !self.limits.contains_key(&t.limit) {
                    return no_limit(tat.and("limit"), &t.limit);
                }
                if t.sample && self.sample_figures.is_none() {
                    return err(at!["sample_figures"], "missing: some figures are sample values, so say so");
                }
                check_steps(origin, tat.and("cost_share"), &t.cost_share, unit, &self)?;
            }
            if unit == Unit::Fill && !self.drug_supply.contains_key(&Channel::Retail) {
                return err(at!["drug_supply", "retail"], "missing: the plan has prescription services");
            }
        }
        for (b, unit) in self.services.values_mut().zip(units) {
            b.unit = unit;
        }
        Ok(ValidPlan(self))
    }
}

/// A plan that passed [`Plan::validate`]: the only kind the engine takes. What validation
/// guarantees (a deductible wherever a step needs one, every named limit present, a retail
/// drug supply schedule wherever a service is a fill, a Part D limit wherever a drug is Part D,
/// each service's unit from the vocabulary) the accessors below rely on, so the engine never
/// checks a plan again.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct ValidPlan(Plan);

impl Deref for ValidPlan {
    type Target = Plan;
    fn deref(&self) -> &Plan {
        &self.0
    }
}

/// Stand-ins that validation makes unreachable; they keep the accessors total (no panic path
/// in the engine) without a second check.
const NO_CITATION: Citation = Citation { file: None, line: 0, quote: String::new() };
static NO_LIMIT: Accumulator = Accumulator { individual: Money::ZERO, family: None, source: NO_CITATION };
static NO_COUNTER: Limit = Limit { label: String::new(), max: u32::MAX, unit: LimitUnit::Visits, source: NO_CITATION };
static ONE_COPAY: SupplySchedule = SupplySchedule { bands: Vec::new(), source: NO_CITATION };

impl ValidPlan {
    pub fn into_plan(self) -> Plan {
        self.0
    }

    /// The deductible a `deductible` step applies (present wherever a step names it).
    pub fn deductible_limit(&self) -> &Accumulator {
        self.deductible.as_ref().unwrap_or(&NO_LIMIT)
    }

    /// The Part D limit a Part D drug counts toward (present wherever a drug is Part D).
    pub fn part_d_limit(&self) -> &Accumulator {
        self.part_d_out_of_pocket_max.as_ref().unwrap_or(&NO_LIMIT)
    }

    /// A yearly limit named by a service (present for every name a service gives).
    pub fn limit(&self, name: &str) -> &Limit {
        self.limits.get(name).unwrap_or(&NO_COUNTER)
    }

    /// The copays-per-supply schedule of a pharmacy channel: its own, else retail's.
    pub fn supply(&self, channel: Channel) -> &SupplySchedule {
        self.drug_supply.get(&channel).or_else(|| self.drug_supply.get(&Channel::Retail)).unwrap_or(&ONE_COPAY)
    }

    /// Whether this option is of the same group offer as `other` (the options a comparison
    /// puts side by side by default).
    pub fn is_sibling_of(&self, other: &Plan) -> bool {
        self.offer.id == other.offer.id
    }
}

fn check_steps(origin: &str, at: ErrorPath, steps: &[Step], unit: Unit, plan: &Plan) -> Result<(), Error> {
    let err = |at: ErrorPath, rule| Err(Error::at(origin, at, ErrorKind::plan(rule, vec![])));
    let mut seen_deductible = false;
    for (i, step) in steps.iter().enumerate() {
        let sat = at.clone().and(i);
        match step {
            Step::Deductible {} => {
                if plan.deductible.is_none() {
                    return err(sat, "the plan has no deductible");
                }
                if seen_deductible {
                    return err(sat, "the deductible is listed twice");
                }
                seen_deductible = true;
            }
            Step::Copay { amount, per, max } => {
                if let Some(m) = max {
                    if m < amount {
                        return err(sat.and("copay").and("max"), "the cap is below the copay itself");
                    }
                }
                if *per == CopayPer::Day && unit != Unit::Admission {
                    return err(sat.and("copay").and("per"), "a per-day copay needs a service whose unit is admission");
                }
                if *per == CopayPer::Supply && unit != Unit::Fill {
                    return err(sat.and("copay").and("per"), "a per-supply copay needs a service whose unit is fill");
                }
            }
            Step::Coinsurance { .. } => {}
            Step::Allowance { .. } => {
                if i + 1 != steps.len() {
                    return err(sat, "an allowance ends the cost share: it must be the last step");
                }
            }
        }
    }
    Ok(())
}

/// The hosts a plan file's links may point to (`premium_conversion.authority[].url`), over
/// `https:` only: the regulation sites the files cite, and the government's own. A link from
/// a plan file is shown on the page as the regulation's citation, so it may not go anywhere
/// else (`docs/plan-format.md`, "Links").
pub const LINK_HOSTS: &[&str] = &["www.law.cornell.edu", "lexbuild.dev", "www.ecfr.gov", "www.govinfo.gov", "www.opm.gov", "www.cms.gov"];

/// `https://` + one of [`LINK_HOSTS`] + nothing, or a path (`/…`), of printable ASCII with no
/// quote, angle bracket, backslash or space: no other scheme, no user name or port.
pub fn is_allowed_link(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else { return false };
    let end = rest.find('/').unwrap_or(rest.len());
    let (host, tail) = rest.split_at(end);
    LINK_HOSTS.contains(&host) && tail.bytes().all(|b| b.is_ascii_graphic() && !b"\"<>\\^`{|}".contains(&b))
}

fn is_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 80 && s.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schedule(bands: &[(u32, u32)]) -> SupplySchedule {
        SupplySchedule {
            bands: bands.iter().map(|&(up_to_days, copays)| SupplyBand { up_to_days, copays }).collect(),
            source: Citation { file: None, line: 1, quote: String::new() },
        }
    }

    #[test]
    fn supply_bands() {
        let retail = schedule(&[(30, 1)]);
        assert_eq!(retail.copays_for(30), 1);
        assert_eq!(retail.copays_for(31), 2);
        assert_eq!(retail.copays_for(90), 3);
        let mail = schedule(&[(30, 1), (90, 2)]);
        assert_eq!(mail.copays_for(30), 1);
        assert_eq!(mail.copays_for(60), 2);
        assert_eq!(mail.copays_for(90), 2);
        assert_eq!(mail.copays_for(120), 3);
        assert_eq!(mail.copays_for(180), 4);
    }
}
