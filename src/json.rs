//! Strict JSON reading that reports the path of the field at fault.

use serde::de::DeserializeOwned;

use crate::error::Error;

/// Inputs larger than this are refused before parsing (a plan file is ~30 KB).
pub const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;

pub fn parse<T: DeserializeOwned>(origin: &str, text: &str) -> Result<T, Error> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::invalid(origin, "", format!("input is larger than {} bytes", MAX_INPUT_BYTES)));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| from_path_error(origin, e))?;
    de.end().map_err(|e| Error::invalid(origin, "", format!("unexpected text after the JSON value ({e})")))?;
    Ok(value)
}

pub fn from_path_error(origin: &str, e: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let field = path_text(e.path());
    let inner = e.into_inner();
    let message = if inner.is_syntax() || inner.is_eof() {
        format!("malformed JSON: {inner}")
    } else {
        inner.to_string()
    };
    Error::invalid(origin, field, message)
}

/// `serde_path_to_error` writes `services[2].allowed`; the root is "." — we print it empty.
pub fn path_text(path: &serde_path_to_error::Path) -> String {
    let s = path.to_string();
    if s == "." { String::new() } else { s }
}
