//! The household's possible years, resolved once (docs/domain.md, "Odds"; docs/decisions.md
//! 28): one scenario holding the care every draw shares (the care listed, and a member's
//! Maternity or Diabetes row) followed by each member's ten decile years in turn, so that a
//! draw is only a choice of counts: the chosen decile's uses keep theirs, the other nine's are 0.
//!
//! A draw priced this way is the estimate of the scenario in which each member gives `"usage":
//! {"cms_decile": d}` for the decile drawn: the same claims in the same order (the care listed,
//! then each member's row in member order, as `src/engine/usage.rs` adds them), the same
//! allowed amounts (the same rows, scaled by the same `price_factor`).

use crate::catalog::Catalog;
use crate::engine::{resolve_usage, Assumed};
use crate::error::{at, Error, ErrorKind, Many};
use crate::scenario::{Scenario, ServiceUse, MAX_CLAIMS, MAX_USES};
use crate::utilization::{Level, Usage};

/// The deciles a member's year is drawn from, equally likely (not 5.5: a point between two).
pub const DECILES: [&str; 10] = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];

/// The household's years as one scenario, and where each member's ten years sit in it.
pub struct Years {
    /// The care every draw shares, then member 0's ten years (decile 1 first), member 1's, …;
    /// no member has a `usage` left and no `price_factor` (applied already).
    pub scenario: Scenario,
    /// Each use's count in `scenario`, in order.
    pub counts: Vec<u32>,
    /// For each member, the ten ranges of `scenario.services` their deciles' years take.
    pub blocks: Vec<[(usize, usize); 10]>,
    /// What the figures assume: members 65 and over priced with the 55+ rows, a stated price
    /// factor, a condition's row kept for every draw.
    pub assumed: Vec<Assumed>,
}

impl Years {
    pub fn new(catalog: &Catalog, scenario: &Scenario) -> Result<Years, Error> {
        scenario.validate_shape()?;
        if catalog.cms_years().is_none() {
            return Err(Error::at("scenario", at!["members"], ErrorKind::no_cms_table()));
        }
        let mut assumed = Vec::new();
        // A member's Maternity or Diabetes row is care they expect, kept in every draw like the
        // care listed; a decile `usage` is what the draws vary, so it is replaced.
        let mut shared = scenario.clone();
        for m in &mut shared.members {
            if m.usage.is_some_and(|u| u.cms_decile.is_decile()) {
                m.usage = None;
            }
        }
        let conditions = shared.members.iter().any(|m| m.usage.is_some());
        if conditions {
            let (resolved, cms) = resolve_usage(catalog, &shared)?;
            assumed.extend(cms.into_iter().filter(|a| !matches!(a, Assumed::PriceFactor { .. })));
            shared = resolved.into_owned();
        }
        let mut services = shared.services.clone();
        // Each decile's years for every member at once (one resolution per decile).
        let mut per_decile: Vec<Vec<ServiceUse>> = Vec::with_capacity(DECILES.len());
        for (i, d) in DECILES.iter().enumerate() {
            let level = Level::parse(d).ok_or_else(overflow)?;
            let mut s = scenario.clone();
            s.services.clear();
            s.usage_resolved = false;
            for m in &mut s.members {
                m.usage = Some(Usage { cms_decile: level });
            }
            let (resolved, cms) = resolve_usage(catalog, &s)?;
            if i == 0 {
                for a in cms {
                    let keep = matches!(a, Assumed::CmsOldestGroup { .. } | Assumed::PriceFactor { .. });
                    if keep && !assumed.contains(&a) {
                        assumed.push(a);
                    }
                }
            }
            per_decile.push(resolved.into_owned().services);
        }
        let mut blocks = Vec::with_capacity(scenario.members.len());
        let mut claims: u64 = services.iter().map(|u| u64::from(u.count.unwrap_or(1))).sum();
        for (m, member) in scenario.members.iter().enumerate() {
            let mut ranges = [(0, 0); 10];
            for (d, years) in per_decile.iter().enumerate() {
                let start = services.len();
                for u in years.iter().filter(|u| u.member == member.id) {
                    claims += u64::from(u.count.unwrap_or(1));
                    services.push(u.clone());
                }
                ranges[d] = (start, services.len());
            }
            // The ten years side by side are engine-made, but still priced as one scenario:
            // a household too large for that is said so, by how many people fit.
            if services.len() > MAX_USES || claims > MAX_CLAIMS {
                return Err(Error::at("scenario", at!["members"], ErrorKind::too_many(m as u64, Many::People)));
            }
            blocks.push(ranges);
        }
        let counts = services.iter().map(|u| u.count.unwrap_or(1)).collect();
        let mut combined = shared;
        combined.services = services;
        combined.price_factor = None;
        combined.usage_resolved = false;
        for m in &mut combined.members {
            m.usage = None;
        }
        Ok(Years { scenario: combined, counts, blocks, assumed })
    }

    /// The counts of the draw in which member `m` has decile `deciles[m]` (0 for decile 1),
    /// written over `out` (which holds the previous draw's, `previous`, or is fresh).
    pub fn counts_for(&self, deciles: &[u8], previous: Option<&[u8]>, out: &mut [u32]) {
        for (m, ranges) in self.blocks.iter().enumerate() {
            let d = usize::from(deciles[m]);
            match previous {
                Some(p) if p[m] == deciles[m] => continue,
                Some(p) => {
                    let (a, b) = ranges[usize::from(p[m])];
                    out[a..b].fill(0);
                }
                None => {
                    for &(a, b) in ranges {
                        out[a..b].fill(0);
                    }
                }
            }
            let (a, b) = ranges[d];
            out[a..b].copy_from_slice(&self.counts[a..b]);
        }
    }
}

fn overflow() -> Error {
    Error::at("scenario", at!["members"], ErrorKind::overflow())
}
