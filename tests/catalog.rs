//! Health of the built-in catalog as a whole: the contract's plan ids exist, every plan
//! loads, and every service of every plan has a typical price for the page to prefill.

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
    let mut missing = Vec::new();
    for plan in c.plans() {
        for id in plan.services.keys() {
            if !prices.prices.contains_key(id) {
                missing.push(format!("{} {id}", plan.id));
            }
        }
    }
    assert!(missing.is_empty(), "no typical price for: {}", missing.join(", "));
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
