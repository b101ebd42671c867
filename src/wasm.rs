//! The WebAssembly binding: JavaScript values in, the engine, JavaScript values out. Nothing
//! else lives here.
//!
//! - In: every argument is taken as a `JsValue` and checked here, so a wrong type (a number
//!   where a plan file's text belongs) is a thrown `Error`, never a trap. A scenario may be an
//!   object or its JSON text; an object is walked strictly (below) into JSON text for the same
//!   reader the CLI uses, so both refuse and accept exactly the same things.
//! - Out: results are plain JavaScript objects (serde-wasm-bindgen; money stays a decimal
//!   string).
//! - Errors: a JavaScript `Error` carrying the engine error's fields, converted once here:
//!   `code` (stable, snake_case: `crate::error::Code`), `field` (the path as text, or `null`),
//!   `path` (the same as an array of keys and indices), `params` (the values the message names),
//!   `origin` and the English `message` (docs/domain.md, "Errors") — the same fields as the
//!   CLI's `--errors json`.

use js_sys::{Array, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::catalog::Catalog;
use crate::error::{shown, Error, ErrorKind, ErrorPath, Expected, Found, Many};
use crate::json::{MAX_DEPTH, MAX_INPUT_BYTES, MAX_ITEMS};
use crate::scenario::Scenario;

/// The engine's error as a thrown JavaScript `Error`: its fields (serialized as the CLI's
/// `--errors json` writes them: `code`, `field`, `path`, `params`, `origin`, `message`) copied
/// onto an `Error` whose message is the error's message.
fn js_error(e: Error) -> JsValue {
    let error = js_sys::Error::new(&e.message());
    if let Ok(fields) = e.serialize(&serde_wasm_bindgen::Serializer::json_compatible()) {
        Object::assign(error.unchecked_ref::<Object>(), fields.unchecked_ref::<Object>());
    }
    error.into()
}

fn wrong_argument(what: &str, expected: Expected) -> JsValue {
    js_error(Error::at("arguments", ErrorPath::from(what), ErrorKind::wrong_argument(expected)))
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error(Error::new("result", "", crate::error::Code::InvalidData, e.to_string())))
}

/// A text argument (a file's text, an id), or a thrown `Error` naming it.
fn text(value: &JsValue, name: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| wrong_argument(name, Expected::Text))
}

/// A list of plan ids.
fn id_list(value: &JsValue, name: &str) -> Result<Vec<String>, JsValue> {
    if !Array::is_array(value) {
        return Err(wrong_argument(name, Expected::PlanIds));
    }
    let list = Array::from(value);
    if list.length() as usize > crate::compare::MAX_OPTIONS {
        return Err(js_error(Error::at("arguments", ErrorPath::from(name), ErrorKind::too_many(crate::compare::MAX_OPTIONS as u64, Many::Plans))));
    }
    list.iter().enumerate().map(|(i, v)| text(&v, &format!("{name}[{i}]"))).collect()
}

/// A scenario given as an object or as its JSON text, read by the strict reader.
fn scenario(value: &JsValue) -> Result<Scenario, JsValue> {
    let text = match value.as_string() {
        Some(t) => t,
        None => to_json_text(value, "scenario").map_err(js_error)?,
    };
    Scenario::from_json(&text).map_err(js_error)
}

/// Writes a JavaScript value as JSON text, refusing what JSON cannot say rather than letting
/// `JSON.stringify` turn it into something else: `NaN` and `Infinity` (which it writes as
/// `null`), functions, symbols and BigInts (dropped or thrown), cycles and deep nesting. A key
/// whose value is `undefined` is left out, as `JSON.stringify` does. Errors name the field, as
/// keys and indices.
fn to_json_text(value: &JsValue, origin: &str) -> Result<String, Error> {
    let mut out = String::new();
    let mut path = ErrorPath::ROOT;
    write_value(value, &mut out, &mut path, 0).map_err(|kind| Error::at(origin, path.clone(), kind))?;
    Ok(out)
}

fn invalid(found: Found) -> ErrorKind {
    ErrorKind::invalid_type(Expected::JsonValue, found)
}

fn write_value(v: &JsValue, out: &mut String, path: &mut ErrorPath, depth: usize) -> Result<(), ErrorKind> {
    if out.len() > MAX_INPUT_BYTES {
        return Err(ErrorKind::input_too_large(MAX_INPUT_BYTES as u64));
    }
    if v.is_null() {
        out.push_str("null");
    } else if let Some(b) = v.as_bool() {
        out.push_str(if b { "true" } else { "false" });
    } else if let Some(n) = v.as_f64() {
        if !n.is_finite() {
            return Err(ErrorKind::not_finite());
        }
        // JavaScript's own shortest text for the number ("2" for 2.0, "0" for -0, "2.5",
        // "1e+21"), all JSON numbers; the reader judges each by its value, as the CLI does.
        out.push_str(&String::from(js_sys::Number::from(n).to_string_with_radix(10).unwrap_or_else(|_| "0".into())));
    } else if let Some(s) = v.as_string() {
        write_string(&s, out);
    } else if v.is_undefined() {
        return Err(invalid(Found::Undefined));
    } else if v.is_function() {
        return Err(invalid(Found::Function));
    } else if v.is_symbol() {
        return Err(invalid(Found::Symbol));
    } else if v.is_bigint() {
        return Err(invalid(Found::BigInt));
    } else if depth >= MAX_DEPTH {
        return Err(ErrorKind::nested_too_deep_or_cycle(MAX_DEPTH as u64));
    } else if Array::is_array(v) {
        let list = Array::from(v);
        if list.length() as usize > MAX_ITEMS {
            return Err(ErrorKind::too_many(MAX_ITEMS as u64, Many::Items));
        }
        out.push('[');
        for (i, item) in list.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            path.0.push(i.into());
            // An array hole or `undefined` item is written as null, as JSON.stringify does.
            if item.is_undefined() {
                out.push_str("null");
            } else {
                write_value(&item, out, path, depth + 1)?;
            }
            path.0.pop();
        }
        out.push(']');
    } else if v.is_object() {
        let keys = Object::keys(v.unchecked_ref::<Object>());
        if keys.length() as usize > MAX_ITEMS {
            return Err(ErrorKind::too_many(MAX_ITEMS as u64, Many::Entries));
        }
        out.push('{');
        let mut first = true;
        for key in keys.iter() {
            let name = key.as_string().unwrap_or_default();
            path.0.push(name.as_str().into());
            let item = Reflect::get(v, &key).map_err(|_| invalid(Found::Unreadable))?;
            if !item.is_undefined() {
                if !first {
                    out.push(',');
                }
                first = false;
                write_string(&name, out);
                out.push(':');
                write_value(&item, out, path, depth + 1)?;
            }
            path.0.pop();
        }
        out.push('}');
    } else {
        return Err(invalid(Found::Nothing));
    }
    Ok(())
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The engine: a catalog (the service vocabulary, plans, typical prices, presets) and the
/// calls that price a scenario against it.
#[wasm_bindgen]
pub struct Engine {
    catalog: Catalog,
    /// The group census under way (`censusStart` … `censusFinish`), if any.
    #[cfg(feature = "census")]
    census: Option<crate::census::Census>,
    /// The odds under way (`oddsStart` … `oddsResult`), if any.
    odds: Option<crate::odds::Run>,
}

#[wasm_bindgen]
impl Engine {
    /// A new engine over a service vocabulary (the text of `data/services.json`).
    #[wasm_bindgen(constructor)]
    pub fn new(services: JsValue) -> Result<Engine, JsValue> {
        let services = text(&services, "services")?;
        Ok(Engine { catalog: Catalog::from_services_json(crate::vocab::SERVICES_FILE, &services).map_err(js_error)?, #[cfg(feature = "census")] census: None, odds: None })
    }

    /// Adds a plan from its file's text (`origin` names it in errors); returns the plan id.
    /// (The engine client's `addPlan(origin, text)` takes them in the same order.)
    #[wasm_bindgen(js_name = addPlan)]
    pub fn add_plan(&mut self, origin: JsValue, plan_text: JsValue) -> Result<String, JsValue> {
        let origin = text(&origin, "origin")?;
        let plan_text = text(&plan_text, "plan")?;
        self.catalog.add_plan_json(&shown(&origin), &plan_text).map(|p| p.id.clone()).map_err(js_error)
    }

    /// Sets the typical price table from its file's text.
    #[wasm_bindgen(js_name = setPrices)]
    pub fn set_prices(&mut self, prices_text: JsValue) -> Result<(), JsValue> {
        let prices_text = text(&prices_text, "prices")?;
        self.catalog.set_prices_json("typical-prices.json", &prices_text).map_err(js_error)
    }

    /// Sets the usage presets from their file's text.
    #[wasm_bindgen(js_name = setPresets)]
    pub fn set_presets(&mut self, presets_text: JsValue) -> Result<(), JsValue> {
        let presets_text = text(&presets_text, "presets")?;
        self.catalog.set_presets_json("usage-presets.json", &presets_text).map_err(js_error)
    }

    /// Sets the CMS utilization table's rows as years of care (`data/cms-years.json`) from the
    /// file's text: members may then give a `usage` instead of listing care.
    #[wasm_bindgen(js_name = setCmsYears)]
    pub fn set_cms_years(&mut self, years_text: JsValue) -> Result<(), JsValue> {
        let years_text = text(&years_text, "cms_years")?;
        self.catalog.set_cms_years_json("cms-years.json", &years_text).map_err(js_error)
    }

    /// The ids of the plans added.
    #[wasm_bindgen(js_name = planIds)]
    pub fn plan_ids(&self) -> Vec<String> {
        self.catalog.plans().map(|p| p.id.clone()).collect()
    }

    /// Estimates a scenario (an object or its JSON text): the CLI's result, without the
    /// English words the CLI adds (`label`, `note`, `explanation`).
    pub fn estimate(&self, scenario: JsValue) -> Result<JsValue, JsValue> {
        let scenario = self::scenario(&scenario)?;
        let result = crate::engine::estimate(&self.catalog, &scenario).map_err(js_error)?;
        to_js(&result)
    }

    /// The scenario's household priced under each of `plans`, ranked, with worst cases: the
    /// CLI's `compare`. The cost curves are asked for by name: `costCurves` below, which is
    /// the CLI's `compare --curves` `cost_curves`.
    pub fn compare(&self, scenario: JsValue, plans: JsValue) -> Result<JsValue, JsValue> {
        let scenario = self::scenario(&scenario)?;
        let plans = id_list(&plans, "plans")?;
        to_js(&crate::compare::compare(&self.catalog, &scenario, &plans).map_err(js_error)?)
    }

    /// Total yearly cost of each of `plans` as the household's care grows from none, with the
    /// points where the cheapest option changes: the CLI's `compare --curves` `cost_curves`
    /// (there `null` where the scenario has no care; here the `no_care` error).
    #[wasm_bindgen(js_name = costCurves)]
    pub fn cost_curves(&self, scenario: JsValue, plans: JsValue) -> Result<JsValue, JsValue> {
        let scenario = self::scenario(&scenario)?;
        let plans = id_list(&plans, "plans")?;
        to_js(&crate::compare::cost_curves(&self.catalog, &scenario, &plans).map_err(js_error)?)
    }

    /// The options to compare with `plan`: the plans `listed` (an embedder's list of plan ids)
    /// when it has two or more, else the options of the plan's group offer (`null`:
    /// no list). The CLI's default is the same rule.
    #[wasm_bindgen(js_name = optionsFor)]
    pub fn options_for(&self, plan: JsValue, offered: JsValue) -> Result<Vec<String>, JsValue> {
        let plan = text(&plan, "plan")?;
        let offered = if offered.is_null() || offered.is_undefined() { None } else { Some(id_list_any(&offered)?) };
        Ok(self.catalog.options_for(&plan, offered.as_deref()))
    }

    /// Everything a form asks about `plan` (docs/embedding.md, "The plan view"): names, offer,
    /// enrollment types and pay schedules with what each means, the Medicare questions, the
    /// pharmacy channels, each service's unit, coverage, tier and limits, the defaults and
    /// bounds, premium conversion and the key benefits with their lines. `unknown_plan` for
    /// an id not added.
    #[wasm_bindgen(js_name = planView)]
    pub fn plan_view(&self, plan: JsValue) -> Result<JsValue, JsValue> {
        let plan = text(&plan, "plan")?;
        let found = self.catalog.plan_for(&plan, crate::error::ErrorPath::ROOT).map_err(|e| js_error(e.from("arguments")))?;
        to_js(&crate::planview::plan_view(&self.catalog, found))
    }

    /// The enrollment type a household of `people` takes on `plan` (or `null`).
    #[wasm_bindgen(js_name = suggestEnrollment)]
    pub fn suggest_enrollment(&self, plan: JsValue, people: JsValue) -> Result<JsValue, JsValue> {
        let plan = text(&plan, "plan")?;
        let people = people.as_f64().filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n <= 1e6).ok_or_else(|| wrong_argument("people", Expected::WholeNumber))?;
        let suggested = self.catalog.plan(&plan).and_then(|p| crate::compare::suggest_enrollment(p, people as usize));
        Ok(suggested.map_or(JsValue::NULL, |e| JsValue::from_str(e.as_str())))
    }
}

/// The odds of a household's year on each option (docs/domain.md, "Odds"; docs/embedding.md,
/// "Odds"), worked out a slice at a time so that the worker can say how far it has come and
/// stop when a newer question arrives: `oddsStart`, `oddsStep` until `done` equals `draws`,
/// then `oddsResult`: the CLI's `costshare odds`. Members' years come from the CMS table
/// (`setCmsYears` first). One run at a time: a new start replaces the one under way.
#[wasm_bindgen]
impl Engine {
    /// Starts the odds of `scenario` (an object or its JSON text) on `plans` (1 to 24 plan
    /// ids): `{ done: 0, draws }`. A scenario or plan list it cannot price is thrown.
    #[wasm_bindgen(js_name = oddsStart)]
    pub fn odds_start(&mut self, scenario: JsValue, plans: JsValue) -> Result<JsValue, JsValue> {
        self.odds = None;
        let scenario = self::scenario(&scenario)?;
        let plans = id_list(&plans, "plans")?;
        let run = crate::odds::Run::new(&self.catalog, &scenario, &plans).map_err(js_error)?;
        let progress = run.progress();
        self.odds = Some(run);
        to_js(&progress)
    }

    /// Prices up to `count` more draws on every option: `{ done, draws }`.
    #[wasm_bindgen(js_name = oddsStep)]
    pub fn odds_step(&mut self, count: u32) -> Result<JsValue, JsValue> {
        let run = self.odds.as_mut().ok_or_else(no_odds)?;
        let progress = run.step(&self.catalog, count);
        if progress.is_err() {
            self.odds = None;
        }
        to_js(&progress.map_err(js_error)?)
    }

    /// The odds, once `done` equals `draws`: `{ draws, sampled, members, options: [{ plan, p10,
    /// p50, p90, mean, chance_cheapest, error? }], assumptions }`.
    #[wasm_bindgen(js_name = oddsResult)]
    pub fn odds_result(&mut self) -> Result<JsValue, JsValue> {
        let run = self.odds.as_ref().ok_or_else(no_odds)?;
        to_js(&run.result().map_err(js_error)?)
    }
}

fn no_odds() -> JsValue {
    js_error(Error::at("arguments", ErrorPath::ROOT, ErrorKind::usage("no odds under way: call oddsStart first", vec![])))
}

/// A list of ids of any length (the plans an element offers).
fn id_list_any(value: &JsValue) -> Result<Vec<String>, JsValue> {
    if !Array::is_array(value) {
        return Err(wrong_argument("offered", Expected::PlanIds));
    }
    Array::from(value).iter().enumerate().map(|(i, v)| text(&v, &format!("offered[{i}]"))).collect()
}

/// Every error code the engine can throw (for a page's message catalog and its tests).
#[wasm_bindgen(js_name = errorCodes)]
pub fn error_codes() -> Vec<String> {
    crate::error::Code::ALL.iter().map(|c| c.as_str().to_string()).collect()
}

// ---- group census (docs/domain.md, "Group census"; docs/embedding.md, "Group census (engine API)")
// Only in the census's module (feature `census`): the estimator's module is built without it
// (scripts/build-wasm.sh; docs/decisions.md, "The size budget, decided").

#[cfg(feature = "census")]
#[derive(Serialize)]
struct CensusResult<'a> {
    /// The output's CSV text for the households this piece completed (the CLI's bytes).
    csv: &'a str,
    /// The refused rows' CSV text.
    refused: &'a str,
    errors: &'a [crate::census::RowError],
    notes: &'a [crate::census::Note],
    households: u32,
    priced: u32,
    claims: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    totals: Option<&'a [crate::census::PlanTotal]>,
}

#[cfg(feature = "census")]
#[derive(Serialize)]
struct CensusChecked<'a> {
    households: u32,
    apart: u32,
    /// The columns the engine does not use.
    ignored: &'a [String],
}

/// An engine prices one census at a time (a Worker has its own engine), reading the file
/// twice: `censusStart`, `censusPush` for each piece of the file's bytes, `censusRewind`,
/// `censusPush` for each piece again, then `censusFinish`; `censusPage` at any time after.
#[cfg(feature = "census")]
#[wasm_bindgen]
impl Engine {
    /// Starts a census priced on `plans` (1 to 24 plan ids), replacing any census under way.
    /// `asOf` (`"YYYY-MM-DD"` or `null`): the date ages are counted on from `date_of_birth`
    /// (default: January 1 of the plans' year). `usage` (a preset id, `"none"` or `null`): the
    /// usage for rows that give none. `contribution` (`"amount:500.00"`, `"percent:80"` or
    /// `null`): an employer contribution per pay period for every household.
    #[wasm_bindgen(js_name = censusStart)]
    pub fn census_start(&mut self, plans: JsValue, as_of: JsValue, usage: JsValue, contribution: JsValue) -> Result<(), JsValue> {
        self.census = None;
        let plans = id_list(&plans, "plans")?;
        let optional = |v: &JsValue, name: &str| if v.is_null() || v.is_undefined() { Ok(None) } else { text(v, name).map(Some) };
        let mut options = crate::census::Options { usage: optional(&usage, "usage")?, ..Default::default() };
        if let Some(t) = optional(&as_of, "asOf")? {
            let date = crate::census::Date::parse(&t).filter(|_| t.contains('-'));
            options.as_of = Some(date.ok_or_else(|| wrong_argument("asOf", Expected::Date))?);
        }
        if let Some(t) = optional(&contribution, "contribution")? {
            let fault = |kind| js_error(Error::at("census", crate::error::at!["contribution"], kind));
            options.contribution = Some(crate::census::contribution(&t).map_err(fault)?);
        }
        self.census = Some(crate::census::Census::new(&self.catalog, &plans, &options).map_err(js_error)?);
        Ok(())
    }

    /// Reads the next piece of the file (a `Uint8Array` of its bytes, or text), cut anywhere.
    /// In the second pass, prices the households it completes: `{ csv, refused, errors, notes,
    /// households, priced, claims }`. A file that is not CSV text, too large, or with a header
    /// that cannot be used is thrown (`code`, and `field` naming the column), and so is every
    /// later call.
    #[wasm_bindgen(js_name = censusPush)]
    pub fn census_push(&mut self, piece: JsValue) -> Result<JsValue, JsValue> {
        let bytes = match piece.as_string() {
            Some(text) => text.into_bytes(),
            None if piece.is_instance_of::<js_sys::Uint8Array>() => js_sys::Uint8Array::from(piece).to_vec(),
            None => return Err(wrong_argument("piece", Expected::BytesOrText)),
        };
        let census = self.census.as_mut().ok_or_else(no_census)?;
        let batch = census.push(&self.catalog, &bytes).map_err(js_error)?;
        census_result(census, &batch, false)
    }

    /// The end of the first pass: `{ households, apart, ignored }`; the file is to be pushed
    /// again from its start.
    #[wasm_bindgen(js_name = censusRewind)]
    pub fn census_rewind(&mut self) -> Result<JsValue, JsValue> {
        let census = self.census.as_mut().ok_or_else(no_census)?;
        let checked = census.rewind().map_err(js_error)?;
        let count = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
        let ignored = census.columns().map(|c| c.ignored.as_slice()).unwrap_or(&[]);
        to_js(&CensusChecked { households: count(checked.households), apart: count(checked.apart), ignored })
    }

    /// The end of the file: the last household, and `totals` (per plan, in the order asked).
    #[wasm_bindgen(js_name = censusFinish)]
    pub fn census_finish(&mut self) -> Result<JsValue, JsValue> {
        let census = self.census.as_mut().ok_or_else(no_census)?;
        let batch = census.finish(&self.catalog).map_err(js_error)?;
        census_result(census, &batch, true)
    }

    /// A page of the priced households: `sort` is `"file"`, `"household"` or a plan's index
    /// (a number) among the plans asked; `{ total, offset, rows: [{ index, household, plans:
    /// [{ enrollment, total_annual_cost, cheapest }] }] }`, at most 1,000 rows.
    #[wasm_bindgen(js_name = censusPage)]
    pub fn census_page(&mut self, sort: JsValue, descending: bool, offset: u32, count: u32) -> Result<JsValue, JsValue> {
        let census = self.census.as_mut().ok_or_else(no_census)?;
        let sort = match (sort.as_string().as_deref(), sort.as_f64()) {
            (Some("file"), _) => crate::census::Sort::File,
            (Some("household"), _) => crate::census::Sort::Household,
            (_, Some(i)) if i >= 0.0 && (i as usize) < census.totals().len() && i.fract() == 0.0 => crate::census::Sort::Plan(i as usize),
            _ => return Err(wrong_argument("sort", Expected::CensusSort)),
        };
        to_js(&census.page(sort, descending, offset as usize, count as usize))
    }
}

#[cfg(feature = "census")]
fn no_census() -> JsValue {
    js_error(Error::at("arguments", ErrorPath::ROOT, ErrorKind::no_census()))
}

#[cfg(feature = "census")]
fn census_result(census: &mut crate::census::Census, batch: &crate::census::Batch, last: bool) -> Result<JsValue, JsValue> {
    let count = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    to_js(&CensusResult {
        csv: &batch.csv,
        refused: &batch.refused,
        errors: &batch.errors,
        notes: &batch.notes,
        households: count(batch.households),
        priced: count(batch.priced),
        claims: count(batch.claims),
        totals: last.then(|| census.totals()),
    })
}
