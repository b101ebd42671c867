//! The Medicare Prescription Payment Plan (docs/domain.md, "The Medicare Prescription Payment
//! Plan"; 42 CFR 423.137): from the month a member opts in, the plan pays the pharmacy and
//! bills the member monthly instead, spreading the year's Part D out-of-pocket costs over the
//! months left. Seed 002: "Your monthly bill is based on what you owe for any prescriptions you
//! get, plus your previous month's balance, divided by the number of months left in the year"
//! (002 L9326–9329); it "doesn't save you money or lower your drug costs" (L9306–9307).
//!
//! The rule, for opt-in month m and the Part D out-of-pocket costs of each month:
//! - month m: min(the costs of month m, (the year's threshold − the costs of the months before
//!   m) ÷ (13 − m));
//! - each later month j: (what is not yet billed + the costs of month j) ÷ (13 − j);
//! - each bill rounded to the cent, half away from zero; December's bill is all that is not
//!   yet billed, so the bills add up to the costs from month m on, exactly.
//!
//! [`bills`] is the rule; an estimate applies it to each member's Part D costs month by month
//! (`src/engine/months.rs`), and `costshare payment-plan` and the `.wasm`'s `paymentPlan` to
//! amounts given directly ([`Input`]).

use serde::Serialize;

use crate::error::{at, Error, ErrorKind};
use crate::json::json_object;
use crate::medicare_year::MedicareYears;
use crate::money::Money;
use crate::scenario::MONTHS;

/// Twelve amounts, January to December.
pub type Year = [Money; 12];

/// The payment plan in a result: the month the member opted in, each month's bill ("0.00"
/// before it), what is still paid at the pharmacy each month (the Part D costs of the months
/// before it; nothing from it on), and the bills added up.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PaymentPlan {
    pub opt_in_month: u32,
    pub bills: Year,
    pub paid_at_pharmacy: Year,
    pub total_billed: Money,
}

/// What errors in a payment plan's input name as their origin.
pub const ORIGIN: &str = "payment_plan";

/// `costshare payment-plan`'s input: a year, the opt-in month and the Part D out-of-pocket
/// costs of each month.
#[derive(Clone, Debug, PartialEq)]
pub struct Input {
    pub year: u16,
    pub opt_in_month: u32,
    pub monthly_out_of_pocket: Vec<Money>,
}

json_object!(Input { year: req, opt_in_month: req, monthly_out_of_pocket: req });

/// `costshare payment-plan`'s output.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Bills {
    pub bills: Year,
    pub total_billed: Money,
}

fn overflow() -> Error {
    Error::at("payment_plan", at![], ErrorKind::overflow())
}

/// The bills of a member who opts in in `opt_in_month` (1 to 12), with Part D out-of-pocket
/// costs `costs` each month, under the year's out-of-pocket `threshold`.
pub fn bills(threshold: Money, opt_in_month: u32, costs: &Year) -> Result<Year, Error> {
    let mut bills = [Money::ZERO; 12];
    let first = (opt_in_month.clamp(1, MONTHS) - 1) as usize;
    let mut before = Money::ZERO;
    for c in &costs[..first] {
        before = before.checked_add(*c).ok_or_else(overflow)?;
    }
    // What the member owes from the opt-in month on, and what was billed of it so far.
    let (mut owed, mut billed) = (Money::ZERO, Money::ZERO);
    for j in first..12 {
        owed = owed.checked_add(costs[j]).ok_or_else(overflow)?;
        let left = (12 - j) as u32; // months left, this one included: 13 − month
        let bill = if j == 11 {
            owed.saturating_sub(billed)
        } else if j == first {
            let cap = threshold.saturating_sub(before).pro_rata(1, left).ok_or_else(overflow)?;
            costs[j].min(cap)
        } else {
            owed.saturating_sub(billed).pro_rata(1, left).ok_or_else(overflow)?
        };
        bills[j] = bill;
        billed = billed.checked_add(bill).ok_or_else(overflow)?;
    }
    Ok(bills)
}

/// The bills added up.
pub fn total(bills: &Year) -> Result<Money, Error> {
    bills.iter().try_fold(Money::ZERO, |sum, b| sum.checked_add(*b).ok_or_else(overflow))
}

impl Input {
    pub fn from_json(origin: &str, text: &str) -> Result<Input, Error> {
        crate::json::parse(origin, text)
    }

    /// The bills for amounts given directly, by the year's threshold from `years` (the
    /// catalog's Medicare figures). Refused, naming the field: a year without figures, a month
    /// outside 1 to 12, other than twelve amounts, or amounts adding up to more than the
    /// threshold (more than a year's Part D costs can be).
    pub fn bills(&self, years: &MedicareYears, origin: &str) -> Result<Bills, Error> {
        let threshold = years.part_d(self.year, origin, at!["year"])?.out_of_pocket_threshold.amount;
        if !(1..=MONTHS).contains(&self.opt_in_month) {
            return Err(Error::at(origin, at!["opt_in_month"], ErrorKind::out_of_range(1, MONTHS.into(), self.opt_in_month.into())));
        }
        let costs: Year = self.monthly_out_of_pocket.as_slice().try_into().map_err(|_| {
            let n = self.monthly_out_of_pocket.len();
            Error::at(origin, at!["monthly_out_of_pocket"], ErrorKind::twelve_amounts(n))
        })?;
        let sum = total(&costs)?;
        if sum > threshold {
            return Err(Error::at(origin, at!["monthly_out_of_pocket"], ErrorKind::above_part_d_threshold(sum.into(), threshold.into())));
        }
        let bills = bills(threshold, self.opt_in_month, &costs)?;
        Ok(Bills { total_billed: total(&bills)?, bills })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(t: &str) -> Money {
        Money::parse(t).unwrap()
    }

    fn year(amounts: &[&str]) -> Year {
        let mut y = [Money::ZERO; 12];
        for (i, a) in amounts.iter().enumerate() {
            y[i] = m(a);
        }
        y
    }

    fn strings(y: &Year) -> Vec<String> {
        y.iter().map(|b| b.to_cents_string()).collect()
    }

    /// Medicare's worked example (medicare.gov, "Examples of this payment option", example 1;
    /// docs/domain.md): $500 a month from January 2025 reaches the $2,000 threshold in April.
    #[test]
    fn medicares_worked_example() {
        let b = bills(m("2000.00"), 1, &year(&["500.00", "500.00", "500.00", "500.00"])).unwrap();
        assert_eq!(
            strings(&b),
            ["166.67", "75.76", "125.76", "181.31", "181.31", "181.31", "181.31", "181.31", "181.32", "181.31", "181.32", "181.31"]
        );
        assert_eq!(total(&b).unwrap(), m("2000.00"));
    }

    /// Opting in after the threshold is met: nothing is left to spread.
    #[test]
    fn nothing_to_bill_after_the_threshold() {
        let b = bills(m("2000.00"), 6, &year(&["2000.00"])).unwrap();
        assert!(b.iter().all(|x| x.is_zero()));
    }
}
