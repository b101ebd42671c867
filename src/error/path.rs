//! Where an error is: the path from the root of its input down to the value at fault, as keys
//! and indices (`["members", 0, "age"]`), from which its text (`members[0].age`) is derived.

use std::fmt;

use serde::ser::Serializer;
use serde::Serialize;

use super::shown;

/// One step of a path: an object's key or a list's index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Key(String),
    Index(u32),
}

/// A key as an error keeps it: shortened and escaped as [`shown`] does (a hostile key can be
/// megabytes long or hold terminal escapes).
impl From<&str> for Segment {
    fn from(key: &str) -> Segment {
        Segment::Key(shown(key))
    }
}

impl From<&String> for Segment {
    fn from(key: &String) -> Segment {
        Segment::from(key.as_str())
    }
}

impl From<usize> for Segment {
    fn from(i: usize) -> Segment {
        Segment::Index(u32::try_from(i).unwrap_or(u32::MAX))
    }
}

/// Where a value sits in its input, as keys and indices: `["members", 0, "age"]`. Its text
/// (`members[0].age`, the error's `field`) is derived from it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ErrorPath(pub Vec<Segment>);

impl ErrorPath {
    pub const ROOT: ErrorPath = ErrorPath(Vec::new());

    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// This path with one more step.
    pub fn and(mut self, step: impl Into<Segment>) -> ErrorPath {
        self.0.push(step.into());
        self
    }
}

/// `members[0].age`; empty for the input as a whole.
impl fmt::Display for ErrorPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            match s {
                Segment::Key(k) if i == 0 => f.write_str(k)?,
                Segment::Key(k) => write!(f, ".{k}")?,
                Segment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// A field given as one name (`"plans"`), as the older `Error::new` call sites do.
impl From<&str> for ErrorPath {
    fn from(name: &str) -> ErrorPath {
        if name.is_empty() {
            ErrorPath::ROOT
        } else {
            ErrorPath(vec![Segment::from(name)])
        }
    }
}

impl From<String> for ErrorPath {
    fn from(name: String) -> ErrorPath {
        ErrorPath::from(name.as_str())
    }
}

/// One step of a path as a call site names it, borrowed: what [`at!`] passes to
/// [`ErrorPath::of`], so that each of the engine's many error sites costs a few stores and one
/// call (the `.wasm` counts bytes), not a list built in place.
#[derive(Clone, Copy)]
pub enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

impl<'a> From<&'a str> for Step<'a> {
    fn from(key: &'a str) -> Step<'a> {
        Step::Key(key)
    }
}

impl<'a> From<&'a String> for Step<'a> {
    fn from(key: &'a String) -> Step<'a> {
        Step::Key(key)
    }
}

impl From<usize> for Step<'_> {
    fn from(i: usize) -> Self {
        Step::Index(i)
    }
}

impl ErrorPath {
    /// The path of these steps (keys shortened and escaped as [`shown`] does).
    pub fn of(steps: &[Step]) -> ErrorPath {
        ErrorPath(
            steps
                .iter()
                .map(|s| match *s {
                    Step::Key(k) => Segment::from(k),
                    Step::Index(i) => Segment::from(i),
                })
                .collect(),
        )
    }
}

/// `at!["services", i, "days"]`: a path from keys (`&str`, `&String`) and indices (`usize`).
macro_rules! at {
    ($($step:expr),* $(,)?) => {
        $crate::error::ErrorPath::of(&[$($crate::error::Step::from($step)),*])
    };
}
pub(crate) use at;

/// `["members", 0, "age"]`.
impl Serialize for ErrorPath {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter())
    }
}

impl Serialize for Segment {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Segment::Key(k) => s.serialize_str(k),
            Segment::Index(i) => s.serialize_u32(*i),
        }
    }
}
