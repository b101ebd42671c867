//! The WebAssembly binding: JS values in, the engine, JS values out. Nothing else lives here.
//! Errors become JS `Error`s whose message names the input and the field.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::catalog::Catalog;
use crate::error::Error;
use crate::scenario::Scenario;

/// Plain JSON-shaped objects for JS: maps as objects, missing values as null.
const SERIALIZER: serde_wasm_bindgen::Serializer = serde_wasm_bindgen::Serializer::json_compatible();

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&SERIALIZER).map_err(|e| JsError::new(&format!("result: {e}")))
}

fn js_error(e: Error) -> JsError {
    JsError::new(&e.to_string())
}

fn from_js_scenario(scenario: JsValue) -> Result<Scenario, JsError> {
    let de = serde_wasm_bindgen::Deserializer::from(scenario);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let field = crate::json::path_text(e.path());
        // serde-wasm-bindgen's errors are JS errors whose text starts with "Error: ".
        let text = e.into_inner().to_string();
        let text = text.strip_prefix("Error: ").unwrap_or(&text);
        js_error(Error::invalid("scenario", field, crate::json::plain_words(text)))
    })
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
