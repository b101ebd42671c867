//! The claims added up: by row of the service totals (member and service) and by month, in
//! whole cents.
//!
//! Every claim adds six or seven amounts here, each times the claims it stands for; as
//! `Decimal` sums that was about a fifth of an estimate's work, and most of a comparison's
//! once the year went month by month (docs/decisions.md 45). Money has at most two decimal
//! places (`src/money.rs`), so an amount is a whole number of cents, and a sum of them is
//! the same number whether added as decimals or as integers: each [`Sum`] adds the cents as
//! a `u64` and turns them back into money once, when the result is made. An amount finer
//! than a cent (which the engine never forms) is added as a decimal beside them, so the sum
//! stays exact whatever comes.

use super::claim::Outcome;
use super::months::Segment;
use super::{add, overflow, times, Use};
use crate::error::Error;
use crate::money::Money;
use crate::payment_plan;

/// An amount in whole cents, if it is one (money below 2^64 cents with at most two places).
#[inline]
pub(super) fn cents(m: Money) -> Option<u64> {
    const SCALE: [u64; 3] = [100, 10, 1];
    let d = m.value();
    // Most of a claim's parts are zero.
    if d.is_zero() {
        return Some(0);
    }
    let units = u64::try_from(d.mantissa()).ok()?;
    units.checked_mul(*SCALE.get(d.scale() as usize)?)
}

/// A sum of money kept in whole cents (and, for an amount finer than a cent, as a decimal).
#[derive(Clone, Copy, Default)]
pub(super) struct Sum {
    cents: u64,
    finer: Money,
}

impl Sum {
    /// Adds `n` times `amount`.
    #[inline]
    pub fn add(&mut self, amount: Money, n: u32) -> Result<(), Error> {
        if amount.is_zero() {
            return Ok(());
        }
        match cents(amount) {
            Some(c) => {
                let c = if n == 1 { Some(c) } else { c.checked_mul(u64::from(n)) };
                self.cents = c.and_then(|c| self.cents.checked_add(c)).ok_or_else(overflow)?;
            }
            None => self.finer = add(self.finer, times(amount, n)?)?,
        }
        Ok(())
    }

    /// Adds another sum.
    pub fn plus(&mut self, other: Sum) -> Result<(), Error> {
        self.cents = self.cents.checked_add(other.cents).ok_or_else(overflow)?;
        self.finer = add(self.finer, other.finer)?;
        Ok(())
    }

    /// The sum as money: the same amount the decimals added one by one come to.
    pub fn money(self) -> Result<Money, Error> {
        let whole = Money::from_cents(self.cents).ok_or_else(overflow)?;
        add(whole, self.finer)
    }
}

/// What one claim adds to the sums, in whole cents.
#[derive(Clone, Copy)]
struct OutcomeCents {
    allowed: u64,
    member_pays: u64,
    plan_pays: u64,
    /// What counts toward no limit (see `MemberResult::not_counted`): on a claim counted
    /// toward a limit (the out-of-pocket maximum or Part D's), what was not covered and what
    /// was balance billed; otherwise all the member paid.
    not_counted: u64,
    /// The Part D drugs' cost share: what counted toward the Part D limit.
    part_d: u64,
}

impl OutcomeCents {
    #[inline]
    fn of(o: &Outcome) -> Option<OutcomeCents> {
        let member_pays = cents(o.member_pays)?;
        let counted = o.counts_toward_oop || o.counts_toward_part_d;
        Some(OutcomeCents {
            allowed: cents(o.allowed)?,
            member_pays,
            plan_pays: cents(o.plan_pays)?,
            not_counted: if counted { cents(o.not_covered)?.checked_add(cents(o.balance_billed)?)? } else { member_pays },
            part_d: if o.counts_toward_part_d { cents(o.deductible)?.checked_add(cents(o.copay)?)?.checked_add(cents(o.coinsurance)?)? } else { 0 },
        })
    }
}

/// One row of the service totals as claims add to it.
#[derive(Clone, Copy, Default)]
pub(super) struct RowSums {
    pub claims: u32,
    pub allowed: Sum,
    pub member_pays: Sum,
    pub plan_pays: Sum,
    /// What counts toward no limit (see `MemberResult::not_counted`).
    pub not_counted: Sum,
}

/// The claims added up by row (member and service) and by month; the members' and the year's
/// totals are the rows' sums.
pub(super) struct Sums {
    pub rows: Vec<RowSums>,
    /// What all members paid in each month.
    pub member_pays: [Sum; 12],
    /// Each member's Part D costs in each month (kept only on a plan with Part D).
    pub part_d: Vec<[Sum; 12]>,
    /// Each use's last outcome in cents, for the grouped path's segments that carry it.
    carried: Vec<Option<OutcomeCents>>,
}

impl Sums {
    pub fn new(rows: usize, members: usize, part_d: bool, uses: usize) -> Sums {
        Sums {
            rows: vec![RowSums::default(); rows],
            member_pays: [Sum::default(); 12],
            part_d: if part_d { vec![[Sum::default(); 12]; members] } else { Vec::new() },
            carried: vec![None; uses],
        }
    }

    /// [`Sums::add`] for a group of the grouped path: where `same` (the outcome told last
    /// for the segment's use), its cents are those worked out then.
    #[inline]
    pub fn add_group(&mut self, seg: &Segment, u: &Use, o: &Outcome, n: u32, same: bool) -> Result<(), Error> {
        let Some(slot) = self.carried.get_mut(seg.use_index) else { return self.add(seg.month, u, o, n) };
        if !same {
            *slot = OutcomeCents::of(o);
        }
        match *slot {
            Some(c) => self.add_cents(seg.month, u, &c, n).ok_or_else(overflow),
            None => self.add_money(seg.month, u, o, n),
        }
    }

    /// Adds `n` claims of use `u` in `month` (0 = January) that each came to `o`.
    #[inline]
    pub fn add(&mut self, month: usize, u: &Use, o: &Outcome, n: u32) -> Result<(), Error> {
        match OutcomeCents::of(o) {
            Some(c) => self.add_cents(month, u, &c, n).ok_or_else(overflow),
            None => self.add_money(month, u, o, n),
        }
    }

    /// [`Sums::add`] for an outcome in whole cents (every outcome the engine forms): integer
    /// products and sums. `None` past `u64`'s range (no scenario comes near).
    fn add_cents(&mut self, month: usize, u: &Use, c: &OutcomeCents, n: u32) -> Option<()> {
        let n64 = u64::from(n);
        let times = |cents: u64| if n == 1 { Some(cents) } else { cents.checked_mul(n64) };
        let row = self.rows.get_mut(u.row)?;
        row.claims = row.claims.checked_add(n)?;
        let member_pays = times(c.member_pays)?;
        row.allowed.cents = row.allowed.cents.checked_add(times(c.allowed)?)?;
        row.member_pays.cents = row.member_pays.cents.checked_add(member_pays)?;
        row.plan_pays.cents = row.plan_pays.cents.checked_add(times(c.plan_pays)?)?;
        row.not_counted.cents = row.not_counted.cents.checked_add(times(c.not_counted)?)?;
        let slot = self.member_pays.get_mut(month)?;
        slot.cents = slot.cents.checked_add(member_pays)?;
        if c.part_d != 0 {
            if let Some(p) = self.part_d.get_mut(u.claim.member).and_then(|y| y.get_mut(month)) {
                p.cents = p.cents.checked_add(times(c.part_d)?)?;
            }
        }
        Some(())
    }

    /// [`Sums::add`] for an outcome with an amount finer than a cent (which the engine never
    /// forms): each amount on its own, the finer ones as decimals.
    fn add_money(&mut self, month: usize, u: &Use, o: &Outcome, n: u32) -> Result<(), Error> {
        let Some(row) = self.rows.get_mut(u.row) else { return Err(overflow()) };
        row.claims = row.claims.checked_add(n).ok_or_else(overflow)?;
        row.allowed.add(o.allowed, n)?;
        row.member_pays.add(o.member_pays, n)?;
        row.plan_pays.add(o.plan_pays, n)?;
        if o.counts_toward_oop || o.counts_toward_part_d {
            row.not_counted.add(o.not_covered, n)?;
            row.not_counted.add(o.balance_billed, n)?;
        } else {
            row.not_counted.add(o.member_pays, n)?;
        }
        let Some(slot) = self.member_pays.get_mut(month) else { return Err(overflow()) };
        slot.add(o.member_pays, n)?;
        if o.counts_toward_part_d {
            if let Some(p) = self.part_d.get_mut(u.claim.member).and_then(|y| y.get_mut(month)) {
                p.add(o.deductible, n)?;
                p.add(o.copay, n)?;
                p.add(o.coinsurance, n)?;
            }
        }
        Ok(())
    }

    /// Each member's Part D costs month by month, as money.
    pub fn part_d(&self) -> Result<Vec<payment_plan::Year>, Error> {
        self.part_d.iter().map(months).collect()
    }

    /// What all members paid month by month, as money.
    pub fn member_pays(&self) -> Result<payment_plan::Year, Error> {
        months(&self.member_pays)
    }
}

fn months(sums: &[Sum; 12]) -> Result<payment_plan::Year, Error> {
    let mut out = [Money::ZERO; 12];
    for (o, s) in out.iter_mut().zip(sums) {
        *o = s.money()?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(s: &str) -> Money {
        Money::parse(s).unwrap()
    }

    /// The cents add up to what the decimals do, whatever places each amount was written with.
    #[test]
    fn a_sum_in_cents_is_the_decimal_sum() {
        let amounts = ["20", "12.5", "0.01", "3.33", "0", "9999999.99", "100.10"];
        let mut sum = Sum::default();
        let mut decimal = Money::ZERO;
        for (i, a) in amounts.iter().enumerate() {
            let n = i as u32 + 1;
            sum.add(money(a), n).unwrap();
            decimal = decimal.checked_add(money(a).checked_mul_int(n).unwrap()).unwrap();
        }
        assert_eq!(sum.money().unwrap(), decimal);
        assert_eq!(sum.money().unwrap().to_cents_string(), decimal.to_cents_string());
        assert_eq!(cents(money("12.5")), Some(1250));
        assert_eq!(cents(money("7")), Some(700));
    }

    /// The integer path and the decimal one add up the same outcomes to the same figures, row
    /// by row and month by month (the decimal one is taken only for an amount finer than a
    /// cent, which the engine never forms, so it is checked here).
    #[test]
    fn cents_and_decimals_add_outcomes_alike() {
        let catalog = crate::catalog::Catalog::builtin().unwrap();
        let plan = catalog.plan("kp-ncal-fresno-2025-sa-low").unwrap();
        let (service, benefit) = plan.services.iter().next().unwrap();
        let claim = super::super::Claim {
            member: 1,
            service: service.as_str(),
            benefit,
            allowed: money("0"),
            days: 1,
            days_supply: 30,
            channel: crate::vocab::Channel::Retail,
            network: crate::vocab::Network::default(),
            billed: None,
            admitted: false,
        };
        let (mut fast, mut slow) = (Sums::new(3, 2, true, 0), Sums::new(3, 2, true, 0));
        for (k, [allowed, ded, copay, coins, not_covered, billed]) in [
            ["120", "50", "20", "10.5", "0", "0"],
            ["300.10", "0", "0", "0", "300.10", "40"],
            ["75.25", "0", "15", "0", "0", "0"],
            ["9999.99", "100", "0", "1999.99", "0", "0"],
        ]
        .into_iter()
        .enumerate()
        {
            let (allowed, ded, copay, coins, not_covered, billed) = (money(allowed), money(ded), money(copay), money(coins), money(not_covered), money(billed));
            let member_pays = ded.checked_add(copay).unwrap().checked_add(coins).unwrap().checked_add(not_covered).unwrap().checked_add(billed).unwrap();
            let plan_pays = allowed.saturating_sub(ded.checked_add(copay).unwrap().checked_add(coins).unwrap().checked_add(not_covered).unwrap());
            for (oop, part_d) in [(true, false), (false, true), (false, false)] {
                let o = Outcome { allowed, deductible: ded, copay, coinsurance: coins, not_covered, balance_billed: billed, member_pays, plan_pays, counts_toward_oop: oop, counts_toward_part_d: part_d };
                let u = Use { claim, count: 1, row: k % 3 };
                let n = k as u32 * 3 + 1;
                fast.add(k * 5 % 12, &u, &o, n).unwrap();
                slow.add_money(k * 5 % 12, &u, &o, n).unwrap();
            }
        }
        for (a, b) in fast.rows.iter().zip(&slow.rows) {
            assert_eq!(a.claims, b.claims);
            for (x, y) in [(a.allowed, b.allowed), (a.member_pays, b.member_pays), (a.plan_pays, b.plan_pays), (a.not_counted, b.not_counted)] {
                assert_eq!(x.money().unwrap(), y.money().unwrap());
            }
        }
        assert_eq!(fast.member_pays().unwrap(), slow.member_pays().unwrap());
        assert_eq!(fast.part_d().unwrap(), slow.part_d().unwrap());
        assert_ne!(fast.part_d().unwrap()[1], [Money::ZERO; 12]);
    }

    /// An amount finer than a cent is kept exactly beside the cents.
    #[test]
    fn an_amount_finer_than_a_cent_stays_exact() {
        let finer = Money::from_decimal(rust_decimal::Decimal::new(12345, 3));
        assert_eq!(cents(finer), None);
        let mut sum = Sum::default();
        sum.add(money("1.10"), 2).unwrap();
        sum.add(finer, 2).unwrap();
        assert_eq!(sum.money().unwrap().value(), rust_decimal::Decimal::new(2689, 2));
    }
}
