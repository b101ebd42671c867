//! The plan view: every question a form asks about one plan, answered by the engine from the
//! validated plan (docs/embedding.md, "The plan view"), so that no page reads a plan file's
//! fields or re-derives a rule: its names and offer, the enrollment types and pay schedules it
//! offers and what each means, whether and how it asks about Medicare, the pharmacy channels it
//! prices, each service's unit, coverage, tier, limits and out-of-network rule, the scenario's
//! defaults and bounds, who pays the premium before tax, and the key benefits with their
//! document lines for print. A change of the plan format is a change here, not in a page.
//!
//! The view borrows from the plan; the `.wasm` (`planView`) and the CLI (`costshare plan`)
//! write it out as JSON.

use serde::Serialize;

use crate::catalog::Catalog;
use crate::engine::{ContributionUnit, IMPLIED_SPOUSE_MIN_AGE};
use crate::medicare::Monthly;
use crate::money::Money;
use crate::plan::{Accumulator, Assumption, Citation, Document, Limit, MemberRate, Names, OutOfNetwork, PaymentLimit, PremiumConversion, ValidPlan};
use crate::scenario::{DEFAULT_DAYS_SUPPLY, MAX_AGE, MAX_COUNT, MAX_DAYS, MAX_DAYS_SUPPLY, MAX_MEMBERS, MAX_USES};
use crate::vocab::{Channel, EnrollmentType, Medicare, Network, PaySchedule, Unit};

/// The age Medicare begins at for most people; below it a person has Medicare only through a
/// disability or kidney failure, so a plan requiring Part B is unlikely to take them.
pub const MEDICARE_AGE: u32 = 65;

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PlanView<'p> {
    pub id: &'p str,
    pub name: &'p str,
    pub short_name: &'p str,
    /// The names in Spanish, where the plan file gives them.
    pub es: Option<&'p Names>,
    pub issuer: &'p str,
    pub program: &'p str,
    pub year: u16,
    /// The group offer the option belongs to, with the ids of its options in the catalog.
    pub offer: OfferView<'p>,
    pub document: &'p Document,
    /// The plan's figures are sample values, not a document's (KP Plus): the warning to show.
    pub sample_figures: Option<&'p str>,
    pub enrollment: EnrollmentView,
    /// Each pay schedule offered, first the default.
    pub pay_schedules: Vec<ScheduleView>,
    /// The rate table publishes a Government share (FEHB): with no contribution given, the
    /// premium is already split.
    pub government_share: bool,
    /// Who pays their share before tax (FEHB premium conversion: payers on that schedule).
    pub premium_conversion: Option<&'p PremiumConversion>,
    /// The published premium of each enrollment type (a plan priced per type), with its line.
    pub premiums: Vec<PremiumRow<'p>>,
    /// A plan priced per member: its rate table's rows (the first that fits a member is taken).
    pub member_premiums: &'p [MemberRate],
    pub medicare: MedicareView<'p>,
    /// The plan has a Medicare Part D drug limit.
    pub part_d: bool,
    /// The pharmacy channels the plan prices, `retail` first (a channel not listed is priced
    /// as retail).
    pub channels: Vec<Channel>,
    /// Each service the plan lists, in id order.
    pub services: Vec<ServiceView<'p>>,
    pub key_benefits: KeyBenefits<'p>,
    /// What the plan file assumes where its document leaves a choice.
    pub assumptions: &'p [Assumption],
    pub defaults: Defaults,
    pub bounds: Bounds,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct OfferView<'p> {
    pub id: &'p str,
    pub name: &'p str,
    pub es: Option<&'p str>,
    pub source: Option<&'p Citation>,
    /// The offer's options in the catalog, in catalog order (this one among them): `compare`'s
    /// default list.
    pub options: Vec<String>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EnrollmentView {
    /// The types offered, smallest first, with how many people each covers.
    pub types: Vec<EnrollmentTypeView>,
    /// With no enrollment given, the engine takes the cheapest type the household may take
    /// (docs/domain.md, "Enrollment choice"); the result's `enrollment_options` lists them.
    pub chosen_by_cost: bool,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EnrollmentTypeView {
    #[serde(rename = "type")]
    pub kind: EnrollmentType,
    pub min_people: u32,
    /// `null`: no most.
    pub max_people: Option<u32>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ScheduleView {
    pub pay_schedule: PaySchedule,
    pub periods_per_year: u32,
    /// What a contribution entered for this schedule is per: each member (a plan priced per
    /// member) or the enrollment, each pay period of this schedule.
    pub contribution_unit: ContributionUnit,
    /// Payers on this schedule pay their share before tax (premium conversion).
    pub pre_tax: bool,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PremiumRow<'p> {
    pub enrollment: EnrollmentType,
    /// The member's share per period, per schedule (`null` where not published).
    pub biweekly: Option<Money>,
    pub monthly: Option<Money>,
    pub government_biweekly: Option<Money>,
    pub government_monthly: Option<Money>,
    pub source: &'p Citation,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct MedicareView<'p> {
    /// The form asks each person's Medicare status: the plan requires Part B or its rate table
    /// prices members by their status.
    pub asks: bool,
    /// Members must have Part B (Senior Advantage): `none` and `part_a_only` are refused.
    pub requires_part_b: bool,
    /// The document line of that rule.
    pub source: Option<&'p Citation>,
    /// The statuses the plan refuses (`medicare_part_b_required`).
    pub refused: Vec<Medicare>,
    /// A member who states nothing is priced as this (`parts_a_and_b` where Part B is
    /// required; else `unknown`, as the rate table prices it).
    pub unstated_priced_as: Medicare,
    /// Below this age a member said to have Part B is unusual (disability or kidney failure):
    /// where Part B is required, a page may say so (`null` elsewhere).
    pub unlikely_below_age: Option<u32>,
    /// Medicare Part B's standard premium for the plan's year, paid to Medicare, never in a
    /// total (`null` where the plan asks nothing about Medicare or the year has no figure).
    pub part_b_monthly: Option<PartBFigure<'p>>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PartBFigure<'p> {
    pub year: u16,
    #[serde(flatten)]
    pub figure: &'p Monthly,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ServiceView<'p> {
    pub id: &'p str,
    pub unit: Unit,
    pub covered: bool,
    /// The document's words for the cost share.
    pub summary: &'p str,
    pub tier: Option<&'p str>,
    pub counts_toward_oop: bool,
    pub part_d: bool,
    /// The yearly visit or day limit claims count toward, with its line.
    pub limit: Option<&'p Limit>,
    pub yearly_payment_limit: Option<&'p PaymentLimit>,
    /// `not_covered`, `in_network_cost_share` (emergencies) or `tier` (an out-of-network tier).
    pub out_of_network: &'static str,
    /// The out-of-network tier's words, where there is one.
    pub out_of_network_summary: Option<&'p str>,
    /// The cost share differs by age or pharmacy channel (the variants' labels).
    pub variants: Vec<&'p str>,
    pub source: &'p Citation,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct KeyBenefits<'p> {
    pub deductible: Option<&'p Accumulator>,
    pub out_of_pocket_max: &'p Accumulator,
    pub part_d_out_of_pocket_max: Option<&'p Accumulator>,
}

/// What the engine takes where a scenario does not say.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Defaults {
    pub pay_schedule: PaySchedule,
    pub days_supply: u32,
    pub channel: Channel,
    pub network: Network,
    /// On a plan priced per member, the first unnamed person after the subscriber this old or
    /// older is taken for the spouse.
    pub implied_spouse_min_age: u32,
}

/// The most a scenario may hold (the engine refuses more, naming the field).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Bounds {
    pub members: usize,
    pub age: u32,
    pub uses: usize,
    pub count: u32,
    pub days: u32,
    pub days_supply: u32,
}

/// The view of `plan` in `catalog`.
pub fn plan_view<'p>(catalog: &'p Catalog, plan: &'p ValidPlan) -> PlanView<'p> {
    let per_member = plan.enrollment_types.contains(&EnrollmentType::PerMember);
    let mut types: Vec<EnrollmentType> = plan.enrollment_types.clone();
    types.sort_by_key(|e| match e {
        EnrollmentType::SelfOnly => 0,
        EnrollmentType::SelfPlusOne => 1,
        EnrollmentType::SelfAndFamily => 2,
        EnrollmentType::PerMember => 3,
    });
    let types = types
        .into_iter()
        .map(|kind| {
            let (min_people, max_people) = match kind {
                EnrollmentType::SelfOnly => (1, Some(1)),
                EnrollmentType::SelfPlusOne => (2, Some(2)),
                EnrollmentType::SelfAndFamily => (2, None),
                EnrollmentType::PerMember => (1, None),
            };
            EnrollmentTypeView { kind, min_people, max_people }
        })
        .collect();
    let unit_type = if per_member { EnrollmentType::PerMember } else { EnrollmentType::SelfOnly };
    let conversion = plan.premium_conversion.as_ref();
    let pay_schedules = plan
        .pay_schedules
        .iter()
        .map(|&s| ScheduleView {
            pay_schedule: s,
            periods_per_year: s.periods_per_year(),
            contribution_unit: ContributionUnit::of(unit_type, s),
            pre_tax: conversion.is_some_and(|c| c.pay_schedule == s),
        })
        .collect();
    let premiums = plan
        .premiums
        .iter()
        .map(|(&enrollment, p)| PremiumRow {
            enrollment,
            biweekly: p.biweekly,
            monthly: p.monthly,
            government_biweekly: p.government_share.as_ref().and_then(|g| g.biweekly),
            government_monthly: p.government_share.as_ref().and_then(|g| g.monthly),
            source: &p.source,
        })
        .collect();
    let requires_part_b = plan.medicare.as_ref().is_some_and(|m| m.requires_part_b);
    let asks = requires_part_b || plan.member_premiums.iter().any(|r| r.when.medicare.is_some());
    let part_b_monthly = if asks {
        catalog.medicare_years().and_then(|y| y.part_b(plan.year)).map(|figure| PartBFigure { year: plan.year, figure })
    } else {
        None
    };
    let medicare = MedicareView {
        asks,
        requires_part_b,
        source: plan.medicare.as_ref().map(|m| &m.source),
        refused: if requires_part_b { vec![Medicare::None, Medicare::PartAOnly] } else { Vec::new() },
        unstated_priced_as: if requires_part_b { Medicare::PartsAAndB } else { Medicare::Unknown },
        unlikely_below_age: requires_part_b.then_some(MEDICARE_AGE),
        part_b_monthly,
    };
    let mut channels = vec![Channel::Retail];
    channels.extend(plan.drug_supply.keys().copied().filter(|&c| c != Channel::Retail));
    let services = plan
        .services
        .iter()
        .map(|(id, b)| {
            let (out_of_network, out_of_network_summary) = match &b.out_of_network {
                OutOfNetwork::NotCovered => ("not_covered", None),
                OutOfNetwork::InNetworkCostShare => ("in_network_cost_share", None),
                OutOfNetwork::Tier(t) => ("tier", Some(t.summary.as_str())),
            };
            ServiceView {
                id: id.as_str(),
                unit: b.unit,
                covered: b.covered,
                summary: &b.summary,
                tier: b.tier.as_deref(),
                counts_toward_oop: b.counts_toward_oop,
                part_d: b.part_d,
                limit: b.limit.as_ref().and_then(|l| plan.limits.get(l)),
                yearly_payment_limit: b.yearly_payment_limit.as_ref(),
                out_of_network,
                out_of_network_summary,
                variants: b.variants.iter().map(|v| v.label.as_str()).collect(),
                source: &b.source,
            }
        })
        .collect();
    PlanView {
        id: &plan.id,
        name: &plan.name,
        short_name: &plan.short_name,
        es: plan.es.as_ref(),
        issuer: &plan.issuer,
        program: &plan.program,
        year: plan.year,
        offer: OfferView {
            id: &plan.offer.id,
            name: &plan.offer.name,
            es: plan.offer.es.as_deref(),
            source: plan.offer.source.as_ref(),
            options: crate::offer::options_of(catalog, &plan.id),
        },
        document: &plan.document,
        sample_figures: plan.sample_figures.as_deref(),
        enrollment: EnrollmentView { types, chosen_by_cost: true },
        pay_schedules,
        government_share: plan.premiums.values().any(|p| p.government_share.is_some()),
        premium_conversion: conversion,
        premiums,
        member_premiums: &plan.member_premiums,
        medicare,
        part_d: plan.part_d_out_of_pocket_max.is_some(),
        channels,
        services,
        key_benefits: KeyBenefits {
            deductible: plan.deductible.as_ref(),
            out_of_pocket_max: &plan.out_of_pocket_max,
            part_d_out_of_pocket_max: plan.part_d_out_of_pocket_max.as_ref(),
        },
        assumptions: &plan.assumptions,
        defaults: Defaults {
            pay_schedule: plan.pay_schedules[0],
            days_supply: DEFAULT_DAYS_SUPPLY,
            channel: Channel::Retail,
            network: Network::InNetwork,
            implied_spouse_min_age: IMPLIED_SPOUSE_MIN_AGE,
        },
        bounds: Bounds { members: MAX_MEMBERS, age: MAX_AGE, uses: MAX_USES, count: MAX_COUNT, days: MAX_DAYS, days_supply: MAX_DAYS_SUPPLY },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_answers_the_forms_questions() {
        let catalog = Catalog::builtin().unwrap();
        let v = |id: &str| plan_view(&catalog, catalog.plan(id).unwrap());
        let high = v("kp-co-fehb-2022-high");
        assert_eq!(high.offer.options, ["kp-co-fehb-2022-high", "kp-co-fehb-2022-prosper", "kp-co-fehb-2022-standard"]);
        assert!(!high.medicare.asks && high.government_share && !high.part_d);
        let kinds: Vec<_> = high.enrollment.types.iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [EnrollmentType::SelfOnly, EnrollmentType::SelfPlusOne, EnrollmentType::SelfAndFamily]);
        // Employees pay biweekly, before tax; annuitants monthly, after (5 CFR 892).
        let pre_tax: Vec<_> = high.pay_schedules.iter().map(|s| (s.pay_schedule, s.pre_tax)).collect();
        assert_eq!(pre_tax, [(PaySchedule::Biweekly, true), (PaySchedule::Monthly, false)]);
        // 001 L3839-3840: Self Plus One $281.56, Self and Family $232.06 biweekly.
        let share = |e| high.premiums.iter().find(|p| p.enrollment == e).and_then(|p| p.biweekly).map(|m| m.to_string());
        assert_eq!(share(EnrollmentType::SelfPlusOne).as_deref(), Some("281.56"));
        assert_eq!(share(EnrollmentType::SelfAndFamily).as_deref(), Some("232.06"));

        let sa = v("kp-ncal-fresno-2025-sa-high-high");
        assert_eq!(sa.offer.options.len(), 3);
        assert!(sa.medicare.asks && sa.medicare.requires_part_b && sa.part_d);
        assert_eq!(sa.medicare.source.map(|s| s.line), Some(7487));
        assert_eq!(sa.medicare.unlikely_below_age, Some(65));
        assert_eq!(sa.medicare.part_b_monthly.as_ref().map(|p| p.figure.monthly.to_string()).as_deref(), Some("185.00"));
        assert_eq!(sa.pay_schedules[0].contribution_unit, ContributionUnit::of(EnrollmentType::PerMember, PaySchedule::Monthly));
        assert!(sa.channels.contains(&Channel::Mail));

        let traditional = v("kp-ncal-fresno-2025-traditional");
        assert!(traditional.medicare.asks && !traditional.medicare.requires_part_b);
        assert_eq!(traditional.medicare.unstated_priced_as, Medicare::Unknown);
        assert_eq!(traditional.medicare.unlikely_below_age, None);
    }

    #[test]
    fn every_plans_view_writes_out() {
        let catalog = Catalog::builtin().unwrap();
        for plan in catalog.plans() {
            let text = serde_json::to_string(&plan_view(&catalog, plan)).unwrap();
            assert!(text.contains(&format!("\"id\":\"{}\"", plan.id)));
        }
    }
}
