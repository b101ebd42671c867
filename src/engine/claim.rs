//! The one mechanism every claim goes through, in five stages:
//! 1. coverage: the service's rule, or the first variant whose condition holds (age,
//!    channel), or the out-of-network rule; claims not covered stop here;
//! 2. limits: a yearly per-member counter of visits or days; units past it are not covered;
//! 3. the emergency waiver on admission, where the plan has one;
//! 4. the cost-share steps (deductible, copay, coinsurance, allowance) over what is left of
//!    the allowed amount;
//! 5. the out-of-pocket (or Part D) cap on the counted part (DOMAIN rule 6), then the
//!    accumulators move.

use super::{add, overflow, Claim, Event, Line, Scope};
use crate::error::Error;
use crate::map::SortedMap;
use crate::money::Money;
use crate::plan::{Accumulator, Benefit, CopayPer, LimitUnit, OutOfNetwork, Step, ValidPlan, Variant};
use crate::scenario::Scenario;
use crate::vocab::{EnrollmentType, Network};

/// What has counted toward one embedded limit so far: each member's part and the family's.
pub(super) struct Tally {
    pub member: Vec<Money>,
    pub family: Money,
}

impl Tally {
    fn new(members: usize) -> Tally {
        Tally { member: vec![Money::ZERO; members], family: Money::ZERO }
    }

    /// Room left for member `m` under `limit`: the smaller of their own remainder and (for a
    /// family enrollment) the family's, and which of the two binds.
    fn room(&self, limit: &Accumulator, m: usize, family: bool) -> (Money, Scope) {
        let own = limit.individual.saturating_sub(self.member[m]);
        match limit.family {
            Some(f) if family => {
                let fam = f.saturating_sub(self.family);
                if fam < own {
                    (fam, Scope::Family)
                } else {
                    (own, Scope::Individual)
                }
            }
            _ => (own, Scope::Individual),
        }
    }

    fn add(&mut self, m: usize, amount: Money) -> Result<(), Error> {
        self.member[m] = add(self.member[m], amount)?;
        self.family = add(self.family, amount)?;
        Ok(())
    }
}

/// The year so far.
pub(super) struct Accumulators {
    /// Family limits apply (a family enrollment, or several people on a per-member plan).
    pub family: bool,
    pub deductible: Tally,
    pub out_of_pocket: Tally,
    pub part_d: Tally,
    limits_used: SortedMap<(usize, String), u32>,
    /// The member index of each line, in order.
    pub members_of_lines: Vec<usize>,
}

/// The rule stage 1 settles on for a claim; the later stages apply it.
struct Rule<'p> {
    steps: &'p [Step],
    limit: Option<&'p str>,
    counts_toward_oop: bool,
    part_d: bool,
}

/// Adjudicates every claim in order; returns the year's accumulators and one line per claim.
pub(super) fn adjudicate(plan: &ValidPlan, scenario: &Scenario, enrollment: EnrollmentType, claims: &[Claim]) -> Result<(Accumulators, Vec<Line>), Error> {
    let n = scenario.members.len();
    // Family limits apply to a family enrollment, and to a plan priced per member when more
    // than one person is covered (the Fresno Traditional HMO's embedded family maximum).
    let family = enrollment.is_family() || (enrollment == EnrollmentType::PerMember && n > 1);
    let mut acc = Accumulators {
        family,
        deductible: Tally::new(n),
        out_of_pocket: Tally::new(n),
        part_d: Tally::new(n),
        limits_used: SortedMap::new(),
        members_of_lines: Vec::with_capacity(claims.len()),
    };
    let mut lines = Vec::with_capacity(claims.len());
    for claim in claims {
        lines.push(adjudicate_claim(plan, scenario, &mut acc, claim)?);
        acc.members_of_lines.push(claim.member);
    }
    Ok((acc, lines))
}

fn variant_for<'b>(benefit: &'b Benefit, age: u32, claim: &Claim) -> Option<&'b Variant> {
    benefit.variants.iter().find(|v| {
        let w = &v.when;
        w.max_age.map_or(true, |a| age <= a)
            && w.min_age.map_or(true, |a| age >= a)
            && w.channels.as_ref().map_or(true, |c| c.contains(&claim.channel))
    })
}

fn adjudicate_claim(plan: &ValidPlan, scenario: &Scenario, acc: &mut Accumulators, claim: &Claim) -> Result<Line, Error> {
    let benefit = claim.benefit;
    let m = claim.member;
    let age = scenario.members[m].age;
    let mut events = Vec::new();
    let mut line = Line {
        member: scenario.members[m].id.clone(),
        service: claim.service.to_string(),
        allowed: claim.allowed,
        deductible: Money::ZERO,
        copay: Money::ZERO,
        coinsurance: Money::ZERO,
        not_covered: Money::ZERO,
        balance_billed: Money::ZERO,
        member_pays: Money::ZERO,
        plan_pays: Money::ZERO,
        counts_toward_oop: benefit.counts_toward_oop,
        counts_toward_part_d: benefit.part_d,
        events: Vec::new(),
    };

    // 1. Which rule applies: the service's, a variant's (age, channel), or the out-of-network
    //    one; and whether the claim is covered at all.
    let mut covered = benefit.covered;
    let mut rule = Rule {
        steps: &benefit.cost_share,
        limit: benefit.limit.as_deref(),
        counts_toward_oop: benefit.counts_toward_oop,
        part_d: benefit.part_d,
    };
    if let Some(v) = variant_for(benefit, age, claim) {
        if let Some(c) = v.covered {
            covered = c;
        }
        if let Some(s) = &v.cost_share {
            rule.steps = s;
        }
        events.push(Event::RuleVariant { label: v.label.clone() });
    }
    if claim.network == Network::OutOfNetwork {
        // Above the allowed amount an out-of-network provider may bill the member, except for
        // emergencies, which are protected from balance billing.
        if benefit.out_of_network != OutOfNetwork::InNetworkCostShare {
            if let Some(billed) = claim.billed {
                line.balance_billed = billed.saturating_sub(claim.allowed);
                if !line.balance_billed.is_zero() {
                    events.push(Event::BalanceBilled { amount: line.balance_billed });
                }
            }
        }
        if covered {
            match &benefit.out_of_network {
                OutOfNetwork::NotCovered => {
                    covered = false;
                    events.push(Event::OutOfNetworkNotCovered);
                }
                OutOfNetwork::InNetworkCostShare => {}
                OutOfNetwork::Tier(t) => {
                    rule = Rule { steps: &t.cost_share, limit: Some(&t.limit), counts_toward_oop: t.counts_toward_oop, part_d: false };
                    events.push(Event::OutOfNetworkTier { sample: t.sample });
                }
            }
        }
    }
    if !covered && !events.contains(&Event::OutOfNetworkNotCovered) {
        events.push(Event::NotCovered);
    }
    line.counts_toward_oop = covered && rule.counts_toward_oop;
    line.counts_toward_part_d = covered && rule.part_d;
    if !covered {
        line.not_covered = claim.allowed;
        return finish(line, events);
    }

    // 2. Yearly limits: units past the limit are not covered.
    let mut covered_allowed = claim.allowed;
    let mut copay_days = claim.days;
    if let Some(name) = rule.limit {
        let limit = plan.limit(name);
        let units = match limit.unit {
            LimitUnit::Visits => 1,
            LimitUnit::Days => claim.days,
        };
        let used = acc.limits_used.get_or_insert_with((m, name.to_string()), || 0);
        let left = limit.max.saturating_sub(*used);
        let covered_units = units.min(left);
        *used += covered_units;
        if covered_units < units {
            events.push(Event::LimitReached { limit: limit.label.clone(), max: limit.max, unit: limit.unit, covered: covered_units, units });
            covered_allowed = claim.allowed.pro_rata(covered_units, units).ok_or_else(overflow)?;
            line.not_covered = claim.allowed.saturating_sub(covered_allowed);
            if limit.unit == LimitUnit::Days {
                copay_days = covered_units;
            }
            if covered_units == 0 {
                line.counts_toward_oop = false;
                line.counts_toward_part_d = false;
                events.push(Event::NotCovered);
                return finish(line, events);
            }
        }
    }

    // 3. Emergency copay waived when the visit led to an admission.
    if claim.admitted && benefit.if_admitted.as_ref().is_some_and(|w| w.waived) {
        events.push(Event::CopayWaivedAdmitted);
        return finish(line, events);
    }

    // 4. The cost-share steps over what is left of the allowed amount.
    let mut left = covered_allowed;
    let (mut ded, mut copay, mut coins) = (Money::ZERO, Money::ZERO, Money::ZERO);
    let mut ded_scope = Scope::Individual;
    for step in rule.steps {
        match step {
            Step::Deductible {} => {
                let (r, scope) = acc.deductible.room(plan.deductible_limit(), m, acc.family);
                ded_scope = scope;
                let paid = left.min(r);
                ded = add(ded, paid)?;
                left = left.saturating_sub(paid);
            }
            Step::Copay { amount, per, max } => {
                let times = match per {
                    CopayPer::Claim => 1,
                    CopayPer::Day => copay_days,
                    CopayPer::Supply => plan.supply(claim.channel).copays_for(claim.days_supply),
                };
                let mut due = amount.checked_mul_int(times).ok_or_else(overflow)?;
                if let Some(cap) = max {
                    if due > *cap {
                        due = *cap;
                        events.push(Event::AdmissionMaximum { max: *cap });
                    }
                }
                if due > left {
                    due = left;
                    events.push(Event::CopayLimitedToAllowed);
                }
                copay = add(copay, due)?;
                left = left.saturating_sub(due);
            }
            Step::Coinsurance { percent, max } => {
                let mut due = left.percent(*percent).ok_or_else(overflow)?;
                if let Some(cap) = max {
                    if due > *cap {
                        due = *cap;
                        events.push(Event::CoinsuranceCapped { max: *cap });
                    }
                }
                coins = add(coins, due)?;
                left = left.saturating_sub(due);
            }
            Step::Allowance { amount } => {
                let excess = left.saturating_sub(*amount);
                if !excess.is_zero() {
                    events.push(Event::AllowanceExceeded { allowance: *amount, excess });
                    line.not_covered = add(line.not_covered, excess)?;
                    left = left.saturating_sub(excess);
                }
            }
        }
    }

    // 5. The out-of-pocket limit the claim counts toward (the plan's, or Part D's) caps the
    //    counted part (coinsurance first, then copay, then the deductible part); then the
    //    year's accumulators move.
    let counter = if rule.part_d {
        Some((plan.part_d_limit(), &mut acc.part_d, true))
    } else if rule.counts_toward_oop {
        Some((&plan.out_of_pocket_max, &mut acc.out_of_pocket, false))
    } else {
        None
    };
    match counter {
        Some((limit, tally, part_d)) => {
            let (r, scope) = tally.room(limit, m, acc.family);
            let total = add(add(ded, copay)?, coins)?;
            if total > r {
                let mut excess = total.saturating_sub(r);
                for part in [&mut coins, &mut copay, &mut ded] {
                    let cut = (*part).min(excess);
                    *part = part.saturating_sub(cut);
                    excess = excess.saturating_sub(cut);
                }
                events.push(match (part_d, r.is_zero()) {
                    (true, true) => Event::PartDLimitAlreadyMet,
                    (true, false) => Event::PartDLimitReached,
                    (false, true) => Event::OutOfPocketMaximumAlreadyMet { scope },
                    (false, false) => Event::OutOfPocketMaximumReached { scope },
                });
            }
            tally.add(m, add(add(ded, copay)?, coins)?)?;
        }
        None => events.push(Event::NotCountedTowardOutOfPocket),
    }
    if !ded.is_zero() {
        acc.deductible.add(m, ded)?;
        let (r, _) = acc.deductible.room(plan.deductible_limit(), m, acc.family);
        if r.is_zero() {
            events.insert(0, Event::DeductibleMet { scope: ded_scope });
        }
    }
    line.deductible = ded;
    line.copay = copay;
    line.coinsurance = coins;
    finish(line, events)
}

/// The member's share and the plan's: every part of the allowed amount is paid by one of the
/// two (allowed = plan pays + member pays − balance billed).
fn finish(mut line: Line, events: Vec<Event>) -> Result<Line, Error> {
    // Components never exceed the allowed amount: each step takes from what is left.
    let within_allowed = add(add(add(line.deductible, line.copay)?, line.coinsurance)?, line.not_covered)?;
    line.member_pays = add(within_allowed, line.balance_billed)?;
    line.plan_pays = line.allowed.saturating_sub(within_allowed);
    line.events = events;
    Ok(line)
}
