//! Health of the built-in catalog as a whole: the contract's plan ids exist, every plan
//! loads, every service of the vocabulary has a typical price for the page to prefill, and
//! the vocabulary is the one list the plans, prices and presets use.

use costshare::Catalog;

const CONTRACT_PLAN_IDS: &[&str] = &[
    "kp-co-fehb-2022-high",
    "kp-co-fehb-2022-standard",
    "kp-co-fehb-2022-prosper",
    "kp-ga-fehb-2022-high",
    "kp-ga-fehb-2022-standard",
    "kp-ga-fehb-2022-prosper",
    "kp-ncal-fresno-2025-traditional",
    "kp-ncal-fresno-2025-sa-high-high",
    "kp-ncal-fresno-2025-sa-low",
];

fn catalog() -> Catalog {
    Catalog::load_dir(&Catalog::builtin_data_dir()).unwrap_or_else(|e| panic!("the built-in catalog does not load: {e}"))
}

#[test]
fn every_contract_plan_id_is_in_the_catalog() {
    let c = catalog();
    let missing: Vec<_> = CONTRACT_PLAN_IDS.iter().filter(|id| c.plan(id).is_none()).collect();
    assert!(missing.is_empty(), "missing plans: {missing:?}");
}

#[test]
fn every_service_has_a_typical_price() {
    let c = catalog();
    let prices = c.prices().expect("data/typical-prices.json");
    let missing: Vec<&str> = c.vocabulary().services.iter().map(|s| s.id.as_str()).filter(|id| !prices.prices.contains_key(*id)).collect();
    assert!(missing.is_empty(), "no typical price for: {}", missing.join(", "));
}

#[test]
fn every_plan_prices_the_contract_services_and_only_known_ones() {
    let c = catalog();
    let vocab = c.vocabulary();
    for plan in c.plans() {
        for s in vocab.in_every_plan() {
            assert!(plan.services.contains_key(&s.id), "{} does not price {}", plan.id, s.id);
        }
        for (id, b) in &plan.services {
            let known = vocab.service(id).unwrap_or_else(|| panic!("{}: {id} is not in the vocabulary", plan.id));
            assert_eq!(b.unit, known.unit, "{} {id}: the unit comes from the vocabulary", plan.id);
        }
    }
}

#[test]
fn a_plan_with_a_service_outside_the_vocabulary_is_refused() {
    let text = std::fs::read_to_string(Catalog::builtin_data_dir().join("plans/kp-co-fehb-2022-high.json")).unwrap();
    let bad = text.replacen("\"acupuncture\":", "\"massage\":", 1);
    let mut c = Catalog::new(costshare::builtin::vocabulary().unwrap());
    let e = c.add_plan_json("bad.json", &bad).unwrap_err();
    assert_eq!((e.field().as_str(), e.code()), ("services.massage", costshare::Code::UnknownService), "{e}");
}

#[test]
fn every_plan_file_is_named_after_its_id() {
    for entry in std::fs::read_dir(Catalog::builtin_data_dir().join("plans")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let plan = costshare::Plan::from_json(&path.display().to_string(), &text).unwrap();
        assert_eq!(path.file_stem().unwrap().to_str().unwrap(), plan.id, "{}", path.display());
    }
}

#[test]
fn every_preset_estimates_on_every_plan() {
    let c = catalog();
    let presets = c.presets().expect("data/usage-presets.json");
    assert!(presets.presets.len() >= 4);
    for name in ["low", "medium", "high", "hospital_stay"] {
        assert!(presets.presets.contains_key(name), "preset {name}");
    }
    for plan in c.plans() {
        for (name, preset) in &presets.presets {
            let services: Vec<_> = preset
                .services
                .iter()
                .map(|u| costshare::scenario::ServiceUse {
                    // Only where the plan can waive an emergency copay.
                    admitted: u.admitted.filter(|_| plan.services.get(&u.service).is_some_and(|b| b.if_admitted.is_some())),
                    ..u.service_use("you".into())
                })
                .collect();
            let s = costshare::Scenario {
                plan: plan.id.clone(),
                enrollment: None,
                pay_schedule: None,
                members: vec![costshare::scenario::Member { id: "you".into(), age: 67, relationship: None, medicare: None, ..Default::default() }],
                services,
                prices: Default::default(),
                employer_contribution: None,
                marginal_tax_rate: None,
                ..Default::default()
            };
            let mut s = s;
            if plan.enrollment_types.len() > 1 {
                s.enrollment = Some(costshare::vocab::EnrollmentType::SelfOnly);
            }
            costshare::estimate(&c, &s).unwrap_or_else(|e| panic!("{name} on {}: {e}", plan.id));
        }
    }
}

/// The CMS coverage example left (SBC template, 2020 and later): its total example cost and the
/// services CMS lists for it, as this project's service ids. "Having a baby" and "Managing
/// diabetes" are the CMS utilization table's rows instead (below; docs/decisions.md 43).
const CMS_EXAMPLES: &[(&str, &str, &[&str])] = &[
    // Emergency room care (with medical supplies); x-ray; DME (crutches); physical therapy.
    ("simple_fracture", "2800.00", &["emergency_room_visit", "xray", "dme_item", "physical_therapy_visit"]),
];

/// A one-member scenario of a preset's care on `plan`, as the census prices it.
fn preset_scenario(plan: &costshare::ValidPlan, preset: &costshare::presets::Preset) -> costshare::Scenario {
    costshare::Scenario {
        plan: plan.id.clone(),
        enrollment: plan.enrollment_types.iter().copied().find(|e| e.covers(1)),
        pay_schedule: None,
        members: vec![costshare::scenario::Member { id: "you".into(), age: 67, relationship: None, medicare: None, ..Default::default() }],
        services: preset.services.iter().map(|u| costshare::scenario::ServiceUse { admitted: None, ..u.service_use("you".into()) }).collect(),
        prices: Default::default(),
        employer_contribution: None,
        marginal_tax_rate: None,
        ..Default::default()
    }
}

#[test]
fn the_cms_coverage_examples_add_up_to_cms_totals_on_every_plan() {
    let c = catalog();
    let presets = c.presets().expect("data/usage-presets.json");
    for (name, total, services) in CMS_EXAMPLES {
        let preset = presets.presets.get(*name).unwrap_or_else(|| panic!("preset {name}"));
        let total = costshare::Money::parse(total).unwrap();
        // Only the services CMS lists, each with its own per-claim amount, adding up exactly.
        let ids: Vec<&str> = preset.services.iter().map(|u| u.service.as_str()).collect();
        assert_eq!(&ids, services, "{name}: the services CMS lists");
        assert!(preset.services.iter().all(|u| u.allowed.is_some()), "{name}: every use gives its allowed amount");
        assert_eq!(preset.allowed_sum(), Some(total), "{name}: the per-claim amounts add up to CMS's total");
        assert_eq!(preset.total_allowed, Some(total), "{name}: total_allowed");
        assert!(!preset.illustrative, "{name}: follows a published example");
        assert!(preset.source.contains("own choice"), "{name}: says which split is the project's own choice");
        for (lang, text) in [("en", &preset.description.en), ("es", &preset.description.es)] {
            assert!(text.contains(&costshare::words::whole_dollars(total)), "{name}.description.{lang}: names CMS's total: {text}");
        }
        // The same total allowed under every plan (the engine prices what the preset gives).
        for plan in c.plans() {
            let e = costshare::estimate(&c, &preset_scenario(plan, preset)).unwrap_or_else(|e| panic!("{name} on {}: {e}", plan.id));
            assert_eq!(e.allowed_total, total, "{name} on {}", plan.id);
        }
    }
    assert!(presets.presets.get("hospital_stay").is_some_and(|p| p.illustrative), "hospital_stay is labelled illustrative");
}

/// The typical years are the CMS table's rows for the person's own age group, the mean of both
/// sexes, at deciles 3, 5.5 and 9 (docs/decisions.md 46): the same claims as data/cms-years.json's
/// `both <group> <decile>`, resolved by age (65 and over: the oldest group, 55+), each labelled
/// with the table, the age group and the decile in both languages.
#[test]
fn the_typical_years_are_the_cms_tables_rows_for_the_persons_age() {
    let c = catalog();
    let presets = c.presets().expect("data/usage-presets.json");
    let years = c.cms_years().expect("data/cms-years.json");
    assert_eq!(presets.cms_rows.len(), 21, "7 age groups × 3 deciles");
    let groups = [(0, "0-5"), (5, "0-5"), (6, "6-17"), (17, "6-17"), (18, "18-25"), (26, "26-34"), (35, "35-44"), (44, "35-44"), (45, "45-54"), (55, "55+"), (64, "55+"), (65, "55+"), (120, "55+")];
    for (name, decile) in [("low", "3"), ("medium", "5.5"), ("high", "9")] {
        let preset = presets.presets.get(name).unwrap();
        assert!(preset.services.is_empty() && !preset.illustrative, "{name}");
        assert_eq!(preset.cms_decile.map(|l| l.as_str()), Some(decile), "{name}");
        for (age, group) in groups {
            let key = format!("both {group} {decile}");
            let row = presets.for_age(name, age).unwrap_or_else(|| panic!("{name} at {age}"));
            let want = years.presets.get(&key).unwrap();
            assert_eq!((&row.services, row.total_allowed), (&want.services, want.total_allowed), "{name} at {age}: {key}");
            assert_eq!(row.allowed_sum(), row.total_allowed, "{key}");
            let who = if group == "55+" { "55" } else { group };
            for (lang, label) in [("en", &row.label.en), ("es", &row.label.es)] {
                assert!(label.contains("CMS 2014") && label.contains(who) && label.contains(&format!(" {decile})")), "{key}.label.{lang}: {label}");
            }
        }
    }
    // The example of the task: a middle year at 35-44 is $1,378.90 of care.
    assert_eq!(presets.for_age("medium", 38).unwrap().label.en, "A middle year for someone 35-44 (CMS 2014, decile 5.5)");
    assert_eq!(presets.for_age("medium", 38).unwrap().total_allowed, Some(costshare::Money::parse("1378.90").unwrap()));
    // Every row estimates on every plan, with its allowed total.
    for plan in c.plans() {
        for (key, row) in &presets.cms_rows {
            let e = costshare::estimate(&c, &preset_scenario(plan, row)).unwrap_or_else(|e| panic!("{key} on {}: {e}", plan.id));
            assert_eq!(Some(e.allowed_total), row.total_allowed, "{key} on {}", plan.id);
        }
    }
}

/// The built-in usage presets with `from` replaced by `to` (which must change the text), read
/// as the engine reads them: the error it refuses them with.
fn presets_refused(from: &str, to: &str) -> costshare::Error {
    let text = std::fs::read_to_string(Catalog::builtin_data_dir().join("usage-presets.json")).unwrap();
    let bad = text.replacen(from, to, 1);
    assert_ne!(bad, text, "test setup: {from} not in usage-presets.json");
    costshare::presets::Presets::from_json("usage-presets.json", &bad, &costshare::builtin::vocabulary().unwrap()).unwrap_err()
}

#[test]
fn a_typical_year_without_its_age_groups_rows_is_refused() {
    let e = presets_refused("\"both 0-5 5.5\"", "\"both 0-5 5.4\"");
    assert!(e.field() == "cms_rows" && e.to_string().contains("both 0-5 5.5"), "{e}");
    let e = presets_refused("\"cms_decile\": \"9\"", "\"cms_decile\": \"maternity\"");
    assert_eq!(e.field(), "presets.high.cms_decile", "{e}");
}

/// "Having a baby" and "Managing diabetes" are the CMS table's Maternity and Diabetes rows: the
/// same claims as data/cms-years.json's, the table's annual cost (Maternity $7,140.27, Diabetes
/// $5,410.63: data/cms-utilization.json), and they say so in both languages, with the prices'
/// year and the total (docs/decisions.md 43).
#[test]
fn having_a_baby_and_managing_diabetes_are_the_cms_tables_rows() {
    let c = catalog();
    let presets = c.presets().expect("data/usage-presets.json");
    let years = c.cms_years().expect("data/cms-years.json");
    for (name, row, total) in [("having_a_baby", "maternity", "7140.27"), ("managing_diabetes", "diabetes", "5410.63")] {
        let preset = presets.presets.get(name).unwrap_or_else(|| panic!("preset {name}"));
        let row = years.presets.get(row).unwrap_or_else(|| panic!("row {row}"));
        let total = costshare::Money::parse(total).unwrap();
        assert_eq!(preset.services, row.services, "{name}: the row's claims");
        assert_eq!((preset.total_allowed, preset.allowed_sum()), (Some(total), Some(total)), "{name}");
        assert!(!preset.illustrative);
        for (lang, label, text) in [("en", &preset.label.en, &preset.description.en), ("es", &preset.label.es, &preset.description.es)] {
            assert!(label.contains("CMS") && label.matches("2014").count() == 2, "{name}.label.{lang}: the table and its prices' year: {label}");
            assert!(text.contains(&total.dollars()) && text.contains("2014"), "{name}.description.{lang}: {text}");
        }
        for plan in c.plans() {
            let e = costshare::estimate(&c, &preset_scenario(plan, preset)).unwrap_or_else(|e| panic!("{name} on {}: {e}", plan.id));
            assert_eq!(e.allowed_total, total, "{name} on {}", plan.id);
        }
    }
}

#[test]
fn a_preset_whose_amounts_miss_its_total_is_refused() {
    let e = presets_refused("\"total_allowed\": \"7140.27\"", "\"total_allowed\": \"7140.28\"");
    assert_eq!(e.field(), "presets.having_a_baby.total_allowed", "{e}");
    let e = presets_refused("\"allowed\": \"4471.44\",", "");
    assert!(e.field().starts_with("presets.having_a_baby.services[") && e.field().ends_with("].allowed"), "{e}");
}

#[test]
fn a_preset_with_an_unknown_service_is_refused() {
    let e = presets_refused("\"preventive_visit\"", "\"massage\"").to_string();
    assert!(e.contains(".service") && e.contains("massage"), "{e}");
}

/// docs/domain.md, "The Medicare Prescription Payment Plan": each year's Medicare figures are
/// data (`data/medicare-years.json`). Every plan with Part D is of a year the file has, and its
/// own Part D limit (from its document) is that year's threshold.
#[test]
fn every_part_d_plan_agrees_with_its_years_medicare_figures() {
    let c = catalog();
    let mut seen = 0;
    for plan in c.plans().filter(|p| p.part_d_out_of_pocket_max.is_some()) {
        let part_d = c.medicare_years().part_d(plan.year, "test", costshare::error::ErrorPath::ROOT).unwrap_or_else(|e| panic!("{}: {e}", plan.id));
        let limit = plan.part_d_out_of_pocket_max.as_ref().unwrap();
        assert_eq!(limit.individual, part_d.out_of_pocket_threshold.amount, "{}: the plan's Part D limit and {}'s threshold", plan.id, plan.year);
        assert_eq!(limit.family, None, "{}: the Part D limit is per member", plan.id);
        seen += 1;
    }
    assert_eq!(seen, 2, "the two Senior Advantage plans have Part D");
}

#[test]
fn a_part_d_plan_of_a_year_without_medicare_figures_is_refused_naming_the_year() {
    let text = std::fs::read_to_string(Catalog::builtin_data_dir().join("plans/kp-ncal-fresno-2025-sa-low.json")).unwrap();
    let old = text.replacen("\"year\": 2025", "\"year\": 2024", 1);
    assert_ne!(old, text);
    let mut c = Catalog::new(costshare::builtin::vocabulary().unwrap());
    let e = c.add_plan_json("old.json", &old).unwrap_err();
    assert_eq!((e.field().as_str(), e.code()), ("year", costshare::Code::UnknownValue), "{e}");
    assert!(e.message().contains("2024"), "{e}");
    // A plan without Part D needs no Medicare figures.
    let traditional = std::fs::read_to_string(Catalog::builtin_data_dir().join("plans/kp-ncal-fresno-2025-traditional.json")).unwrap();
    c.add_plan_json("t.json", &traditional.replacen("\"year\": 2025", "\"year\": 2024", 1)).unwrap();
    // Nor is a year with Part B's premium alone (2022) one with Part D figures.
    let e = c.add_plan_json("old2.json", &text.replacen("\"year\": 2025", "\"year\": 2022", 1)).unwrap_err();
    assert_eq!((e.field().as_str(), e.code()), ("year", costshare::Code::UnknownValue), "{e}");
}
