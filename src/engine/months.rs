//! A year in time (docs/domain.md, rule 1 and "A year month by month"): the month each claim
//! falls in, the order the year is adjudicated in, and the year's figures month by month.
//!
//! - [`When`]: a use's months: its `month`, its `months`, or spread over the year (claim k of n
//!   in month floor(k × 12 / n) + 1).
//! - [`schedule`]: the year as [`Segment`]s, each a use's claims in one month, month by month
//!   and within a month in the scenario's order: the order both drivers of `claim.rs` follow.
//! - [`months`], the result's twelve [`Month`]s; [`premiums`], the premium paid in each month
//!   (the claims are added up by month in `sums.rs`).

use serde::Serialize;

use super::{add, overflow};
use crate::error::Error;
use crate::money::Money;
use crate::payment_plan;
use crate::scenario::{ServiceUse, MONTHS};
use crate::vocab::PaySchedule;

/// When a use's claims happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum When {
    /// Spread over the year: claim k of n in month floor(k × 12 / n) + 1.
    Spread,
    /// Every claim in this month (0 = January).
    Month(u8),
    /// Claim k of the use's own count in `months[k]` (0 = January). At another count n (a cost
    /// curve's scale), claim k falls in `months[floor(k × len / n)]`: the months given, spread
    /// over the new count.
    Months(Box<[u8]>),
}

impl When {
    pub fn of(u: &ServiceUse) -> When {
        // The scenario's months are checked (1 to 12) before a year is resolved.
        let index = |m: u32| m.clamp(1, MONTHS) as u8 - 1;
        match (&u.months, u.month) {
            (Some(list), _) => When::Months(list.iter().map(|&m| index(m)).collect()),
            (None, Some(m)) => When::Month(index(m)),
            (None, None) => When::Spread,
        }
    }

    /// The month (0 = January) of claim `k` of `n`.
    pub fn month_of(&self, k: u32, n: u32) -> usize {
        let (k, n) = (u64::from(k), u64::from(n).max(1));
        match self {
            When::Spread => (k * 12 / n) as usize,
            When::Month(m) => usize::from(*m),
            When::Months(list) => list.get((k * list.len() as u64 / n) as usize).map_or(0, |&m| usize::from(m)),
        }
    }

    /// How many of `n` claims fall in each month.
    pub fn per_month(&self, n: u32) -> [u32; 12] {
        let mut counts = [0u32; 12];
        match self {
            When::Spread => {
                // Claims k with floor(12k / n) = m: from ceil(m·n / 12) up to ceil((m + 1)·n / 12).
                let n = u64::from(n);
                let mut start = 0u64;
                let mut top = 0u64;
                for c in counts.iter_mut() {
                    top += n;
                    let end = top.div_ceil(12);
                    *c = (end - start) as u32;
                    start = end;
                }
            }
            When::Month(m) => counts[usize::from(*m)] = n,
            When::Months(list) if list.len() == n as usize => list.iter().for_each(|&m| counts[usize::from(m)] += 1),
            When::Months(_) => (0..n).for_each(|k| counts[self.month_of(k, n)] += 1),
        }
        counts
    }

    /// The use's claims in the order they are adjudicated (month by month), as claim numbers,
    /// where that is not simply 0, 1, 2, …: only `months` given out of order.
    pub fn order(&self, n: u32) -> Option<Vec<u32>> {
        let When::Months(list) = self else { return None };
        if list.windows(2).all(|w| w[0] <= w[1]) {
            return None;
        }
        let mut order: Vec<u32> = (0..n).collect();
        order.sort_by_key(|&k| self.month_of(k, n));
        Some(order)
    }
}

/// A use's claims in one month: the year is adjudicated a segment at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Segment {
    /// The use, by its index in the scenario.
    pub use_index: usize,
    /// 0 = January.
    pub month: usize,
    pub count: u32,
}

/// The year in time order: month by month and, within a month, the uses in the scenario's
/// order (rule 1), each use at its count in `counts` (a use counted 0 has no segment).
pub(super) fn schedule(whens: &[When], counts: impl Iterator<Item = u32>) -> Vec<Segment> {
    let per_use: Vec<[u32; 12]> = whens.iter().zip(counts).map(|(w, n)| if n == 0 { [0; 12] } else { w.per_month(n) }).collect();
    let mut segments = Vec::with_capacity(per_use.len());
    for month in 0..12 {
        for (use_index, counts) in per_use.iter().enumerate() {
            if counts[month] > 0 {
                segments.push(Segment { use_index, month, count: counts[month] });
            }
        }
    }
    segments
}

/// Where each line goes, the lines being made in time order and listed in the scenario's:
/// after the lines of the uses before its own, at its claim's number within its use.
pub(super) struct Places {
    first: Vec<u32>,
    orders: Vec<Option<Vec<u32>>>,
    done: Vec<u32>,
}

impl Places {
    pub fn new(whens: &[When], counts: impl Iterator<Item = u32>) -> Places {
        let mut first = Vec::with_capacity(whens.len());
        let mut orders = Vec::with_capacity(whens.len());
        let mut next = 0u32;
        for (w, n) in whens.iter().zip(counts) {
            first.push(next);
            orders.push(w.order(n));
            next = next.saturating_add(n);
        }
        Places { done: vec![0; first.len()], first, orders }
    }

    /// The place, in the scenario's order, of the next claim made, which is of use `i`.
    pub fn next(&mut self, i: usize) -> usize {
        let done = self.done.get(i).copied().unwrap_or(0);
        let k = match self.orders.get(i) {
            Some(Some(order)) => order.get(done as usize).copied().unwrap_or(0),
            _ => done,
        };
        if let Some(d) = self.done.get_mut(i) {
            *d += 1;
        }
        self.first.get(i).copied().unwrap_or(0).saturating_add(k) as usize
    }
}

/// Lines put in their places as they are made (each moved once), then listed.
pub(super) fn placed<T>(slots: Vec<Option<T>>) -> Result<Vec<T>, Error> {
    slots.into_iter().map(|l| l.ok_or_else(overflow)).collect()
}

/// One month of the year in a result (docs/domain.md, "A year month by month").
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Month {
    /// 1 (January) to 12.
    pub month: u32,
    /// The member's share of the premium paid in this month.
    pub premium: Money,
    /// All members' out-of-pocket for the month's claims.
    pub member_pays: Money,
    /// Of it, the Part D drugs' cost share (what counts toward the Part D limit).
    pub part_d_member_pays: Money,
}

/// The result's twelve months: the premium paid, what members paid and, of it, their Part D
/// costs (each member's, added up) in each.
pub(super) fn months(premiums: &payment_plan::Year, member_pays: &payment_plan::Year, part_d: &[payment_plan::Year]) -> Result<Vec<Month>, Error> {
    (0..12)
        .map(|i| {
            let part_d = part_d.iter().try_fold(Money::ZERO, |sum, y| add(sum, y[i]))?;
            Ok(Month { month: i as u32 + 1, premium: premiums[i], member_pays: member_pays[i], part_d_member_pays: part_d })
        })
        .collect()
}

/// The household's payment-plan bills: each member's by the rule on their own Part D costs
/// month by month (each has their own threshold: docs/domain.md, "The Medicare Prescription
/// Payment Plan"), added up month by month; before the opt-in month, the Part D costs are paid
/// at the pharmacy.
pub(super) fn payment_plan(opt_in_month: u32, threshold: Money, part_d: &[payment_plan::Year]) -> Result<payment_plan::PaymentPlan, Error> {
    let mut bills = [Money::ZERO; 12];
    let mut paid_at_pharmacy = [Money::ZERO; 12];
    let first = opt_in_month.saturating_sub(1) as usize;
    for costs in part_d {
        let own = payment_plan::bills(threshold, opt_in_month, costs)?;
        for j in 0..12 {
            bills[j] = add(bills[j], own[j])?;
            if j < first {
                paid_at_pharmacy[j] = add(paid_at_pharmacy[j], costs[j])?;
            }
        }
    }
    Ok(payment_plan::PaymentPlan { opt_in_month, total_billed: payment_plan::total(&bills)?, bills, paid_at_pharmacy })
}

/// How many of the year's pay periods fall in each month: one a month when monthly; when
/// biweekly, period k (0 … 25) in month floor(k × 12 / 26) + 1 (three in January and July).
pub fn periods_per_month(schedule: PaySchedule) -> [u32; 12] {
    let n = schedule.periods_per_year();
    let mut counts = [0u32; 12];
    for k in 0..n {
        counts[(k * 12 / n) as usize] += 1;
    }
    counts
}

/// The premium share paid in each month.
pub(super) fn premiums(schedule: PaySchedule, per_period: Money) -> Result<payment_plan::Year, Error> {
    let mut out = [Money::ZERO; 12];
    for (o, n) in out.iter_mut().zip(periods_per_month(schedule)) {
        *o = per_period.checked_mul_int(n).ok_or_else(overflow)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spread(n: u32) -> Vec<usize> {
        (0..n).map(|k| When::Spread.month_of(k, n) + 1).collect()
    }

    /// docs/domain.md, rule 1: one claim in January; two in January and July; three in
    /// January, May and September; four in January, April, July and October; twelve, one a month.
    #[test]
    fn claims_spread_over_the_year_as_rule_1_says() {
        assert_eq!(spread(1), [1]);
        assert_eq!(spread(2), [1, 7]);
        assert_eq!(spread(3), [1, 5, 9]);
        assert_eq!(spread(4), [1, 4, 7, 10]);
        assert_eq!(spread(12), (1..=12).collect::<Vec<_>>());
        for n in [1, 2, 3, 5, 7, 11, 12, 13, 25, 100, 999] {
            let mut counts = [0u32; 12];
            for m in spread(n) {
                counts[m - 1] += 1;
            }
            assert_eq!(When::Spread.per_month(n), counts, "{n} claims");
        }
    }

    #[test]
    fn given_months_and_their_order() {
        let w = When::Months(vec![4, 1, 1].into());
        assert_eq!(w.per_month(3), [0, 2, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(w.order(3), Some(vec![1, 2, 0]));
        assert_eq!(When::Months(vec![1, 1, 4].into()).order(3), None);
        // At six claims the three months given are spread over them: two each.
        assert_eq!(w.per_month(6), [0, 4, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0]);
    }

    #[test]
    fn the_year_goes_month_by_month_then_in_scenario_order() {
        let whens = [When::Spread, When::Month(0), When::Months(vec![6, 0].into())];
        let s = schedule(&whens, [2, 1, 2].into_iter());
        let got: Vec<(usize, usize, u32)> = s.iter().map(|s| (s.month, s.use_index, s.count)).collect();
        assert_eq!(got, [(0, 0, 1), (0, 1, 1), (0, 2, 1), (6, 0, 1), (6, 2, 1)]);
    }

    /// docs/domain.md, "A year month by month": biweekly, three periods in January and July and
    /// two in every other month.
    #[test]
    fn pay_periods_by_month() {
        assert_eq!(periods_per_month(PaySchedule::Biweekly), [3, 2, 2, 2, 2, 2, 3, 2, 2, 2, 2, 2]);
        assert_eq!(periods_per_month(PaySchedule::Monthly), [1; 12]);
    }
}
