//! One error type for the whole engine, converted once at each boundary (CLI exit status 2,
//! a thrown JS `Error` in WebAssembly).

use std::fmt;

/// Everything that can go wrong, each naming where: the input (a file name, "scenario"),
/// the field within it (`services[2].allowed`), and what is wrong in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub origin: String,
    pub field: String,
    pub message: String,
}

impl Error {
    pub fn invalid(origin: &str, field: impl Into<String>, message: impl Into<String>) -> Error {
        Error { origin: origin.to_string(), field: field.into(), message: message.into() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}", self.origin, self.message)
        } else {
            write!(f, "{}: {}: {}", self.origin, self.field, self.message)
        }
    }
}

impl std::error::Error for Error {}
