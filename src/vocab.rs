//! The words plans, scenarios, prices and presets share: enrollment types, pay schedules,
//! pharmacy channels, family roles, Medicare status, networks, and the services themselves.
//!
//! The services are data (`data/services.json`): one list of ids, each with its group, its
//! unit and its labels in English and Spanish. The engine, the CLI, the page, the typical
//! prices and the presets all read that one file, so adding a service is one edit there.

use serde::Serialize;

use crate::error::{at, Error, ErrorKind};
use crate::json::{json_object, named_enum};
use crate::map::SortedMap;

named_enum! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum EnrollmentType {
        SelfOnly = "self_only",
        SelfPlusOne = "self_plus_one",
        SelfAndFamily = "self_and_family",
        PerMember = "per_member",
    }
}

impl EnrollmentType {
    /// Family limits (deductible and out-of-pocket aggregates) apply to these.
    pub fn is_family(self) -> bool {
        matches!(self, EnrollmentType::SelfPlusOne | EnrollmentType::SelfAndFamily)
    }

    /// The FEHB enrollment type that covers `people` people: one is Self Only, two Self Plus
    /// One, more Self and Family (docs/domain.md, "The group census"; the page suggests the same).
    pub fn for_household(people: usize) -> EnrollmentType {
        match people {
            0 | 1 => EnrollmentType::SelfOnly,
            2 => EnrollmentType::SelfPlusOne,
            _ => EnrollmentType::SelfAndFamily,
        }
    }

    /// Whether this enrollment type can cover `people` people.
    pub fn covers(self, people: usize) -> bool {
        match self {
            EnrollmentType::SelfOnly => people == 1,
            EnrollmentType::SelfPlusOne => people == 2,
            EnrollmentType::SelfAndFamily => people >= 2,
            EnrollmentType::PerMember => people >= 1,
        }
    }
}

named_enum! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum PaySchedule {
        /// 26 payments a year (FEHB employees).
        Biweekly = "biweekly",
        /// 12 payments a year (FEHB annuitants, retirees).
        Monthly = "monthly",
    }
}

impl PaySchedule {
    pub fn periods_per_year(self) -> u32 {
        match self {
            PaySchedule::Biweekly => 26,
            PaySchedule::Monthly => 12,
        }
    }
}

named_enum! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Channel {
        /// A plan pharmacy (the default).
        Retail = "retail",
        /// A participating community pharmacy; priced as retail unless the plan says otherwise.
        Community = "community",
        /// Mail order.
        Mail = "mail",
    }
}

named_enum! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Relationship {
        Subscriber = "subscriber",
        Spouse = "spouse",
        Child = "child",
    }
}

named_enum! {
    /// Medicare status. A member who does not say is `unknown`; each plan's premium table says
    /// how it prices that (the Fresno agreement has its own "eligibility unknown" rows).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
    pub enum Medicare {
        #[default]
        Unknown = "unknown",
        None = "none",
        PartAOnly = "part_a_only",
        PartBOnly = "part_b_only",
        PartsAAndB = "parts_a_and_b",
    }
}

named_enum! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
    pub enum Network {
        #[default]
        InNetwork = "in_network",
        OutOfNetwork = "out_of_network",
    }
}

named_enum! {
    /// What one claim of a service is: it decides which scenario fields a use may carry and how
    /// a typical price is given.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
    pub enum Unit {
        /// A visit, test, procedure, trip or item: one claim per use.
        #[default]
        Visit = "visit",
        /// One admission; the use must say how many `days`.
        Admission = "admission",
        /// One prescription fill; the use may say `days_supply` and `channel`.
        Fill = "fill",
    }
}

/// Words in the page's two languages.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Words {
    pub en: String,
    pub es: String,
}

json_object!(Words { en: req, es: req });

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Group {
    pub id: String,
    pub label: Words,
}

json_object!(Group { id: req, label: req });

/// One service the estimator knows.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Service {
    pub id: String,
    pub group: String,
    pub unit: Unit,
    /// A contract service id (docs/domain.md, "Service ids"): every plan prices it, and presets may use it.
    pub in_every_plan: bool,
    pub label: Words,
    /// Examples that help a visitor pick the right kind (drug tiers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub examples: Option<Words>,
}

json_object!(Service { id: req, group: req, unit: req, in_every_plan: or_default, label: req, examples: opt });

/// `data/services.json`: the services, in the order and groups the page lists them.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Vocabulary {
    pub description: String,
    pub groups: Vec<Group>,
    pub services: Vec<Service>,
    /// Index of `services` by id.
    #[serde(skip)]
    index: SortedMap<String, usize>,
}

/// The file as written; [`Vocabulary::from_json`] checks it and builds the index.
struct VocabularyFile {
    description: String,
    groups: Vec<Group>,
    services: Vec<Service>,
}

json_object!(VocabularyFile { description: req, groups: req, services: req });

impl Vocabulary {
    pub fn from_json(origin: &str, text: &str) -> Result<Vocabulary, Error> {
        let file: VocabularyFile = crate::json::parse(origin, text)?;
        let bad = |at, rule, value: &str| Err(Error::at(origin, at, ErrorKind::data(rule, vec![("value", value.into())])));
        let mut group_ids: Vec<&str> = Vec::new();
        for (i, g) in file.groups.iter().enumerate() {
            if !is_name(&g.id) || group_ids.contains(&g.id.as_str()) {
                return bad(at!["groups", i, "id"], "\"{value}\": a group id is lowercase letters and underscores, listed once", &g.id);
            }
            group_ids.push(&g.id);
        }
        let mut index = SortedMap::new();
        for (i, s) in file.services.iter().enumerate() {
            if !is_name(&s.id) {
                return bad(at!["services", i, "id"], "\"{value}\": a service id is lowercase letters, digits and underscores", &s.id);
            }
            if index.insert(s.id.clone(), i).is_some() {
                return Err(Error::at(origin, at!["services", i, "id"], ErrorKind::listed_twice(&s.id)));
            }
            if !group_ids.contains(&s.group.as_str()) {
                return bad(at!["services", i, "group"], "\"{value}\" is not one of the groups", &s.group);
            }
            for (lang, text) in [("en", &s.label.en), ("es", &s.label.es)] {
                if text.trim().is_empty() {
                    return Err(Error::at(origin, at!["services", i, "label", lang], ErrorKind::data("a service needs a label in each language", vec![])));
                }
            }
        }
        Ok(Vocabulary { description: file.description, groups: file.groups, services: file.services, index })
    }

    pub fn service(&self, id: &str) -> Option<&Service> {
        self.index.get(id).and_then(|&i| self.services.get(i))
    }

    /// The contract ids: every plan prices them.
    pub fn in_every_plan(&self) -> impl Iterator<Item = &Service> {
        self.services.iter().filter(|s| s.in_every_plan)
    }
}

/// The vocabulary's file name in a data folder.
pub const SERVICES_FILE: &str = "services.json";

/// Lowercase letters, digits and underscores, 1 to 80 of them.
pub fn is_name(s: &str) -> bool {
    !s.is_empty() && s.len() <= 80 && s.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_services_file_reads_and_is_checked() {
        let v = Vocabulary::from_json(SERVICES_FILE, crate::builtin::SERVICES).unwrap();
        assert_eq!(v.service("inpatient_stay").map(|s| s.unit), Some(Unit::Admission));
        assert!(v.service("nope").is_none());
        assert!(v.in_every_plan().any(|s| s.id == "prenatal_visit"));
        let twice = r#"{"description": "", "groups": [{"id": "a", "label": {"en": "A", "es": "A"}}],
            "services": [{"id": "x", "group": "a", "unit": "visit", "label": {"en": "X", "es": "X"}},
                         {"id": "x", "group": "a", "unit": "visit", "label": {"en": "X", "es": "X"}}]}"#;
        let e = Vocabulary::from_json("t", twice).unwrap_err();
        assert_eq!((e.field().as_str(), e.code()), ("services[1].id", crate::error::Code::DuplicateId));
        let e = Vocabulary::from_json("t", &twice.replace("\"group\": \"a\", \"unit\": \"visit\", \"label\": {\"en\": \"X\", \"es\": \"X\"}},\n", "\"group\": \"b\", \"unit\": \"visit\", \"label\": {\"en\": \"X\", \"es\": \"X\"}},\n")).unwrap_err();
        assert_eq!(e.field(), "services[0].group");
    }

    #[test]
    fn household_enrollment() {
        assert_eq!(EnrollmentType::for_household(1), EnrollmentType::SelfOnly);
        assert_eq!(EnrollmentType::for_household(2), EnrollmentType::SelfPlusOne);
        assert_eq!(EnrollmentType::for_household(5), EnrollmentType::SelfAndFamily);
        assert!(EnrollmentType::SelfAndFamily.covers(2) && !EnrollmentType::SelfOnly.covers(2));
    }
}
