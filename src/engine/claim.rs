//! The one mechanism every claim goes through, in six stages:
//! 1. coverage: the service's rule, or the first variant whose condition holds (age,
//!    channel), or the out-of-network rule; claims not covered stop here;
//! 2. limits: a yearly per-member counter of visits or days; units past it are not covered;
//! 3. the emergency waiver on admission, where the plan has one;
//! 4. the cost-share steps (deductible, copay, coinsurance, allowance) over what is left of
//!    the allowed amount;
//! 5. the out-of-pocket (or Part D) cap on the counted part (docs/domain.md, rule 6), then the
//!    accumulators move;
//! 6. the benefit's yearly payment limit, per member: what the plan would pay past it is the
//!    member's, not covered (docs/domain.md, rule 13).
//!
//! `adjudicate_claim` is that mechanism, and the only one: `each_claim` runs it on every claim
//! with its events (the estimate's lines), `each_group` on the first of each group of
//! identical claims that come to the same outcome (the totals-only paths). Both take the year
//! in time order, month by month (docs/domain.md, rule 1; `months.rs`).
//!
//! Why one file of about 700 lines: the per-claim path (`each_claim`) and the grouped path
//! (`each_group`, with `Reads`, what a group's outcome depends on) must change together, stage
//! for stage; `tests/bulk.rs` holds them equal, and keeping them in one file keeps that visible.

use super::months::Segment;
use super::{add, overflow, Claim, Event, Scope, Use};
use crate::error::Error;
use crate::money::Money;
use crate::plan::{Accumulator, Benefit, CopayPer, LimitUnit, OutOfNetwork, Step, ValidPlan, Variant};
use crate::vocab::Network;

/// What has counted toward one embedded limit so far: each member's part and the family's.
/// The amounts are kept as money (what the claims and the result read) and, beside them, in
/// whole cents (what the grouped path's checks read: `Reads::still_hold`), while every amount
/// added is whole cents (always: money has at most two places).
pub(super) struct Tally {
    pub member: Vec<Money>,
    pub family: Money,
    /// The same in cents; `None` once an amount finer than a cent was added.
    cents: Option<(Vec<u64>, u64)>,
}

impl Tally {
    /// An empty tally; `in_cents`: kept in cents too (the grouped path, which reads them).
    fn new(members: usize, in_cents: bool) -> Tally {
        Tally { member: vec![Money::ZERO; members], family: Money::ZERO, cents: in_cents.then(|| (vec![0; members], 0)) }
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

    /// [`Tally::room`]'s amount in cents, from the limit in cents (`None` where either is not
    /// whole cents).
    fn room_cents(&self, limit: Option<LimitCents>, m: usize, family: bool) -> Option<u64> {
        let (limit, (member, fam)) = (limit?, self.cents.as_ref()?);
        let own = limit.individual.saturating_sub(*member.get(m)?);
        match limit.family {
            Some(f) if family => Some(own.min(f.saturating_sub(*fam))),
            _ => Some(own),
        }
    }

    fn add(&mut self, m: usize, amount: Money) -> Result<(), Error> {
        self.member[m] = add(self.member[m], amount)?;
        self.family = add(self.family, amount)?;
        if let Some((member, family)) = self.cents.as_mut() {
            match (cents(amount), member.get_mut(m)) {
                (Some(c), Some(slot)) => {
                    *slot = slot.saturating_add(c);
                    *family = family.saturating_add(c);
                }
                _ => self.cents = None,
            }
        }
        Ok(())
    }
}

/// An embedded limit in whole cents: the individual amount and the family's.
#[derive(Clone, Copy)]
struct LimitCents {
    individual: u64,
    family: Option<u64>,
}

impl LimitCents {
    fn of(limit: &Accumulator) -> Option<LimitCents> {
        let family = match limit.family {
            Some(f) => Some(cents(f)?),
            None => None,
        };
        Some(LimitCents { individual: cents(limit.individual)?, family })
    }
}

/// The year so far.
pub(super) struct Accumulators {
    /// Family limits apply (a family enrollment, or several people on a per-member plan).
    pub family: bool,
    pub deductible: Tally,
    pub out_of_pocket: Tally,
    pub part_d: Tally,
    /// Units used of each of the plan's yearly limits, per member: `[member × width + limit]`,
    /// the limits in the plan's order (one spare slot a member, for a name the plan lacks).
    limits_used: Vec<u32>,
    width: usize,
    /// What the plan has paid so far for each benefit with a yearly payment limit, per member:
    /// `(member, service, paid)`, an entry once a member first uses such a benefit.
    paid: Vec<(usize, String, Money)>,
    /// The deductible, the out-of-pocket maximum and the Part D limit in whole cents.
    limits_cents: [Option<LimitCents>; 3],
}

impl Accumulators {
    /// The year before any claim; `in_cents`: the tallies kept in cents too (for the grouped
    /// path's checks; the claim-by-claim path does not read them).
    fn new(plan: &ValidPlan, members: usize, family: bool, in_cents: bool) -> Accumulators {
        let width = plan.limits.len() + 1;
        Accumulators {
            family,
            deductible: Tally::new(members, in_cents),
            out_of_pocket: Tally::new(members, in_cents),
            part_d: Tally::new(members, in_cents),
            limits_used: vec![0; members * width],
            width,
            paid: Vec::new(),
            limits_cents: [LimitCents::of(plan.deductible_limit()), LimitCents::of(&plan.out_of_pocket_max), LimitCents::of(plan.part_d_limit())],
        }
    }

    /// The slot of what the plan has paid member `m` for `service` (made on first use).
    fn paid_slot(&mut self, m: usize, service: &str) -> usize {
        match self.paid.iter().position(|(who, s, _)| *who == m && s == service) {
            Some(i) => i,
            None => {
                self.paid.push((m, service.to_string(), Money::ZERO));
                self.paid.len() - 1
            }
        }
    }

    fn limit_slot(&self, plan: &ValidPlan, m: usize, name: &str) -> usize {
        let i = plan.limits.keys().position(|k| k == name).unwrap_or(self.width - 1);
        m * self.width + i
    }

    fn tally(&mut self, counter: Counter) -> &mut Tally {
        match counter {
            Counter::OutOfPocket => &mut self.out_of_pocket,
            Counter::PartD => &mut self.part_d,
        }
    }

    /// Moves the counters as `n` more claims of member `m` that each came to `o` after reading
    /// `reads` would (only valid within [`Reads::repeats`]).
    fn repeat(&mut self, m: usize, reads: &Reads, o: &Outcome, n: u32) -> Result<(), Error> {
        if let Some((slot, left, asked, _)) = reads.limit {
            if let Some(used) = self.limits_used.get_mut(slot) {
                *used = used.saturating_add(asked.min(left).saturating_mul(n));
            }
        }
        if let Some((_, _, counter)) = reads.cap {
            let counted = o.counted()?;
            if !counted.is_zero() {
                self.tally(counter).add(m, counted.checked_mul_int(n).ok_or_else(overflow)?)?;
            }
        }
        if !o.deductible.is_zero() {
            self.deductible.add(m, o.deductible.checked_mul_int(n).ok_or_else(overflow)?)?;
        }
        if let Some((slot, _, _, _)) = reads.paid {
            if let Some((_, _, paid)) = self.paid.get_mut(slot) {
                *paid = add(*paid, o.plan_pays.checked_mul_int(n).ok_or_else(overflow)?)?;
            }
        }
        Ok(())
    }
}

/// The out-of-pocket counters a claim may count toward.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Counter {
    OutOfPocket,
    PartD,
}

/// What one claim comes to: every amount a [`super::Line`] carries, without ids or words. The
/// estimate makes a line of it; the totals-only paths add it up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Outcome {
    pub allowed: Money,
    pub deductible: Money,
    pub copay: Money,
    pub coinsurance: Money,
    pub not_covered: Money,
    pub balance_billed: Money,
    pub member_pays: Money,
    pub plan_pays: Money,
    pub counts_toward_oop: bool,
    pub counts_toward_part_d: bool,
}

impl Outcome {
    /// The cost share that counted toward the claim's out-of-pocket counter.
    pub fn counted(&self) -> Result<Money, Error> {
        add(add(self.deductible, self.copay)?, self.coinsurance)
    }
}

/// The year's counters a claim read, what it found and what it asked of each: enough to tell
/// how many identical claims after it come to the same outcome.
#[derive(Clone, Copy, Default)]
struct Reads {
    /// The deductible still to meet (the member's or the family's, whichever is smaller) and
    /// what the deductible step asked of it.
    deductible: Option<(Money, Money)>,
    /// The room under the out-of-pocket (or Part D) maximum, the counted cost share before
    /// the cap, and which counter.
    cap: Option<(Money, Money, Counter)>,
    /// The yearly limit's slot, the units left under it, the units the claim asked for, and
    /// the limit's maximum.
    limit: Option<(usize, u32, u32, u32)>,
    /// The yearly payment limit's slot, what the plan may still pay under it, what the claim
    /// asked the plan to pay, and the limit's amount.
    paid: Option<(usize, Money, Money, Money)>,
}

impl Reads {
    /// How many more identical claims, right after this one, come to the same outcome `o`.
    /// A claim's outcome depends on the year so far only through the counters it read, and on
    /// each only through whether it found all it asked for: a counter the claim did not move
    /// reads the same next time; one it moved keeps giving the same answer while what is left
    /// still covers what the claim asks. So the run ends just before a counter would fall
    /// short (deductible met, out-of-pocket maximum reached, a visit limit reached).
    fn repeats(&self, o: &Outcome) -> Result<u32, Error> {
        let mut n = u32::MAX;
        if let Some((left, asked)) = self.deductible {
            n = n.min(steady(left, asked, o.deductible)?);
        }
        if let Some((left, asked, _)) = self.cap {
            n = n.min(steady(left, asked, o.counted()?)?);
        }
        if let Some((_, left, asked, _)) = self.paid {
            n = n.min(steady(left, asked, o.plan_pays)?);
        }
        if let Some((_, left, asked, _)) = self.limit {
            let used = asked.min(left);
            n = n.min(match used {
                0 => u32::MAX,
                _ if left < asked => 0,
                _ => (left - asked) / used,
            });
        }
        Ok(n)
    }

    /// Whether `n` identical claims of member `m`, made now, all come to the outcome `o` that
    /// a claim came to when it read `self` (earlier in the year, with other claims since).
    /// The outcome depends on the counters only through whether each read found all it asked
    /// for, found nothing (a limit met stays met: counters only grow), or found part: so the
    /// `n` claims come to `o` if each counter the claim found whole still holds `n` claims'
    /// worth, and each it found empty is still empty; a read that found part says no.
    fn still_hold(&self, plan: &ValidPlan, acc: &Accumulators, m: usize, o: &Outcome, n: u32) -> Result<bool, Error> {
        // Room for the last of the n claims: asked + (n − 1) × used, in whole cents where the
        // room (`room_cents`, read from the counters in cents) and the amounts are whole cents,
        // as every amount the engine forms is; else as decimals (`room`).
        let whole = |room_cents: Option<u64>, room: &dyn Fn() -> Money, asked: Money, used: Money| -> Result<bool, Error> {
            if let (Some(room), Some(asked), Some(used)) = (room_cents, cents(asked), cents(used)) {
                let need = u64::from(n.saturating_sub(1)).checked_mul(used).and_then(|u| u.checked_add(asked));
                return Ok(need.is_some_and(|need| room >= need));
            }
            let need = add(asked, used.checked_mul_int(n.saturating_sub(1)).ok_or_else(overflow)?)?;
            Ok(room() >= need)
        };
        if let Some((slot, left, asked, max)) = self.limit {
            let now = max.saturating_sub(acc.limits_used.get(slot).copied().unwrap_or(0));
            let holds = match left {
                0 => now == 0,
                _ if left < asked => false,
                _ => u64::from(now) >= u64::from(asked) * u64::from(n),
            };
            if !holds {
                return Ok(false);
            }
        }
        if let Some((left, asked)) = self.deductible {
            let holds = if left.is_zero() {
                match acc.deductible.room_cents(acc.limits_cents[0], m, acc.family) {
                    Some(room) => room == 0,
                    None => acc.deductible.room(plan.deductible_limit(), m, acc.family).0.is_zero(),
                }
            } else if left < asked {
                false
            } else {
                whole(acc.deductible.room_cents(acc.limits_cents[0], m, acc.family), &|| acc.deductible.room(plan.deductible_limit(), m, acc.family).0, asked, o.deductible)?
            };
            if !holds {
                return Ok(false);
            }
        }
        if let Some((left, total, counter)) = self.cap {
            let (limit, limit_cents, tally) = match counter {
                Counter::PartD => (plan.part_d_limit(), acc.limits_cents[2], &acc.part_d),
                Counter::OutOfPocket => (&plan.out_of_pocket_max, acc.limits_cents[1], &acc.out_of_pocket),
            };
            let room_cents = tally.room_cents(limit_cents, m, acc.family);
            let holds = if left.is_zero() {
                match room_cents {
                    Some(room) => room == 0,
                    None => tally.room(limit, m, acc.family).0.is_zero(),
                }
            } else if left < total {
                false
            } else {
                whole(room_cents, &|| tally.room(limit, m, acc.family).0, total, o.counted()?)?
            };
            if !holds {
                return Ok(false);
            }
        }
        // The yearly payment limit (rule 13), read after the cap: what the plan has paid the
        // member for the benefit since only grows, as the other counters do.
        if let Some((slot, left, asked, amount)) = self.paid {
            let paid = acc.paid.get(slot).map_or(Money::ZERO, |(_, _, paid)| *paid);
            let room = amount.saturating_sub(paid);
            let holds = if left.is_zero() {
                room.is_zero()
            } else if left < asked {
                false
            } else {
                whole(cents(room), &|| room, asked, o.plan_pays)?
            };
            if !holds {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

/// How many more times `used` can be taken from `left` with `asked` still there each time:
/// the largest k with asked + k × used ≤ left (unbounded when nothing is used). Worked in
/// whole cents; an amount finer than a cent (which the engine never forms) repeats nothing.
fn steady(left: Money, asked: Money, used: Money) -> Result<u32, Error> {
    if used.is_zero() {
        return Ok(u32::MAX);
    }
    if left < asked {
        return Ok(0);
    }
    let (Some(spare), Some(used)) = (cents(left.saturating_sub(asked)), cents(used)) else { return Ok(0) };
    Ok(u32::try_from(spare / used.max(1)).unwrap_or(u32::MAX))
}

/// An amount in whole cents, if it is one.
fn cents(m: Money) -> Option<u64> {
    let d = m.value();
    let scale = d.scale();
    let units = u64::try_from(d.mantissa()).ok()?;
    match scale {
        0..=2 => units.checked_mul(10u64.pow(2 - scale)),
        _ => None,
    }
}

/// Where a claim's events go: its line's list, or nowhere (the totals-only paths, which then
/// build no events at all).
struct Notes<'e>(Option<&'e mut Vec<Event>>);

impl Notes<'_> {
    fn push(&mut self, event: impl FnOnce() -> Event) {
        if let Some(list) = self.0.as_mut() {
            list.push(event());
        }
    }

    fn push_first(&mut self, event: Event) {
        if let Some(list) = self.0.as_mut() {
            list.insert(0, event);
        }
    }
}

/// The rule stage 1 settles on for a claim; the later stages apply it.
struct Rule<'p> {
    steps: &'p [Step],
    limit: Option<&'p str>,
    counts_toward_oop: bool,
    part_d: bool,
}

/// Every claim in time order (`segments`: month by month, within a month in the scenario's
/// order; `months.rs`), one at a time, each with its events: the estimate's way. `each` gets
/// the segment the claim is in.
pub(super) fn each_claim(
    plan: &ValidPlan,
    ages: &[u32],
    family: bool,
    uses: &[Use],
    segments: &[Segment],
    mut each: impl FnMut(&Segment, &Use, Outcome, Vec<Event>) -> Result<(), Error>,
) -> Result<Accumulators, Error> {
    let mut acc = Accumulators::new(plan, ages.len(), family, false);
    for seg in segments {
        let Some(u) = uses.get(seg.use_index) else { continue };
        let age = ages.get(u.claim.member).copied().unwrap_or(0);
        for _ in 0..seg.count {
            let mut events = Vec::new();
            let (outcome, _) = adjudicate_claim(plan, age, &mut acc, &u.claim, Notes(Some(&mut events)))?;
            each(seg, u, outcome, events)?;
        }
    }
    Ok(acc)
}

/// What `each_group` tells of each group: its segment, its use, the outcome of each claim, how
/// many claims, and whether the outcome is the one told last for the same use (carried from
/// an earlier month, so what was made of it then may be used again).
pub(super) type GroupFn<'a> = dyn FnMut(&Segment, &Use, &Outcome, u32, bool) -> Result<(), Error> + 'a;

/// Every claim in the same time order, a segment's identical claims a group at a time: the
/// first claim of a group goes through [`adjudicate_claim`] (the same function as one by one),
/// and [`Reads::repeats`] says how many after it, in the same segment, come to the same
/// outcome. `each` gets the segment, the outcome and how many claims it stands for. No events
/// are made.
///
/// A use spread over the year has a segment in many months, with other uses' claims between
/// them. Each use keeps the outcome and reads of its last group: where [`Reads::still_hold`]
/// says the counters still give that outcome to all the segment's claims, the segment is
/// counted without adjudicating again (the same outcome the claims would come to one by one);
/// otherwise (a deductible, maximum or limit met since, or about to be) it is adjudicated as
/// above. So a year costs about one adjudication per use and per change of state, not one per
/// use and month.
pub(super) fn each_group(
    plan: &ValidPlan,
    ages: &[u32],
    family: bool,
    uses: &[Use],
    segments: &[Segment],
    each: &mut GroupFn,
) -> Result<Accumulators, Error> {
    let mut acc = Accumulators::new(plan, ages.len(), family, true);
    let mut last: Vec<Option<(Outcome, Reads)>> = vec![None; uses.len()];
    for seg in segments {
        let Some(u) = uses.get(seg.use_index) else { continue };
        let m = u.claim.member;
        if let Some(Some((outcome, reads))) = last.get(seg.use_index) {
            if seg.count > 0 && reads.still_hold(plan, &acc, m, outcome, seg.count)? {
                acc.repeat(m, reads, outcome, seg.count)?;
                each(seg, u, outcome, seg.count, true)?;
                continue;
            }
        }
        let age = ages.get(m).copied().unwrap_or(0);
        let mut left = seg.count;
        while left > 0 {
            let (outcome, reads) = adjudicate_claim(plan, age, &mut acc, &u.claim, Notes(None))?;
            let more = reads.repeats(&outcome)?.min(left - 1);
            if more > 0 {
                acc.repeat(m, &reads, &outcome, more)?;
            }
            each(seg, u, &outcome, 1 + more, false)?;
            left -= 1 + more;
            if let Some(slot) = last.get_mut(seg.use_index) {
                *slot = Some((outcome, reads));
            }
        }
    }
    Ok(acc)
}

fn variant_for<'b>(benefit: &'b Benefit, age: u32, claim: &Claim) -> Option<&'b Variant> {
    benefit.variants.iter().find(|v| {
        let w = &v.when;
        w.max_age.map_or(true, |a| age <= a)
            && w.min_age.map_or(true, |a| age >= a)
            && w.channels.as_ref().map_or(true, |c| c.contains(&claim.channel))
    })
}

/// Adjudicates one claim of a member aged `age` and moves the year's counters: the one
/// function every claim goes through, whichever way the year is worked out. Returns what the
/// claim comes to and what it read of the counters; its events go to `notes`.
fn adjudicate_claim(plan: &ValidPlan, age: u32, acc: &mut Accumulators, claim: &Claim, mut notes: Notes) -> Result<(Outcome, Reads), Error> {
    let benefit = claim.benefit;
    let m = claim.member;
    let mut reads = Reads::default();
    let mut out = Outcome {
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
        notes.push(|| Event::RuleVariant { label: v.label.clone() });
    }
    let mut out_of_network_not_covered = false;
    if claim.network == Network::OutOfNetwork {
        // Above the allowed amount an out-of-network provider may bill the member, except for
        // emergencies, which are protected from balance billing.
        if benefit.out_of_network != OutOfNetwork::InNetworkCostShare {
            if let Some(billed) = claim.billed {
                out.balance_billed = billed.saturating_sub(claim.allowed);
                if !out.balance_billed.is_zero() {
                    notes.push(|| Event::BalanceBilled { amount: out.balance_billed });
                }
            }
        }
        if covered {
            match &benefit.out_of_network {
                OutOfNetwork::NotCovered => {
                    covered = false;
                    out_of_network_not_covered = true;
                    notes.push(|| Event::OutOfNetworkNotCovered);
                }
                OutOfNetwork::InNetworkCostShare => {}
                OutOfNetwork::Tier(t) => {
                    rule = Rule { steps: &t.cost_share, limit: Some(&t.limit), counts_toward_oop: t.counts_toward_oop, part_d: false };
                    notes.push(|| Event::OutOfNetworkTier { sample: t.sample });
                }
            }
        }
    }
    if !covered && !out_of_network_not_covered {
        notes.push(|| Event::NotCovered);
    }
    out.counts_toward_oop = covered && rule.counts_toward_oop;
    out.counts_toward_part_d = covered && rule.part_d;
    if !covered {
        out.not_covered = claim.allowed;
        return finish(out, reads);
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
        let slot = acc.limit_slot(plan, m, name);
        let used = acc.limits_used.get(slot).copied().unwrap_or(0);
        let left = limit.max.saturating_sub(used);
        reads.limit = Some((slot, left, units, limit.max));
        let covered_units = units.min(left);
        if let Some(u) = acc.limits_used.get_mut(slot) {
            *u = used.saturating_add(covered_units);
        }
        if covered_units < units {
            notes.push(|| Event::LimitReached { limit: limit.label.clone(), max: limit.max, unit: limit.unit, covered: covered_units, units });
            covered_allowed = claim.allowed.pro_rata(covered_units, units).ok_or_else(overflow)?;
            out.not_covered = claim.allowed.saturating_sub(covered_allowed);
            if limit.unit == LimitUnit::Days {
                copay_days = covered_units;
            }
            if covered_units == 0 {
                out.counts_toward_oop = false;
                out.counts_toward_part_d = false;
                notes.push(|| Event::NotCovered);
                return finish(out, reads);
            }
        }
    }

    // 3. Emergency copay waived when the visit led to an admission.
    if claim.admitted && benefit.if_admitted.as_ref().is_some_and(|w| w.waived) {
        notes.push(|| Event::CopayWaivedAdmitted);
        payment_limit(acc, claim, &mut out, &mut reads, &mut notes)?;
        return finish(out, reads);
    }

    // 4. The cost-share steps over what is left of the allowed amount.
    let mut left = covered_allowed;
    let (mut ded, mut copay, mut coins) = (Money::ZERO, Money::ZERO, Money::ZERO);
    let mut ded_scope = Scope::Individual;
    for step in rule.steps {
        match step {
            Step::Deductible {} => {
                let (r, scope) = acc.deductible.room(plan.deductible_limit(), m, acc.family);
                reads.deductible = Some((r, left));
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
                        notes.push(|| Event::AdmissionMaximum { max: *cap });
                    }
                }
                if due > left {
                    due = left;
                    notes.push(|| Event::CopayLimitedToAllowed);
                }
                copay = add(copay, due)?;
                left = left.saturating_sub(due);
            }
            Step::Coinsurance { percent, max } => {
                let mut due = left.percent(*percent).ok_or_else(overflow)?;
                if let Some(cap) = max {
                    if due > *cap {
                        due = *cap;
                        notes.push(|| Event::CoinsuranceCapped { max: *cap });
                    }
                }
                coins = add(coins, due)?;
                left = left.saturating_sub(due);
            }
            Step::Allowance { amount } => {
                let excess = left.saturating_sub(*amount);
                if !excess.is_zero() {
                    notes.push(|| Event::AllowanceExceeded { allowance: *amount, excess });
                    out.not_covered = add(out.not_covered, excess)?;
                    left = left.saturating_sub(excess);
                }
            }
        }
    }

    // 5. The out-of-pocket limit the claim counts toward (the plan's, or Part D's) caps the
    //    counted part (coinsurance first, then copay, then the deductible part); then the
    //    year's accumulators move.
    let counter = if rule.part_d {
        Some((plan.part_d_limit(), Counter::PartD))
    } else if rule.counts_toward_oop {
        Some((&plan.out_of_pocket_max, Counter::OutOfPocket))
    } else {
        None
    };
    match counter {
        Some((limit, which)) => {
            let family = acc.family;
            let tally = acc.tally(which);
            let (r, scope) = tally.room(limit, m, family);
            let total = add(add(ded, copay)?, coins)?;
            reads.cap = Some((r, total, which));
            if total > r {
                if r.is_zero() {
                    // Already met: nothing more is counted (the common case late in a year).
                    (coins, copay, ded) = (Money::ZERO, Money::ZERO, Money::ZERO);
                } else {
                    let mut excess = total.saturating_sub(r);
                    for part in [&mut coins, &mut copay, &mut ded] {
                        let cut = (*part).min(excess);
                        *part = part.saturating_sub(cut);
                        excess = excess.saturating_sub(cut);
                    }
                }
                notes.push(|| match (which, r.is_zero()) {
                    (Counter::PartD, true) => Event::PartDLimitAlreadyMet,
                    (Counter::PartD, false) => Event::PartDLimitReached,
                    (Counter::OutOfPocket, true) => Event::OutOfPocketMaximumAlreadyMet { scope },
                    (Counter::OutOfPocket, false) => Event::OutOfPocketMaximumReached { scope },
                });
            }
            tally.add(m, add(add(ded, copay)?, coins)?)?;
        }
        None => notes.push(|| Event::NotCountedTowardOutOfPocket),
    }
    if !ded.is_zero() {
        acc.deductible.add(m, ded)?;
        if notes.0.is_some() {
            let (r, _) = acc.deductible.room(plan.deductible_limit(), m, acc.family);
            if r.is_zero() {
                notes.push_first(Event::DeductibleMet { scope: ded_scope });
            }
        }
    }
    out.deductible = ded;
    out.copay = copay;
    out.coinsurance = coins;
    payment_limit(acc, claim, &mut out, &mut reads, &mut notes)?;
    finish(out, reads)
}

/// 6. The benefit's yearly payment limit, per member (docs/domain.md, rule 13): the plan pays
/// at most what is left under it; the rest of the claim is the member's, not covered, counting
/// toward nothing (the cost shares above already counted as they would have).
fn payment_limit(acc: &mut Accumulators, claim: &Claim, out: &mut Outcome, reads: &mut Reads, notes: &mut Notes) -> Result<(), Error> {
    let Some(limit) = &claim.benefit.yearly_payment_limit else { return Ok(()) };
    let member_part = add(add(add(out.deductible, out.copay)?, out.coinsurance)?, out.not_covered)?;
    let asked = out.allowed.saturating_sub(member_part);
    let slot = acc.paid_slot(claim.member, claim.service);
    let Some((_, _, paid)) = acc.paid.get_mut(slot) else { return Ok(()) };
    let left = limit.amount.saturating_sub(*paid);
    reads.paid = Some((slot, left, asked, limit.amount));
    let pays = asked.min(left);
    *paid = add(*paid, pays)?;
    if pays < asked {
        let past = asked.saturating_sub(pays);
        out.not_covered = add(out.not_covered, past)?;
        notes.push(|| Event::PaymentLimitReached { limit: limit.amount, amount: past });
    }
    Ok(())
}

/// The member's share and the plan's: every part of the allowed amount is paid by one of the
/// two (allowed = plan pays + member pays − balance billed).
fn finish(mut out: Outcome, reads: Reads) -> Result<(Outcome, Reads), Error> {
    // Components never exceed the allowed amount: each step takes from what is left.
    let within_allowed = add(add(add(out.deductible, out.copay)?, out.coinsurance)?, out.not_covered)?;
    out.member_pays = add(within_allowed, out.balance_billed)?;
    out.plan_pays = out.allowed.saturating_sub(within_allowed);
    Ok((out, reads))
}
