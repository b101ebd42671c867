//! A member's year of care from the CMS utilization table, added to the scenario before it is
//! priced (docs/domain.md, "Odds"; docs/decisions.md 16 and 17): the row's claims from
//! `data/cms-years.json` (in the catalog), scaled by a stated `price_factor`. The row's types
//! and keys are `src/utilization.rs`.

use std::borrow::Cow;

use rust_decimal::Decimal;

use super::Assumed;
use crate::catalog::Catalog;
use crate::error::{at, Error, ErrorKind};
use crate::money::Money;
use crate::presets::PresetUse;
use crate::scenario::Scenario;
use crate::utilization::{year_key, PriceFactor};

/// `amount` times a factor in millionths, rounded to the cent half up (whole cents: no decimal
/// arithmetic, docs/decisions.md 17).
fn times(amount: Money, millionths: u64) -> Option<Money> {
    let d = amount.value();
    let cents = u64::try_from(d.mantissa()).ok()?.checked_mul(10u64.checked_pow(2u32.checked_sub(d.scale())?)?)?;
    let scaled = cents.checked_mul(millionths)?.checked_add(500_000)? / 1_000_000;
    Some(Money::from_decimal(Decimal::new(i64::try_from(scaled).ok()?, 2)))
}

/// The row's claims with each allowed amount times the factor, rounded to the cent; one claim
/// of the largest takes what rounding left, so that they add up to `target`.
fn scaled(care: &[PresetUse], millionths: u64, target: Money) -> Option<Vec<PresetUse>> {
    let mut out: Vec<PresetUse> = Vec::with_capacity(care.len() + 1);
    let mut sum = Money::ZERO;
    for u in care {
        let each = times(u.allowed?, millionths)?;
        sum = sum.checked_add(each.checked_mul_int(u.count)?)?;
        out.push(PresetUse { allowed: Some(each), ..u.clone() });
    }
    let last = out.iter().enumerate().max_by_key(|(_, u)| u.allowed)?.0;
    let each = out[last].allowed?;
    let one = if target >= sum { each.checked_add(target.saturating_sub(sum))? } else { each.saturating_sub(sum.saturating_sub(target)) };
    out[last].count -= 1;
    out.push(PresetUse { allowed: Some(one), count: 1, ..out[last].clone() });
    out.retain(|u| u.count > 0 && u.allowed.is_some_and(|a| !a.is_zero()));
    Some(out)
}

/// The scenario with each `usage` member's year from the table added after the care it lists,
/// and what was assumed to do so (for the result's `assumptions`). A scenario without a
/// `usage` comes back as it is; one already resolved, with its assumptions only.
pub fn resolve<'s>(catalog: &Catalog, scenario: &'s Scenario) -> Result<(Cow<'s, Scenario>, Vec<Assumed>), Error> {
    if !scenario.members.iter().any(|m| m.usage.is_some()) {
        if scenario.price_factor.is_some() {
            return Err(Error::at("scenario", at!["price_factor"], ErrorKind::price_factor_without_usage()));
        }
        return Ok((Cow::Borrowed(scenario), Vec::new()));
    }
    let mut assumed = Vec::new();
    let mut added = Vec::new();
    for (i, m) in scenario.members.iter().enumerate() {
        let Some(usage) = m.usage else { continue };
        let level = usage.cms_decile;
        let row = year_key(level, m.age, m.sex);
        let Some(year) = catalog.cms_years().and_then(|y| y.presets.get(&row)) else {
            return Err(Error::at("scenario", at!["members", i, "usage"], ErrorKind::no_cms_table()));
        };
        let Some(total) = year.total_allowed else { continue };
        let (care, allowed) = match scenario.price_factor.as_ref().map(PriceFactor::millionths) {
            None => (Cow::Borrowed(&year.services), total),
            Some(factor) => {
                let scaled = factor.and_then(|f| {
                    let target = times(total, f)?;
                    Some((scaled(&year.services, f, target)?, target))
                });
                let Some((care, target)) = scaled else {
                    let factor = scenario.price_factor.as_ref().map_or("", |p| p.factor.as_str());
                    return Err(Error::at("scenario", at!["price_factor", "factor"], ErrorKind::price_factor(factor)));
                };
                (Cow::Owned(care), target)
            }
        };
        assumed.push(Assumed::CmsUsage { member: m.id.clone(), row, allowed });
        if level.is_decile() && m.age >= 65 {
            assumed.push(Assumed::CmsOldestGroup { member: m.id.clone() });
        }
        added.extend(care.iter().map(|u| u.service_use(m.id.clone())));
    }
    if let Some(p) = &scenario.price_factor {
        assumed.push(Assumed::PriceFactor { factor: p.factor.clone(), source: p.source.clone() });
    }
    if scenario.usage_resolved {
        return Ok((Cow::Borrowed(scenario), assumed));
    }
    let mut s = scenario.clone();
    s.services.extend(added);
    s.usage_resolved = true;
    Ok((Cow::Owned(s), assumed))
}
