//! The WebAssembly binding: JS values in, the engine, JS values out. Nothing else lives here.
//! Errors become JS `Error`s whose message names the input and the field.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::catalog::Catalog;
use crate::error::Error;
use crate::scenario::Scenario;

// Values cross the boundary as JSON text through the browser's own `JSON`: one serde format
// (serde_json, the same code the CLI runs) instead of a second, generic, JS-value format, which
// roughly doubled the module's deserializing and serializing code.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = JSON, js_name = stringify, catch)]
    fn json_stringify(value: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &str) -> Result<JsValue, JsValue>;
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value).map_err(|e| JsError::new(&format!("result: {e}")))?;
    json_parse(&text).map_err(|_| JsError::new("result: the engine wrote text that is not JSON"))
}

fn js_error(e: Error) -> JsError {
    JsError::new(&e.to_string())
}

fn from_js_scenario(scenario: JsValue) -> Result<Scenario, JsError> {
    // JSON.stringify throws on a cycle or a BigInt and gives `undefined` for a function or
    // `undefined` itself; each is reported as a scenario that is not a JSON object.
    let text = json_stringify(&scenario).ok().and_then(|t| t.as_string()).ok_or_else(|| {
        js_error(Error::invalid("scenario", "", "expected a scenario object that can be written as JSON"))
    })?;
    Scenario::from_json(&text).map_err(js_error)
}

#[wasm_bindgen]
pub struct Engine {
    catalog: Catalog,
}

#[wasm_bindgen]
impl Engine {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Engine {
        Engine { catalog: Catalog::new() }
    }

    /// Adds a plan from its file's text; returns the plan id.
    #[wasm_bindgen(js_name = addPlan)]
    pub fn add_plan(&mut self, origin: &str, json_text: &str) -> Result<String, JsError> {
        self.catalog.add_plan_json(origin, json_text).map(|p| p.id.clone()).map_err(js_error)
    }

    /// Sets the typical price table from its file's text.
    #[wasm_bindgen(js_name = setPrices)]
    pub fn set_prices(&mut self, json_text: &str) -> Result<(), JsError> {
        self.catalog.set_prices_json("typical-prices.json", json_text).map_err(js_error)
    }

    /// Sets the usage presets from their file's text.
    #[wasm_bindgen(js_name = setPresets)]
    pub fn set_presets(&mut self, json_text: &str) -> Result<(), JsError> {
        self.catalog.set_presets_json("usage-presets.json", json_text).map_err(js_error)
    }

    /// The usage presets (or null).
    pub fn presets(&self) -> Result<JsValue, JsError> {
        to_js(&self.catalog.presets())
    }

    #[wasm_bindgen(js_name = planIds)]
    pub fn plan_ids(&self) -> Vec<String> {
        self.catalog.plans().map(|p| p.id.clone()).collect()
    }

    /// Every plan in the catalog, as its data (for the page's labels, citations, assumptions).
    pub fn plans(&self) -> Result<JsValue, JsError> {
        let plans: Vec<_> = self.catalog.plans().collect();
        to_js(&plans)
    }

    /// One plan's data (or null if no plan has that id).
    pub fn plan(&self, id: &str) -> Result<JsValue, JsError> {
        to_js(&self.catalog.plan(id))
    }

    /// The typical price table (or null).
    pub fn prices(&self) -> Result<JsValue, JsError> {
        to_js(&self.catalog.prices())
    }

    /// Estimates a scenario object; returns the same result object as the CLI prints.
    pub fn estimate(&self, scenario: JsValue) -> Result<JsValue, JsError> {
        let scenario = from_js_scenario(scenario)?;
        let result = crate::engine::estimate(&self.catalog, &scenario).map_err(js_error)?;
        to_js(&result)
    }

    /// The scenario's household priced under each of `plans`, ranked, with worst cases
    /// (the `costshare compare` result without the curves).
    pub fn compare(&self, scenario: JsValue, plans: Vec<String>) -> Result<JsValue, JsError> {
        let scenario = from_js_scenario(scenario)?;
        let result = crate::compare::compare(&self.catalog, &scenario, &plans).map_err(js_error)?;
        to_js(&result)
    }

    /// Total yearly cost of each of `plans` as the household's care is scaled from none up,
    /// with the points where the cheapest option changes.
    #[wasm_bindgen(js_name = costCurves)]
    pub fn cost_curves(&self, scenario: JsValue, plans: Vec<String>) -> Result<JsValue, JsError> {
        let scenario = from_js_scenario(scenario)?;
        let result = crate::compare::cost_curves(&self.catalog, &scenario, &plans).map_err(js_error)?;
        to_js(&result)
    }
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new()
    }
}
