//! The CMS utilization table's figures (`data/cms-utilization.json`, written from the CMS
//! workbook by `scripts/cms-utilization.mjs`) turned into years of care, claims of the service
//! vocabulary (`data/cms-years.json`, which the engine reads: `src/utilization.rs`). Native
//! only: `cargo run --release --example cms-years` writes the file, and `tests/utilization.rs`
//! checks it is what this module makes of the table now (docs/decisions.md 16 and 17).
//!
//! Each row's CMS services become claims as the table file's `services` say: a service's
//! utilization per year is its number of claims, its annual cost their allowed amounts;
//! a `joins` service adds its dollars to another's claims (and with `days`, its utilization is
//! their days: hospital days join professional admissions); `spread` ("other", no service of
//! its own) adds its dollars to every claim in proportion. How a fractional use per year
//! becomes claims is [`Claims`]. The allowed amounts add up, to the cent, to the row's annual
//! cost: the exact sum of its figures, rounded half away from zero.
//!
//! Arithmetic: the row's total exactly in decimals; the rest in whole numbers of `u64` (uses in
//! millionths, dollars in hundredths of a cent), the cents then made to add up to the total.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::error::{at, Error, ErrorKind, ErrorPath, Param};
use crate::json::json_object;
use crate::map::SortedMap;
use crate::money::Money;
use crate::presets::{Preset, PresetUse, Presets};
use crate::utilization::{year_key, Level, Sex, AGE_GROUPS};
use crate::vocab::{Unit, Vocabulary, Words};

/// How one CMS service becomes claims (the table file's `services`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CmsService {
    pub label: String,
    pub unit: String,
    /// The vocabulary id its claims take (absent only for `spread`).
    pub service: Option<String>,
    /// Its dollars join the claims of this CMS service instead of making claims of their own.
    pub joins: Option<String>,
    /// With `joins`: its utilization is the days of the joined stays.
    pub days: bool,
    /// No service of its own: its dollars are spread over the row's claims.
    pub spread: bool,
    /// The id its claims take in the Maternity and in the Diabetes row, where not `service`.
    pub maternity: Option<String>,
    pub diabetes: Option<String>,
}

json_object!(CmsService { label: req, unit: req, service: opt, joins: opt, days: or_default, spread: or_default, maternity: opt, diabetes: opt });

/// One row: each CMS service it uses as [unit cost, utilization per year, annual cost].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Absent for the Maternity and Diabetes rows.
    pub sex: Option<Sex>,
    pub age_group: Option<String>,
    pub level: Level,
    /// The deciles a combined row stands for.
    pub covers: Option<Vec<Level>>,
    pub observations: Option<u32>,
    pub annual_cost: String,
    pub services: SortedMap<String, Vec<String>>,
}

json_object!(Row { sex: opt, age_group: opt, level: req, covers: opt, observations: opt, annual_cost: req, services: req });

/// `data/cms-utilization.json`.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub description: String,
    pub source: SortedMap<String, String>,
    pub price_year: u32,
    pub services: SortedMap<String, CmsService>,
    pub rows: Vec<Row>,
}

json_object!(Table { description: req, source: req, price_year: req, services: req, rows: req });

/// How a fractional use per year becomes claims (docs/decisions.md 17 measures each).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Claims {
    /// The whole uses at the unit price and one claim for the fraction (0.02 emergency visits:
    /// one visit of 2% of the price). Every service the row uses is a claim.
    Fractional,
    /// Uses rounded to whole claims (half up); a service rounded to none has its dollars
    /// spread over the claims that remain, except the row's largest in dollars, which stays
    /// one claim (a decile 10 row's 0.47 hospital stays: one stay, not $12,000 spread over
    /// office visits). The choice.
    Rounded,
    /// Uses rounded up, the dollars split evenly.
    Ceiling,
}

impl Claims {
    pub const ALL: [Claims; 3] = [Claims::Fractional, Claims::Rounded, Claims::Ceiling];

    pub fn as_str(self) -> &'static str {
        match self {
            Claims::Fractional => "fractional",
            Claims::Rounded => "rounded",
            Claims::Ceiling => "ceiling",
        }
    }
}

/// The way `data/cms-years.json` is made (docs/decisions.md 17: the member's yearly cost share
/// nearest the CMS calculator's expectation on eight of the nine plans, in whole claims).
pub const CLAIMS: Claims = Claims::Rounded;

impl Table {
    /// Reads the table and checks it against the vocabulary: every service it maps to is one
    /// every plan prices, every figure a decimal, and every age group has every decile.
    pub fn from_json(origin: &str, text: &str, vocab: &Vocabulary) -> Result<Table, Error> {
        let t: Table = crate::json::parse(origin, text)?;
        let bad = |path: ErrorPath, rule: &'static str| Err(Error::at(origin, path, ErrorKind::data(rule, vec![])));
        let priced = |id: &Option<String>| id.as_ref().map_or(true, |id| vocab.service(id).is_some_and(|s| s.in_every_plan));
        for (id, s) in &t.services {
            let at = |more: &[&str]| more.iter().fold(at!["services", id], |p, k| p.and(*k));
            if !(priced(&s.service) && priced(&s.maternity) && priced(&s.diabetes)) || s.spread == s.service.is_some() {
                return bad(at(&[]), "a `service` every plan prices, or `spread`");
            }
            if let Some(target) = &s.joins {
                if !t.services.get(target).is_some_and(|j| j.joins.is_none() && j.service == s.service && j.maternity == s.maternity && j.diabetes == s.diabetes) {
                    return bad(at(&["joins"]), "a CMS service of the same ids that makes claims");
                }
            }
            let stay = s.service.as_ref().and_then(|id| vocab.service(id)).is_some_and(|v| v.unit == Unit::Admission);
            if s.days && (s.joins.is_none() || !stay) {
                return bad(at(&["days"]), "days join the claims of a stay");
            }
        }
        for (i, row) in t.rows.iter().enumerate() {
            if decimal(&row.annual_cost).is_none() {
                return bad(at!["rows", i, "annual_cost"], "a decimal string");
            }
            for (cms, figures) in &row.services {
                if !t.services.contains_key(cms) || figures.len() != 3 || figures.iter().any(|f| decimal(f).is_none() || dollars(f).is_none()) {
                    return bad(at!["rows", i, "services", cms], "a CMS service of `services`, with [unit cost, utilization, annual cost] as decimal strings");
                }
            }
        }
        for level in Level::all() {
            for sex in Sex::ALL {
                for (group, _) in AGE_GROUPS {
                    if t.row(level, group, *sex).is_none() {
                        let row = Param::Text(format!("{} {group} {}", sex.as_str(), level.as_str()));
                        return Err(Error::at(origin, at!["rows"], ErrorKind::data("no row for {value}", vec![("value", row)])));
                    }
                }
            }
        }
        Ok(t)
    }

    /// The row for a level, age group and sex: its own, or the combined row that `covers` it.
    pub fn row(&self, level: Level, group: &str, sex: Sex) -> Option<&Row> {
        let fits = |r: &&Row| !level.is_decile() || (r.sex == Some(sex) && r.age_group.as_deref() == Some(group));
        let mut rows = self.rows.iter().filter(fits);
        rows.clone().find(|r| r.level == level).or_else(|| rows.find(|r| r.covers.as_ref().is_some_and(|c| c.contains(&level))))
    }

    /// Every row as a year of care, `how` fractional uses become claims, as usage presets keyed
    /// by [`year_key`]: each sex's deciles (a combined row of the table under each decile it
    /// stands for), each age group's deciles for both sexes (the mean of the female and male
    /// rows), and Maternity and Diabetes.
    pub fn years(&self, vocab: &Vocabulary, how: Claims) -> Result<Presets, Error> {
        let fault = |key: &str| Error::at("cms-utilization.json", at!["rows"], ErrorKind::data("{value}: its amounts could not be made claims", vec![("value", key.into())]));
        let mut presets = SortedMap::new();
        for level in Level::all() {
            for sex in [Some(Sex::Female), Some(Sex::Male), None] {
                for (group, age) in AGE_GROUPS {
                    let key = year_key(level, age, sex);
                    if presets.contains_key(&key) {
                        continue; // Maternity and Diabetes: one row whatever the age and sex
                    }
                    let rows: Vec<&Row> = match sex {
                        Some(s) => self.row(level, group, s).into_iter().collect(),
                        None => [Sex::Female, Sex::Male].iter().filter_map(|s| self.row(level, group, *s)).collect(),
                    };
                    if rows.is_empty() || (sex.is_none() && level.is_decile() && rows.len() != 2) {
                        return Err(fault(&key));
                    }
                    let (services, total) = year_of(self, vocab, &rows, level, how).ok_or_else(|| fault(&key))?;
                    presets.insert(key.clone(), Preset {
                        label: label(level, group, sex),
                        description: Words {
                            en: format!("A year of care of the CMS 2014 utilization table: ${} allowed, in 2014 prices.", total.to_cents_string()),
                            es: format!("Un año de atención de la tabla de utilización de CMS de 2014: ${} permitidos, a precios de 2014.", total.to_cents_string()),
                        },
                        source: source(&rows),
                        illustrative: false,
                        total_allowed: Some(total),
                        cms_decile: None,
                        services,
                    });
                }
            }
        }
        Ok(Presets {
            description: format!("The CMS out-of-pocket cost calculator's 2014 utilization table (data/cms-utilization.json) as years of care, one usage preset per row: `female 35-44 3` is women aged 35 to 44 at utilization decile 3 of 10 (5.5: midway between 5 and 6), `both …` the mean of the female and male rows, `maternity` and `diabetes` the table's two condition rows. Each row's services are claims of data/services.json whose allowed amounts (2014 dollars) add up to its `total_allowed`, the row's annual cost to the cent; a fractional use per year became claims the `{}` way (docs/decisions.md 17). Written by `cargo run --release --example cms-years` (src/cms_table.rs); do not edit by hand.", how.as_str()),
            presets,
            cms_rows: SortedMap::new(),
        })
    }
}

/// A row's name in English and Spanish.
fn label(level: Level, group: &str, sex: Option<Sex>) -> Words {
    let (who_en, who_es) = match sex {
        Some(Sex::Female) => ("Female", "Mujer"),
        Some(Sex::Male) => ("Male", "Hombre"),
        None => ("Female and male (mean)", "Mujer y hombre (media)"),
    };
    match level.as_str() {
        "maternity" => Words { en: "Having a baby (the CMS table's Maternity row)".into(), es: "Tener un bebé (la fila de maternidad de la tabla de CMS)".into() },
        "diabetes" => Words { en: "Managing diabetes (the CMS table's Diabetes row)".into(), es: "Control de la diabetes (la fila de diabetes de la tabla de CMS)".into() },
        l => Words { en: format!("{who_en}, age {group}, utilization decile {l} of 10"), es: format!("{who_es}, edad {group}, decil de utilización {l} de 10") },
    }
}

/// Where a row's year comes from: the table's rows behind it.
fn source(rows: &[&Row]) -> String {
    let names: Vec<String> = rows
        .iter()
        .map(|r| match (&r.sex, &r.age_group, &r.covers) {
            (Some(s), Some(g), Some(c)) => format!("{} {g} decile {} (deciles {} combined)", s.as_str(), r.level.as_str(), c.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(", ")),
            (Some(s), Some(g), None) => format!("{} {g} decile {}", s.as_str(), r.level.as_str()),
            _ => r.level.as_str().to_string(),
        })
        .collect();
    let mean = if rows.len() > 1 { ", their mean" } else { "" };
    format!("CMS out-of-pocket cost calculator, 2014 utilization table (data/cms-utilization.json): {}{mean}", names.join(" and "))
}

// ---- numbers --------------------------------------------------------------------------------

/// Uses per year in millionths, dollars in ten-thousandths (hundredths of a cent): whole
/// numbers whose products stay within `u64` for any row (at most about $200,000 a year).
const USE: u64 = 1_000_000;
const DOLLAR: u64 = 10_000;
const CENT: u64 = DOLLAR / 100;

/// A plain decimal string ("0.00126210551"), exactly.
fn decimal(text: &str) -> Option<Decimal> {
    let plain = text.bytes().all(|c| c.is_ascii_digit() || c == b'.') && text.split('.').count() <= 2 && text.split('.').all(|p| !p.is_empty());
    if plain {
        Decimal::from_str_exact(text).ok()
    } else {
        None
    }
}

/// A plain decimal string as a whole number of `1 / 10^places`, rounded half up; `None` past
/// ten million.
fn scaled(text: &str, places: usize) -> Option<u64> {
    decimal(text)?;
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    if whole.len() > 7 {
        return None;
    }
    let digits = frac.as_bytes();
    let mut v: u64 = whole.parse().ok()?;
    for i in 0..places {
        v = v * 10 + u64::from(digits.get(i).map_or(0, |d| d - b'0'));
    }
    Some(v + u64::from(digits.get(places).is_some_and(|d| *d >= b'5')))
}

fn dollars(text: &str) -> Option<u64> {
    scaled(text, 4)
}

fn uses(text: &str) -> Option<u64> {
    scaled(text, 6)
}

/// An amount in whole cents as money.
fn cents(c: u64) -> Money {
    Money::from_decimal(Decimal::new(c as i64, 2))
}

// ---- a row as claims --------------------------------------------------------------------------

/// A group of claims of one service: the CMS service that counts them and those joined to it.
struct Group<'t> {
    key: &'t str,
    service: &'t str,
    uses: u64,
    dollars: u64,
    days: u64,
}

/// The rows (one, or the female and male rows for their mean) as groups of claims, the
/// dollars to spread over them, and the rows' exact annual cost (their mean).
fn groups<'t>(table: &'t Table, rows: &[&'t Row], level: Level) -> Option<(Vec<Group<'t>>, u64, Decimal)> {
    let n = rows.len() as u64;
    let mut total = Decimal::ZERO;
    // Each CMS service's uses and dollars, added up over the rows.
    let mut figures: Vec<(&'t str, &'t CmsService, u64, u64)> = Vec::new();
    for row in rows {
        total = total.checked_add(decimal(&row.annual_cost)?)?;
        for (cms, f) in &row.services {
            let (u, d) = (uses(f.get(1)?)?, dollars(f.get(2)?)?);
            match figures.iter_mut().find(|x| x.0 == cms) {
                Some(x) => (x.2, x.3) = (x.2 + u, x.3 + d),
                None => figures.push((cms, table.services.get(cms)?, u, d)),
            }
        }
    }
    if n == 2 {
        total = total.checked_mul(Decimal::new(5, 1))?;
    }
    let mut out: Vec<Group> = Vec::new();
    let mut spread = 0;
    for &(cms, s, u, d) in &figures {
        let (u, d) = (u / n, d / n);
        if s.spread {
            spread += d;
            continue;
        }
        let key = s.joins.as_deref().unwrap_or(cms);
        let service = match level.as_str() {
            "maternity" => s.maternity.as_ref().or(s.service.as_ref()),
            "diabetes" => s.diabetes.as_ref().or(s.service.as_ref()),
            _ => s.service.as_ref(),
        }?;
        let i = match out.iter().position(|g| g.key == key) {
            Some(i) => i,
            None => {
                out.push(Group { key, service, uses: 0, dollars: 0, days: 0 });
                out.len() - 1
            }
        };
        let g = &mut out[i];
        g.dollars += d;
        match (&s.joins, s.days) {
            (None, _) => g.uses += u,
            (Some(_), true) => g.days += u,
            (Some(_), false) => {}
        }
    }
    // A joined service used where the one it joins is not (hospital days without a
    // professional admission: ten rows, the Maternity row among them) counts its own claims:
    // a day is then a one-day stay.
    for g in &mut out {
        if g.uses == 0 {
            g.uses = figures.iter().filter(|x| x.1.joins.as_deref() == Some(g.key)).map(|x| x.2 / n).sum();
        }
    }
    out.retain(|g| g.uses > 0 && g.dollars > 0);
    Some((out, spread, total))
}

/// Adds `pool` to the groups in proportion to their dollars (what the division leaves, to the
/// largest).
fn spread_over(groups: &mut [Group], pool: u64) {
    let sum: u64 = groups.iter().map(|g| g.dollars).sum();
    if pool == 0 || sum == 0 {
        return;
    }
    let mut given = 0;
    for g in groups.iter_mut() {
        let share = pool * g.dollars / sum;
        g.dollars += share;
        given += share;
    }
    if let Some(g) = groups.iter_mut().max_by_key(|g| g.dollars) {
        g.dollars += pool - given;
    }
}

/// One kind of claim of a row before its uses are counted: the service, uses per year
/// (millionths), dollars a use (to the cent, "other" spread in) and days a stay.
pub type Uses = (String, u64, Money, Option<u32>);

/// The rows' care before it becomes claims, for measuring the ways it may (docs/decisions.md 17).
pub fn expected_uses(table: &Table, vocab: &Vocabulary, rows: &[&Row], level: Level) -> Option<Vec<Uses>> {
    let (mut groups, pool, _) = groups(table, rows, level)?;
    spread_over(&mut groups, pool);
    groups
        .iter()
        .map(|g| {
            let each = (g.dollars * USE / g.uses + CENT / 2) / CENT;
            let days = (vocab.service(g.service)?.unit == Unit::Admission).then(|| ((g.days * 2 + g.uses) / (2 * g.uses)).clamp(1, 366) as u32);
            Some((g.service.to_string(), g.uses, cents(each), days))
        })
        .collect()
}

/// The rows' care as claims (`how` fractional uses become claims), and the annual cost in cents
/// their allowed amounts add up to exactly.
pub fn year_of(table: &Table, vocab: &Vocabulary, rows: &[&Row], level: Level, how: Claims) -> Option<(Vec<PresetUse>, Money)> {
    let (mut groups, mut pool, total) = groups(table, rows, level)?;
    let total = total.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let target = u64::try_from(total.mantissa()).ok()? * 10u64.pow(2 - total.scale().min(2));
    if how == Claims::Rounded {
        let largest = groups.iter().map(|g| g.dollars).max().unwrap_or(0);
        let mut kept_largest = false;
        for g in &mut groups {
            if (g.uses + USE / 2) / USE == 0 && (g.dollars < largest || kept_largest) {
                pool += g.dollars;
                g.dollars = 0;
            }
            kept_largest |= g.dollars == largest;
        }
        groups.retain(|g| g.dollars > 0);
    }
    spread_over(&mut groups, pool);
    // Lots: (group, claims, their dollars in all).
    let mut lots: Vec<(usize, u64, u64)> = Vec::new();
    for (i, g) in groups.iter().enumerate() {
        match how {
            Claims::Fractional => {
                let whole = g.uses / USE;
                let each = g.dollars * USE / g.uses;
                if whole > 0 {
                    lots.push((i, whole, each * whole));
                }
                if g.uses % USE > 0 {
                    lots.push((i, 1, g.dollars - each * whole));
                }
            }
            Claims::Rounded => lots.push((i, ((g.uses + USE / 2) / USE).max(1), g.dollars)),
            Claims::Ceiling => lots.push((i, g.uses.div_ceil(USE), g.dollars)),
        }
    }
    // Whole cents that add up to the row's total exactly: each lot's cents rounded down, the
    // cents left over one each to the lots with the largest remainders.
    let mut amounts: Vec<(u64, u64)> = lots.iter().map(|l| (l.2 / CENT, l.2 % CENT)).collect();
    let mut short = target as i64 - amounts.iter().map(|a| a.0 as i64).sum::<i64>();
    while short != 0 && !amounts.is_empty() {
        let i = if short > 0 {
            (0..amounts.len()).rev().max_by_key(|&i| amounts[i].1)?
        } else {
            (0..amounts.len()).rev().max_by_key(|&i| amounts[i].0)?
        };
        let a = &mut amounts[i];
        if short > 0 {
            (a.0, a.1, short) = (a.0 + 1, 0, short - 1);
        } else {
            (a.0, short) = (a.0.checked_sub(1)?, short + 1);
        }
    }
    let mut care = Vec::new();
    for (&(group, count, _), (c, _)) in lots.iter().zip(amounts) {
        let g = &groups[group];
        let days = (vocab.service(g.service)?.unit == Unit::Admission).then(|| ((g.days * 2 + g.uses) / (2 * g.uses)).clamp(1, 366) as u32);
        // `count` claims of `c` cents in all, as even as cents allow (the first few a cent more).
        for (n, amount) in [(c % count, c / count + 1), (count - c % count, c / count)] {
            if n > 0 && amount > 0 {
                care.push(PresetUse { service: g.service.to_string(), count: u32::try_from(n).ok()?, allowed: Some(cents(amount)), days, days_supply: None, admitted: None });
            }
        }
    }
    Some((care, cents(target)))
}

/// `data/cms-years.json`'s text: each preset's heading on one line, then one line per claim.
pub fn years_json(years: &Presets) -> String {
    fn j<T: serde::Serialize + ?Sized>(v: &T) -> String {
        serde_json::to_string(v).unwrap_or_default()
    }
    let mut out = format!("{{\n \"description\": {},\n \"presets\": {{\n", j(&years.description));
    let n = years.presets.len();
    for (i, (key, p)) in years.presets.iter().enumerate() {
        let head = j(&Preset { services: Vec::new(), ..p.clone() });
        out += &format!("  {}: {}[\n", j(key), &head[..head.len() - "[]}".len()]);
        for (k, u) in p.services.iter().enumerate() {
            out += &format!("   {}{}\n", j(u), if k + 1 < p.services.len() { "," } else { "" });
        }
        out += &format!("  ]}}{}\n", if i + 1 < n { "," } else { "" });
    }
    out + " }\n}\n"
}

// ---- the condition rows as the page's presets --------------------------------------------------

/// The presets of `data/usage-presets.json` that are the table's condition rows: the id the page
/// and the census use, and the row of `data/cms-years.json` it is (docs/decisions.md 43).
pub const CONDITION_PRESETS: [(&str, &str); 2] = [("having_a_baby", "maternity"), ("managing_diabetes", "diabetes")];

/// The preset `id` of `data/usage-presets.json` made from the table's years: the same claims as
/// the row's in `data/cms-years.json`, labelled as CMS's 2014 table at 2014 prices.
pub fn condition_preset(years: &Presets, id: &str) -> Option<Preset> {
    let (_, level) = CONDITION_PRESETS.iter().find(|(p, _)| *p == id)?;
    let row = years.presets.get(*level)?;
    let total = row.total_allowed?.dollars();
    let (label, what_en, what_es) = match *level {
        "maternity" => (
            Words { en: "Having a baby (CMS’s 2014 table, at 2014 prices)".into(), es: "Tener un bebé (tabla de CMS de 2014, a precios de 2014)".into() },
            "its Maternity row, a year of care with a birth",
            "su fila de maternidad, un año de atención con un parto",
        ),
        _ => (
            Words { en: "Managing diabetes (CMS’s 2014 table, at 2014 prices)".into(), es: "Controlar la diabetes (tabla de CMS de 2014, a precios de 2014)".into() },
            "its Diabetes row, a year of care of a person with diabetes",
            "su fila de diabetes, un año de atención de una persona con diabetes",
        ),
    };
    Some(Preset {
        label,
        description: Words {
            en: format!("The CMS out-of-pocket cost calculator's 2014 utilization table, {what_en}: {total} allowed in all, at 2014 prices (the table's own amounts, not the plan year's)."),
            es: format!("La tabla de utilización de 2014 de la calculadora de gastos de bolsillo de CMS, {what_es}: {total} permitidos en total, a precios de 2014 (los montos de la tabla, no los del año del plan)."),
        },
        source: format!("{}; the same claims as data/cms-years.json's \"{level}\" (docs/decisions.md 43). Written by `cargo run --release --example cms-years` (src/cms_table.rs); do not edit by hand.", row.source),
        illustrative: false,
        total_allowed: row.total_allowed,
        cms_decile: None,
        services: row.services.clone(),
    })
}

// ---- the typical years as the table's rows, by age -----------------------------------------------

/// The typical years of `data/usage-presets.json` that are the table's deciles for the person's
/// own age group, the mean of both sexes (docs/decisions.md 46): the id, the decile, and the
/// year's name in English and Spanish. Decile 3 is a light year (most people have one: seven in
/// ten spend more), 5.5 the middle (midway between deciles 5 and 6, the table's own median row),
/// 9 a heavy year that is still a year many people have (one in ten spends more: decile 10 is
/// the top tenth's mean, $46k for a woman of 35-44, a catastrophe rather than a typical year).
pub const TYPICAL_PRESETS: [(&str, &str, &str, &str); 3] = [("low", "3", "A light year", "Un año ligero"), ("medium", "5.5", "A middle year", "Un año intermedio"), ("high", "9", "A heavy year", "Un año intenso")];

/// The presets `low`, `medium` and `high`: each names its decile and lists no care of its own
/// (the row for the person's age group is theirs: [`typical_rows`]).
pub fn typical_preset(id: &str) -> Option<Preset> {
    let (_, decile, en, es) = TYPICAL_PRESETS.iter().find(|(p, ..)| *p == id)?;
    Some(Preset {
        label: Words { en: format!("{en} (CMS 2014, decile {decile}, by age)"), es: format!("{es} (CMS 2014, decil {decile}, por edad)") },
        description: Words {
            en: format!("The CMS out-of-pocket cost calculator's 2014 utilization table at utilization decile {decile} of 10, for the person's own age group (0-5, 6-17, 18-25, 26-34, 35-44, 45-54, 55+; at 65 and over the table's oldest group, 55+, people under Medicare age), the mean of women and men, at 2014 prices."),
            es: format!("La tabla de utilización de 2014 de la calculadora de gastos de bolsillo de CMS en el decil de utilización {decile} de 10, para el grupo de edad de la persona (0-5, 6-17, 18-25, 26-34, 35-44, 45-54, 55+; a los 65 años o más el grupo de más edad de la tabla, 55+, personas menores de la edad de Medicare), la media de mujeres y hombres, a precios de 2014."),
        },
        source: format!("CMS out-of-pocket cost calculator, 2014 utilization table (data/cms-utilization.json), decile {decile}, both sexes' mean, by age group: the file's cms_rows (docs/decisions.md 46). Written by `cargo run --release --example cms-years` (src/cms_table.rs); do not edit by hand."),
        illustrative: false,
        total_allowed: None,
        cms_decile: Level::parse(decile),
        services: Vec::new(),
    })
}

/// The rows the typical years take, keyed as in `data/cms-years.json` (`both 35-44 5.5`): the
/// same claims, named for the person ("A middle year for someone 35-44 (CMS 2014, decile 5.5)").
pub fn typical_rows(years: &Presets) -> Option<SortedMap<String, Preset>> {
    let mut rows = SortedMap::new();
    for (_, decile, en, es) in TYPICAL_PRESETS {
        let level = Level::parse(decile)?;
        for (group, age) in AGE_GROUPS {
            let key = year_key(level, age, None);
            let row = years.presets.get(&key)?;
            let total = row.total_allowed?.dollars();
            let (who_en, who_es) = if group == "55+" { ("55 or older", "55 años o más") } else { (group, group) };
            rows.insert(key.clone(), Preset {
                label: Words { en: format!("{en} for someone {who_en} (CMS 2014, decile {decile})"), es: format!("{es} para alguien de {who_es} (CMS 2014, decil {decile})") },
                description: Words { en: format!("{total} allowed in all, at 2014 prices."), es: format!("{total} permitidos en total, a precios de 2014.") },
                source: format!("The CMS 2014 utilization table's female and male rows, their mean: data/cms-years.json's \"{key}\" (docs/decisions.md 46)."),
                illustrative: false,
                total_allowed: row.total_allowed,
                cms_decile: None,
                services: row.services.clone(),
            });
        }
    }
    Some(rows)
}

/// `data/usage-presets.json`'s text (`current`) with its condition presets written from the
/// table's years, everything else as it is; `Err` names a preset the file lacks or cannot hold.
pub fn usage_presets_json(current: &str, years: &Presets) -> Result<String, String> {
    let mut text = current.to_string();
    for (id, _) in CONDITION_PRESETS {
        let preset = condition_preset(years, id).ok_or_else(|| format!("no row in the years for {id}"))?;
        let key = format!("\n    {}: ", serde_json::to_string(id).unwrap_or_default());
        let start = text.find(&key).ok_or_else(|| format!("usage-presets.json has no preset \"{id}\" at the presets' level"))? + key.len();
        let end = start + object_length(&text[start..]).ok_or_else(|| format!("usage-presets.json: preset \"{id}\" is not a JSON object"))?;
        let value = serde_json::to_string_pretty(&preset).map_err(|e| e.to_string())?.replace('\n', "\n    ");
        text.replace_range(start..end, &value);
    }
    for (id, ..) in TYPICAL_PRESETS {
        let preset = typical_preset(id).ok_or_else(|| format!("no typical preset {id}"))?;
        text = replace_value(&text, "\n    ", id, &preset)?;
    }
    let rows = typical_rows(years).ok_or("the years lack a typical row")?;
    let key = "\n  \"cms_rows\": ";
    if !text.contains(key) {
        let end = text.trim_end().strip_suffix('}').ok_or("usage-presets.json does not end with }")?.trim_end().len();
        text.insert_str(end, &format!(",{key}{{}}"));
    }
    text = replace_value(&text, "\n  ", "cms_rows", &rows)?;
    Ok(text)
}

/// `text` with the object under `"key": ` (after `indent`) written as `value`, pretty-printed.
fn replace_value<T: serde::Serialize>(text: &str, indent: &str, key: &str, value: &T) -> Result<String, String> {
    let at = format!("{indent}{}: ", serde_json::to_string(key).unwrap_or_default());
    let start = text.find(&at).ok_or_else(|| format!("usage-presets.json has no \"{key}\" where expected"))? + at.len();
    let end = start + object_length(&text[start..]).ok_or_else(|| format!("usage-presets.json: \"{key}\" is not a JSON object"))?;
    let value = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?.replace('\n', indent);
    let mut out = text.to_string();
    out.replace_range(start..end, &value);
    Ok(out)
}

/// The length in bytes of the JSON object `text` starts with (strings skipped), or `None`.
fn object_length(text: &str) -> Option<usize> {
    if !text.starts_with('{') {
        return None;
    }
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, b) in text.bytes().enumerate() {
        match (in_string, b) {
            (true, _) if escaped => escaped = false,
            (true, b'\\') => escaped = true,
            (true, b'"') | (false, b'"') => in_string = !in_string,
            (false, b'{') | (false, b'[') => depth += 1,
            (false, b'}') | (false, b']') => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}
