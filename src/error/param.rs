//! What an error names: its params, the values its message says, written to JSON as they are
//! and into the message as words.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use super::{shown, ErrorPath};

/// A value an error names: a number, text from the input (already [`shown`]), a list of names
/// or ids, an amount of money. Written to JSON as a number, a string, an array of strings, and
/// money as a decimal string ("120.00").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Param {
    Int(u64),
    Text(String),
    List(Vec<String>),
    /// An amount: its decimal string ("1500.00", as params give it) and its words ("$1,500.00").
    Money { decimal: String, dollars: String },
}

impl From<u64> for Param {
    fn from(n: u64) -> Param {
        Param::Int(n)
    }
}

impl From<u16> for Param {
    fn from(n: u16) -> Param {
        Param::Int(n.into())
    }
}

impl From<u32> for Param {
    fn from(n: u32) -> Param {
        Param::Int(n.into())
    }
}

impl From<usize> for Param {
    fn from(n: usize) -> Param {
        Param::Int(n as u64)
    }
}

/// Text from the input, shortened and escaped as every echoed value is.
impl From<&str> for Param {
    fn from(text: &str) -> Param {
        Param::Text(shown(text))
    }
}

impl From<&String> for Param {
    fn from(text: &String) -> Param {
        Param::from(text.as_str())
    }
}

impl From<&'static [&'static str]> for Param {
    fn from(names: &'static [&'static str]) -> Param {
        Param::List(names.iter().map(|n| n.to_string()).collect())
    }
}

impl From<Vec<String>> for Param {
    fn from(list: Vec<String>) -> Param {
        Param::List(list)
    }
}

impl Param {
    /// As a message says it: money in dollars ("$1,500.00"), lists joined with commas.
    pub(crate) fn write_words(&self, out: &mut String) {
        match self {
            Param::Int(n) => out.push_str(&n.to_string()),
            Param::Text(t) => out.push_str(t),
            Param::List(list) => out.push_str(&list.join(", ")),
            Param::Money { dollars, .. } => out.push_str(dollars),
        }
    }
}

impl Serialize for Param {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            // As a u32 where it fits (the .wasm carries no 64-bit number conversion otherwise;
            // a value past it is an absurd input, written as its digits).
            Param::Int(n) => match u32::try_from(*n) {
                Ok(small) => s.serialize_u32(small),
                Err(_) => s.serialize_str(&n.to_string()),
            },
            Param::Text(t) => s.serialize_str(t),
            Param::List(list) => s.collect_seq(list.iter()),
            Param::Money { decimal, .. } => s.serialize_str(decimal),
        }
    }
}

/// The values an error names, by name, in the order its message names them. Names that begin
/// with `_` are words the message needs that are not values (what was expected, in English):
/// the message uses them, `params` leaves them out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Params(pub Vec<(&'static str, Param)>);

impl Params {
    /// The value named `name`, if the error names one.
    pub fn get(&self, name: &str) -> Option<&Param> {
        self.0.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    /// The params an error reports: its values, without the message's own words.
    pub fn values(&self) -> impl Iterator<Item = &(&'static str, Param)> {
        self.0.iter().filter(|(k, _)| !k.starts_with('_'))
    }

    /// `template` with each `{name}` (lowercase letters and `_`) replaced by the words of the
    /// param of that name in `params` (nothing if none); other braces are kept.
    pub(crate) fn fill_with(params: &[(&'static str, Param)], template: &str) -> String {
        let get = |name: &str| params.iter().find(|(k, _)| *k == name).map(|(_, v)| v);
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.bytes().position(|b| b == b'{') {
            out.push_str(&rest[..open]);
            let name_len = rest[open + 1..].bytes().take_while(|b| b.is_ascii_lowercase() || *b == b'_').count();
            let name = &rest[open + 1..open + 1 + name_len];
            if name_len > 0 && rest[open + 1 + name_len..].starts_with('}') {
                if let Some(p) = get(name) {
                    p.write_words(&mut out);
                }
                rest = &rest[open + name_len + 2..];
            } else {
                // Not a placeholder (`{"amount": …}` in words): kept as it is.
                out.push('{');
                rest = &rest[open + 1..];
            }
        }
        out.push_str(rest);
        out
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for (k, v) in self.values() {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// A value of a serialized error or census row error.
pub enum Value<'a> {
    Null,
    Text(&'a str),
    Int(u32),
    Path(&'a ErrorPath),
    Params(&'a Params),
}

impl Serialize for Value<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_none(),
            Value::Text(t) => s.serialize_str(t),
            Value::Int(n) => s.serialize_u32(*n),
            Value::Path(p) => p.serialize(s),
            Value::Params(p) => p.serialize(s),
        }
    }
}
