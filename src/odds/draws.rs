//! Which years are drawn, and what the draws' totals come to (docs/decisions.md 29).
//!
//! - Every combination of the members' deciles where there are at most [`MAX_EXACT`] (a
//!   household of up to four), in order (the first member's decile changing slowest); else
//!   [`SAMPLE`] draws, each member's decile drawn uniformly from the ten by SplitMix64 seeded
//!   with [`SEED`] (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
//!   2014; the version of `java.util.SplittableRandom`), a value of 2^64 − 6 or more drawn
//!   again so that each decile is exactly as likely: the same household gives the same draws.
//! - Totals are whole cents (`u64`); the arithmetic is on whole numbers (no `Decimal`
//!   division: its code costs the `.wasm` about 4 KB, docs/decisions.md 21).

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::money::Money;

/// The most combinations priced one by one (a household of four: 10^4).
pub const MAX_EXACT: u64 = 10_000;
/// How many draws are sampled where there are more combinations.
pub const SAMPLE: u32 = 4_000;
/// The generator's seed: the table's year.
pub const SEED: u64 = 2014;

/// The draws of a household of `members` people, one after another.
#[derive(Clone, Debug)]
pub struct Draws {
    members: usize,
    /// How many draws in all.
    pub total: u32,
    /// How many are made so far.
    pub made: u32,
    /// `Some(state)`: sampled with SplitMix64 from this state; `None`: every combination.
    state: Option<u64>,
}

impl Draws {
    pub fn new(members: usize) -> Draws {
        let combinations = u32::try_from(members).ok().and_then(|n| 10u64.checked_pow(n)).filter(|&c| c <= MAX_EXACT);
        match combinations {
            Some(c) => Draws { members, total: c as u32, made: 0, state: None },
            None => Draws { members, total: SAMPLE, made: 0, state: Some(SEED) },
        }
    }

    /// Whether the draws are a sample (else every combination).
    pub fn sampled(&self) -> bool {
        self.state.is_some()
    }

    /// The next draw's deciles into `out` (0 for decile 1, …, 9 for decile 10); `false` once
    /// every draw is made.
    pub fn next(&mut self, out: &mut [u8]) -> bool {
        if self.made >= self.total {
            return false;
        }
        match &mut self.state {
            None => {
                let mut i = self.made;
                for m in (0..self.members).rev() {
                    out[m] = (i % 10) as u8;
                    i /= 10;
                }
            }
            Some(state) => {
                for d in out.iter_mut().take(self.members) {
                    *d = decile(state);
                }
            }
        }
        self.made += 1;
        true
    }
}

/// SplitMix64's next value.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A decile from 0 to 9, each exactly as likely: 2^64 mod 10 = 6, so the six values from
/// 2^64 − 6 up are drawn again.
fn decile(state: &mut u64) -> u8 {
    loop {
        let x = splitmix64(state);
        if x < u64::MAX - 5 {
            return (x % 10) as u8;
        }
    }
}

/// An amount in whole cents (money has at most two places).
pub fn cents(m: Money) -> Option<u64> {
    let d = m.value();
    let scale = d.scale();
    if scale > 2 {
        return None;
    }
    u64::try_from(d.mantissa()).ok()?.checked_mul(10u64.pow(2 - scale))
}

fn money(cents: u64) -> Money {
    Money::from_decimal(Decimal::new(cents as i64, 2))
}

/// An option's yearly totals over the draws: the percentiles and the mean.
pub struct Spread {
    pub p10: Money,
    pub p50: Money,
    pub p90: Money,
    pub mean: Money,
}

/// `pNN` is the smallest total whose cumulative share of the draws reaches NN%: the
/// ⌈NN × n / 100⌉-th smallest of n. The mean is rounded to the cent, half up. `None`
/// without draws (or past any total a year reaches).
pub fn spread(totals: &[u64]) -> Option<Spread> {
    let n = totals.len() as u64;
    if n == 0 {
        return None;
    }
    let mut sorted = totals.to_vec();
    heapsort(&mut sorted);
    let nth = |pct: u64| sorted[((pct * n).div_ceil(100).max(1) - 1) as usize];
    let sum = totals.iter().try_fold(0u64, |a, &t| a.checked_add(t))?;
    let mean = sum.checked_mul(2)?.checked_add(n)? / (2 * n);
    Some(Spread { p10: money(nth(10)), p50: money(nth(50)), p90: money(nth(90)), mean: money(mean) })
}

/// A chance written with two decimals ("0.62": in 62 of 100 years).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chance(pub u32);

impl Serialize for Chance {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{}.{:02}", self.0 / 100, self.0 % 100))
    }
}

/// Each option's chance of being the cheapest, in hundredths that add up to exactly 100.
/// `totals[o][draw]`; `None` for an option not priced (never the cheapest). In each draw the
/// options at the lowest total share it equally; each option's exact share (a fraction with
/// denominator `L × draws`, L the least common multiple of 1 … the options priced) is rounded
/// by the largest remainder: each takes its whole hundredths, then the hundredths left go to
/// the largest remainders, the first option listed first where two are equal.
pub fn chances(totals: &[Option<&[u64]>]) -> Vec<Option<Chance>> {
    let priced = || totals.iter().flatten();
    let draws = priced().next().map_or(0, |t| t.len());
    if draws == 0 {
        return vec![None; totals.len()];
    }
    let l = (1..=priced().count() as u64).fold(1, |l, k| l / gcd(l, k) * k);
    let mut share = vec![0u64; totals.len()];
    for d in 0..draws {
        let low = priced().map(|t| t[d]).min().unwrap_or(0);
        let each = l / priced().filter(|t| t[d] == low).count() as u64;
        for (s, t) in share.iter_mut().zip(totals) {
            if t.is_some_and(|t| t[d] == low) {
                *s += each;
            }
        }
    }
    let whole = l * draws as u64;
    let mut hundredths: Vec<u64> = share.iter().map(|s| s * 100 / whole).collect();
    let mut remainder: Vec<Option<u64>> = share.iter().zip(totals).map(|(s, t)| t.map(|_| s * 100 % whole)).collect();
    // The hundredths left, one each to the largest remainders.
    for _ in hundredths.iter().sum::<u64>()..100 {
        let mut best: Option<usize> = None;
        for (o, r) in remainder.iter().enumerate() {
            if r.is_some() && best.map_or(true, |b| *r > remainder[b]) {
                best = Some(o);
            }
        }
        let Some(o) = best else { break };
        remainder[o] = None;
        hundredths[o] += 1;
    }
    hundredths.iter().zip(totals).map(|(h, t)| t.map(|_| Chance(*h as u32))).collect()
}

/// Sorts in place, smallest first (a heapsort: a few hundred bytes of `.wasm`, where the
/// library's sorts cost kilobytes; O(n log n) for the 10,000 totals of a household of four).
fn heapsort(v: &mut [u64]) {
    fn sift_down(v: &mut [u64], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && v[child + 1] > v[child] {
                child += 1;
            }
            if v[root] >= v[child] {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    let n = v.len();
    for start in (0..n / 2).rev() {
        sift_down(v, start, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_combination_in_order_then_none() {
        let mut d = Draws::new(2);
        assert_eq!((d.total, d.sampled()), (100, false));
        let mut out = [0u8; 2];
        let mut seen = Vec::new();
        while d.next(&mut out) {
            seen.push(out);
        }
        assert_eq!(seen.len(), 100);
        assert_eq!((seen[0], seen[1], seen[10], seen[99]), ([0, 0], [0, 1], [1, 0], [9, 9]));
        assert_eq!(Draws::new(4).total, 10_000);
    }

    #[test]
    fn a_sample_is_the_same_each_time_and_every_decile_comes_up() {
        let draw = || {
            let mut d = Draws::new(5);
            let mut out = [0u8; 5];
            let mut all = Vec::new();
            while d.next(&mut out) {
                all.push(out);
            }
            all
        };
        let (a, b) = (draw(), draw());
        assert_eq!(a.len(), SAMPLE as usize);
        assert_eq!(a, b);
        let mut seen = [0u32; 10];
        for draw in &a {
            for &x in draw {
                seen[usize::from(x)] += 1;
            }
        }
        // 20,000 deciles drawn: about 2,000 each.
        assert!(seen.iter().all(|&n| (1_800..2_200).contains(&n)), "{seen:?}");
        // SplitMix64's first output from state 0 (the reference implementation's).
        assert_eq!(splitmix64(&mut 0), 0xE220_A839_7B1D_CDAF);
    }

    #[test]
    fn the_heapsort_sorts() {
        let mut state = 7;
        for n in [0, 1, 2, 3, 10, 1000] {
            let mut v: Vec<u64> = (0..n).map(|_| splitmix64(&mut state) % 50).collect();
            let mut want = v.clone();
            want.sort();
            heapsort(&mut v);
            assert_eq!(v, want);
        }
    }

    #[test]
    fn percentiles_are_the_smallest_totals_reaching_their_share() {
        let totals: Vec<u64> = vec![900, 100, 500, 300, 1000, 200, 700, 400, 600, 800];
        let s = spread(&totals).unwrap();
        assert_eq!((s.p10.to_string(), s.p50.to_string(), s.p90.to_string(), s.mean.to_string()), ("1.00".into(), "5.00".into(), "9.00".into(), "5.50".into()));
        // Half a cent rounds up.
        assert_eq!(spread(&[1, 2]).unwrap().mean.to_string(), "0.02");
    }

    #[test]
    fn chances_add_up_to_one_with_ties_shared() {
        // Three options tied in every draw: 33⅓ each, the hundredth left to the first.
        let t = [Some(&[5, 5, 5][..]), Some(&[5, 5, 5]), None, Some(&[5, 5, 5])];
        assert_eq!(chances(&t), vec![Some(Chance(34)), Some(Chance(33)), None, Some(Chance(33))]);
        let t = [Some(&[1, 9, 9, 9][..]), Some(&[9, 1, 1, 9]), Some(&[9, 9, 9, 9])];
        // (1 + ⅓), (2 + ⅓) and ⅓ of 4 draws: 33⅓, 58⅓ and 8⅓ hundredths; the one left over
        // goes to the first of three equal remainders.
        assert_eq!(chances(&t), vec![Some(Chance(34)), Some(Chance(58)), Some(Chance(8))]);
        let t = [Some(&[1, 9, 9][..]), Some(&[9, 1, 1]), Some(&[9, 9, 9])];
        // 1 of 3 and 2 of 3: 33⅓ and 66⅔: the larger remainder takes the hundredth left.
        assert_eq!(chances(&t), vec![Some(Chance(33)), Some(Chance(67)), Some(Chance(0))]);
        assert_eq!(serde_json::to_string(&Chance(100)).unwrap(), "\"1.00\"");
        assert_eq!(serde_json::to_string(&Chance(5)).unwrap(), "\"0.05\"");
    }
}
