//! Comparing options for one household: ranking, worst case, and cost curves that agree with
//! the engine's own estimates (the chart and the worded crossings are drawn from these).

use costshare::compare::{compare, cost_curves, CostCurves};
use costshare::scenario::ServiceUse;
use costshare::{estimate, Catalog, Estimate, Money, Scenario};
use rust_decimal::{Decimal, RoundingStrategy};

fn catalog() -> Catalog {
    Catalog::load_dir(&Catalog::builtin_data_dir()).unwrap()
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn money(s: &str) -> Money {
    Money::parse(s).unwrap()
}

const COLORADO: &[&str] = &["kp-co-fehb-2022-high", "kp-co-fehb-2022-standard", "kp-co-fehb-2022-prosper"];

/// Three primary care visits at $150, one person aged 40, self only, paid biweekly.
fn three_primary_care_visits() -> Scenario {
    Scenario::from_json(
        r#"{"plan":"kp-co-fehb-2022-standard","enrollment":"self_only","pay_schedule":"biweekly",
            "members":[{"id":"you","age":40}],
            "services":[{"member":"you","service":"primary_care_visit","count":3,"allowed":"150.00"}]}"#,
    )
    .unwrap()
}

#[test]
fn a_light_year_for_one_person_ranks_prosper_first() {
    // Hand-computed: three primary care visits at $150, self only, biweekly.
    //   High:     3 × $20 = $60;  premium 111.86 × 26 = 2,908.36; total 2,968.36 (brochure L919, L3838)
    //   Standard: 3 × $30 = $90;  premium  76.06 × 26 = 1,977.56; total 2,067.56 (L925, L3841)
    //   Prosper:  3 × $10 = $30;  premium  45.02 × 26 = 1,170.52; total 1,200.52 (L931, L3856)
    let s = three_primary_care_visits();
    let c = compare(&catalog(), &s, &ids(COLORADO)).unwrap();
    let got: Vec<(&str, String, Option<usize>)> = c
        .options
        .iter()
        .map(|o| (o.plan.as_str(), o.estimate.as_ref().unwrap().total_annual_cost.to_string(), o.rank))
        .collect();
    assert_eq!(
        got,
        vec![
            ("kp-co-fehb-2022-prosper", "1200.52".to_string(), Some(1)),
            ("kp-co-fehb-2022-standard", "2067.56".to_string(), Some(2)),
            ("kp-co-fehb-2022-high", "2968.36".to_string(), Some(3)),
        ]
    );
    assert_eq!(c.cheapest.as_deref(), Some("kp-co-fehb-2022-prosper"));
    assert!(c.options[0].cheapest && !c.options[1].cheapest);
    // Worst case, self only: premium + the individual maximum.
    let w = |i: usize| c.options[i].worst_case.as_ref().unwrap().total.to_string();
    assert_eq!(w(0), "8170.52"); // 1,170.52 + 7,000
    assert_eq!(w(1), "7477.56"); // 1,977.56 + 5,500
    assert_eq!(w(2), "6908.36"); // 2,908.36 + 4,000
}

#[test]
fn family_worst_case_uses_the_family_maximum_and_lists_what_is_never_capped() {
    let s = Scenario::from_json(
        r#"{"plan":"kp-ga-fehb-2022-high","enrollment":"self_and_family","pay_schedule":"monthly",
            "members":[{"id":"a","age":40},{"id":"b","age":38},{"id":"c","age":8}],
            "services":[{"member":"c","service":"primary_care_visit","allowed":"150.00"}]}"#,
    )
    .unwrap();
    let c = compare(&catalog(), &s, &ids(&["kp-ga-fehb-2022-high"])).unwrap();
    let w = c.options[0].worst_case.as_ref().unwrap();
    // Georgia High, self and family, monthly 495.62 × 12 = 5,947.44; family maximum $8,000 (L753).
    assert_eq!(w.premium_annual, money("5947.44"));
    assert_eq!(w.out_of_pocket_limit, money("8000.00"));
    assert_eq!(w.total, money("13947.44"));
    assert!(w.not_limited.iter().any(|id| id == "chiropractic_visit"), "{:?}", w.not_limited);
    let statement = costshare::words::worst_case_statement(w, catalog().vocabulary());
    assert!(statement.contains("$13,947.44") && statement.contains("Chiropractic visit"), "{statement}");
}

#[test]
fn options_that_cannot_price_the_care_are_reported_not_fatal() {
    // eyewear exists only in the Fresno plans.
    let s = Scenario::from_json(
        r#"{"plan":"kp-ncal-fresno-2025-sa-low","members":[{"id":"you","age":70}],
            "services":[{"member":"you","service":"eyewear","allowed":"100.00"}]}"#,
    )
    .unwrap();
    let c = compare(&catalog(), &s, &ids(&["kp-ncal-fresno-2025-sa-low", "kp-co-fehb-2022-high"])).unwrap();
    assert_eq!(c.options[0].plan, "kp-ncal-fresno-2025-sa-low");
    assert_eq!(c.options[0].rank, Some(1));
    let fault = c.options[1].error.as_ref().unwrap();
    assert!(fault.message().contains("unknown service"), "{fault:?}");
    assert_eq!((fault.code().as_str(), fault.field().as_str()), ("unknown_service", "services[0].service"));
    assert_eq!(c.options[1].rank, None);
}

#[test]
fn unknown_or_repeated_plans_are_refused() {
    let s = Scenario::from_json(r#"{"plan":"kp-co-fehb-2022-high","enrollment":"self_only","members":[{"id":"a","age":3}]}"#).unwrap();
    let e = compare(&catalog(), &s, &ids(&["kp-co-fehb-2022-high", "nope"])).unwrap_err().to_string();
    assert!(e.contains("plans[1]") && e.contains("unknown plan"), "{e}");
    let e = compare(&catalog(), &s, &ids(&["kp-co-fehb-2022-high", "kp-co-fehb-2022-high"])).unwrap_err().to_string();
    assert!(e.contains("listed twice"), "{e}");
    let e = compare(&catalog(), &s, &[]).unwrap_err().to_string();
    assert!(e.contains("at least one"), "{e}");
}

fn family_year() -> Scenario {
    Scenario::from_json(
        r#"{"plan":"kp-co-fehb-2022-standard","enrollment":"self_and_family","pay_schedule":"biweekly",
            "members":[{"id":"you","age":45},{"id":"partner","age":43},{"id":"kid","age":9}],
            "services":[
              {"member":"you","service":"specialist_visit","count":4},
              {"member":"you","service":"advanced_imaging"},
              {"member":"partner","service":"emergency_room_visit"},
              {"member":"partner","service":"rx_preferred_brand","count":12},
              {"member":"kid","service":"primary_care_visit","count":3},
              {"member":"kid","service":"urgent_care_visit"},
              {"member":"you","service":"inpatient_stay","days":2}
            ]}"#,
    )
    .unwrap()
}

/// `scenario` under `plan` with every use's count multiplied by `scale` and rounded half up (a
/// use rounded to none left out), each allowed amount written out as the comparison does:
/// the household's care at that scale, priced by the engine's own `estimate`.
fn at_scale(c: &Catalog, s: &Scenario, plan: &str, scale: Decimal) -> Estimate {
    let mut s = s.clone();
    s.plan = plan.to_string();
    s.services = s
        .services
        .iter()
        .filter_map(|u| {
            let count = (Decimal::from(u.count.unwrap_or(1)) * scale).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
            let count = u32::try_from(count.mantissa()).unwrap();
            let allowed = u.allowed.unwrap_or_else(|| c.prices().unwrap().allowed_for(&u.service, u.days.unwrap_or(1), u.days_supply.unwrap_or(30)).unwrap());
            (count > 0).then(|| ServiceUse { count: Some(count), allowed: Some(allowed), ..u.clone() })
        })
        .collect();
    estimate(c, &s).unwrap_or_else(|e| panic!("{plan} at scale {scale}: {e}"))
}

fn total(c: &Catalog, s: &Scenario, plan: &str, scale: Decimal) -> Money {
    at_scale(c, s, plan, scale).total_annual_cost
}

/// Checks every vertex of every curve against the engine (all of them, or every `step`-th),
/// and that a complete curve is straight between vertices, to its tolerance, at the scale
/// halfway between them.
fn check_curves(c: &Catalog, s: &Scenario, plans: &[&str], step: usize) -> CostCurves {
    let curves = cost_curves(c, s, &ids(plans)).unwrap();
    assert_eq!(curves.curves.len(), plans.len());
    let own = compare(c, s, &ids(plans)).unwrap();
    for curve in &curves.curves {
        assert!(curve.complete, "{} was not fully refined", curve.plan);
        assert!(curve.points.len() >= 3, "{} has too few vertices to show a bend", curve.plan);
        let first = curve.points[0];
        assert_eq!((first.spending, first.scale.value()), (Money::ZERO, Decimal::ZERO));
        assert_eq!(curve.points.last().unwrap().spending, curves.spending_max);
        for w in curve.points.windows(2) {
            assert!(w[0].scale < w[1].scale);
            assert!(w[0].spending <= w[1].spending, "more care never costs less");
            assert!(w[0].total_annual_cost <= w[1].total_annual_cost, "more care never costs less");
        }
        // The household's own care is a vertex, and its total is the option's estimate.
        let mine = curve.points.iter().find(|p| p.scale.value() == Decimal::ONE).expect("the household's own care is a vertex");
        assert_eq!(mine.spending, curves.spending);
        let option = own.options.iter().find(|o| o.plan == curve.plan).unwrap();
        assert_eq!(mine.total_annual_cost, option.estimate.as_ref().unwrap().total_annual_cost);
        for (i, p) in curve.points.iter().enumerate() {
            if i % step != 0 && i + 1 != curve.points.len() && p.scale.value() != Decimal::ONE {
                continue;
            }
            let e = at_scale(c, s, &curve.plan, p.scale.value());
            assert_eq!(p.total_annual_cost, e.total_annual_cost, "{} at scale {}", curve.plan, p.scale.value());
            assert_eq!(p.spending, e.allowed_total, "{} at scale {}", curve.plan, p.scale.value());
        }
        if step > 1 {
            continue;
        }
        for w in curve.points.windows(2) {
            let halfway = (w[0].scale.value() + w[1].scale.value()) / Decimal::TWO;
            let e = at_scale(c, s, &curve.plan, halfway);
            let (sa, sb, sm) = (w[0].spending.value(), w[1].spending.value(), e.allowed_total.value());
            let (ta, tb, tm) = (w[0].total_annual_cost.value(), w[1].total_annual_cost.value(), e.total_annual_cost.value());
            let off = if sb == sa { (tm - ta).abs().max((tm - tb).abs()) } else { (tm - ta - (tb - ta) * (sm - sa) / (sb - sa)).abs() };
            assert!(off <= curves.tolerance.value(), "{} bends between scales {} and {}: {off} off the line", curve.plan, w[0].scale.value(), w[1].scale.value());
        }
    }
    curves
}

#[test]
fn every_curve_vertex_is_the_engine_estimate_of_the_care_at_that_scale() {
    let c = catalog();
    check_curves(&c, &family_year(), COLORADO, 1);
}

#[test]
fn copay_plans_show_their_slope() {
    // Three primary care visits, self only: scaling the number of visits, each costs its copay
    // (High $20, Standard $30, Prosper $10), whatever the price of a visit.
    let s = three_primary_care_visits();
    let c = catalog();
    let curves = check_curves(&c, &s, COLORADO, 1);
    for (plan, copay) in [("kp-co-fehb-2022-high", "20.00"), ("kp-co-fehb-2022-standard", "30.00"), ("kp-co-fehb-2022-prosper", "10.00")] {
        let curve = curves.curves.iter().find(|cv| cv.plan == plan).unwrap();
        let at = |scale: Decimal| curve.points.iter().find(|p| p.scale.value() == scale).unwrap();
        let (none, own) = (at(Decimal::ZERO), at(Decimal::ONE));
        assert_eq!(own.total_annual_cost.value() - none.total_annual_cost.value(), money(copay).value() * Decimal::from(3), "{plan}");
        assert!(curve.points.last().unwrap().total_annual_cost > own.total_annual_cost, "{plan} keeps rising with more visits");
    }
}

#[test]
fn crossings_are_where_the_cheapest_option_changes() {
    let c = catalog();
    let s = family_year();
    let curves = cost_curves(&c, &s, &ids(COLORADO)).unwrap();
    assert!(!curves.crossings.is_empty(), "premium-light Prosper should lose its lead as care grows");
    let cheapest = |scale: Decimal| -> String {
        let mut best: Option<(&str, Money)> = None;
        for plan in COLORADO {
            let t = total(&c, &s, plan, scale);
            if best.map_or(true, |(_, b)| t < b) {
                best = Some((plan, t));
            }
        }
        best.unwrap().0.to_string()
    };
    for x in &curves.crossings {
        let statement = costshare::words::crossing_statement(&curves, &x.cheaper_below, &x.cheaper_above, x.spending);
        assert!(x.scale_below < x.scale, "{statement}");
        assert_eq!(cheapest(x.scale_below.value()), x.cheaper_below, "{statement}");
        assert_eq!(cheapest(x.scale.value()), x.cheaper_above, "{statement}");
        let spending = at_scale(&c, &s, &x.cheaper_above, x.scale.value()).allowed_total;
        assert_eq!(x.spending.value(), spending.value().round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero), "{statement}");
        assert!(statement.contains("is cheaper until about $"), "{statement}");
        // Located to neighbouring amounts of care: halfway between the two scales, the care is
        // one of the two.
        let halfway = (x.scale_below.value() + x.scale.value()) / Decimal::TWO;
        let mid = at_scale(&c, &s, &x.cheaper_above, halfway).allowed_total;
        let below = at_scale(&c, &s, &x.cheaper_above, x.scale_below.value()).allowed_total;
        assert!(mid == below || mid == spending, "{statement}");
    }
    // Between crossings the cheapest option stays the same: at every vertex and halfway
    // between vertices, it is the one the crossings say.
    let points = &curves.curves[0].points;
    let mut scales: Vec<Decimal> = points.iter().map(|p| p.scale.value()).collect();
    scales.extend(points.windows(2).map(|w| (w[0].scale.value() + w[1].scale.value()) / Decimal::TWO));
    for scale in scales {
        let expected = curves
            .crossings
            .iter()
            .rfind(|x| x.scale.value() <= scale)
            .map_or_else(|| curves.crossings[0].cheaper_below.clone(), |x| x.cheaper_above.clone());
        assert_eq!(cheapest(scale), expected, "at scale {scale}");
    }
}

fn bench_scenario(name: &str) -> Scenario {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/scenarios").join(name);
    Scenario::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn a_family_of_five_with_5000_claims_gets_curves_from_the_engine() {
    let c = catalog();
    let s = bench_scenario("family-5x1000.json");
    let curves = check_curves(&c, &s, COLORADO, 7);
    // The most care stays within the scenario limits (every vertex was estimated above).
    assert!(curves.spending_max > curves.spending);
}

#[test]
fn the_worst_legal_input_is_compared_without_lines() {
    // 20 people, each with 1,000 stays of 366 days: the curves stop at the household's own
    // care, since no use may be counted more than 1,000 times.
    let c = catalog();
    let s = bench_scenario("worst-legal.json");
    let compared = compare(&c, &s, &ids(COLORADO)).unwrap();
    let json = serde_json::to_value(&compared).unwrap();
    assert!(json["options"][0]["estimate"].get("lines").is_none(), "a comparison's options carry no lines");
    assert_eq!(json["options"][0]["estimate"]["services"].as_array().unwrap().len(), 20);
    let curves = check_curves(&c, &s, COLORADO, 10);
    assert_eq!(curves.spending_max, curves.spending);
}

#[test]
fn worst_case_and_ranking_use_the_members_share_of_the_premium() {
    // Self only, biweekly, one primary care visit at $150 (brochure L919/L925/L931).
    // An employer paying 90% of each option's whole premium (rate rows L3838, L3841, L3856:
    // Gov't + Your share biweekly), rounded to the cent per period:
    //   High:     gross 244.86 + 111.86 = 356.72; 90% = 321.048 -> 321.05; share 35.67 x 26 =   927.42
    //   Standard: gross 228.17 +  76.06 = 304.23; 90% = 273.807 -> 273.81; share 30.42 x 26 =   790.92
    //   Prosper:  gross 135.05 +  45.02 = 180.07; 90% = 162.063 -> 162.06; share 18.01 x 26 =   468.26
    // Worst cases: 927.42 + 4,000 = 4,927.42; 790.92 + 5,500 = 6,290.92; 468.26 + 7,000 = 7,468.26.
    // Totals: 927.42 + 20 = 947.42; 790.92 + 30 = 820.92; 468.26 + 10 = 478.26.
    let s = Scenario::from_json(
        r#"{"plan":"kp-co-fehb-2022-standard","enrollment":"self_only","pay_schedule":"biweekly",
            "employer_contribution":{"percent":"90"},
            "members":[{"id":"you","age":40}],
            "services":[{"member":"you","service":"primary_care_visit","allowed":"150.00"}]}"#,
    )
    .unwrap();
    let c = compare(&catalog(), &s, &ids(COLORADO)).unwrap();
    let got: Vec<(&str, String, String, String)> = c
        .options
        .iter()
        .map(|o| {
            let e = o.estimate.as_ref().unwrap();
            let w = o.worst_case.as_ref().unwrap();
            (o.plan.as_str(), e.total_annual_cost.to_string(), w.premium_annual.to_string(), w.total.to_string())
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("kp-co-fehb-2022-prosper", "478.26".into(), "468.26".into(), "7468.26".into()),
            ("kp-co-fehb-2022-standard", "820.92".into(), "790.92".into(), "6290.92".into()),
            ("kp-co-fehb-2022-high", "947.42".into(), "927.42".into(), "4927.42".into()),
        ]
    );
    let high = c.options[2].estimate.as_ref().unwrap();
    assert_eq!((high.premium_gross_annual, high.contribution_annual), (money("9274.72"), money("8347.30")));
}

const FRESNO: &[&str] = &["kp-ncal-fresno-2025-sa-high-high", "kp-ncal-fresno-2025-sa-low", "kp-ncal-fresno-2025-traditional"];

fn fresno_couple(medicare: &str, ages: (u32, u32)) -> Scenario {
    let text = format!(
        r#"{{"plan":"kp-ncal-fresno-2025-sa-low","members":[{{"id":"you","age":{},"medicare":"{medicare}"}},{{"id":"spouse","age":{},"medicare":"{medicare}"}}],"services":[]}}"#,
        ages.0, ages.1
    );
    Scenario::from_json(&text).unwrap()
}

#[test]
fn the_county_of_fresnos_three_options_are_one_offer_ranked_together_for_a_medicare_couple() {
    // A retiree couple of 70 and 68 with Medicare Parts A and B, no care: the default list is
    // the offer's three options, and the couple may take each (002, the rate tables):
    //   Senior Advantage Low: subscriber and 1st dependent $270.41 a month each (L1526-1527):
    //     2 × 270.41 × 12 = 6,489.84
    //   Senior Advantage High-High: $341.24 each (L1511-1512): 2 × 341.24 × 12 = 8,189.76
    //   Traditional, "Members age 65 and over who are eligible for or have Medicare Parts A&B"
    //     (L1478): $1,607.02 each (L1480-1481): 2 × 1,607.02 × 12 = 38,568.48
    let c = catalog();
    let s = fresno_couple("parts_a_and_b", (70, 68));
    let listed = c.options_for(&s.plan, None);
    assert_eq!(listed, ids(FRESNO));
    let got = compare(&c, &s, &listed).unwrap();
    let ranked: Vec<(&str, String, Option<usize>)> =
        got.options.iter().map(|o| (o.plan.as_str(), o.estimate.as_ref().unwrap().total_annual_cost.to_string(), o.rank)).collect();
    assert_eq!(
        ranked,
        [
            ("kp-ncal-fresno-2025-sa-low", "6489.84".to_string(), Some(1)),
            ("kp-ncal-fresno-2025-sa-high-high", "8189.76".to_string(), Some(2)),
            ("kp-ncal-fresno-2025-traditional", "38568.48".to_string(), Some(3)),
        ]
    );
    assert!(got.options.iter().all(|o| o.closed.is_none() && o.error.is_none()));
}

#[test]
fn an_option_the_household_may_not_take_is_listed_closed_with_its_line_and_not_priced() {
    // A couple of 60 and 58 without Medicare: Senior Advantage requires Part B ("You must have
    // Medicare Part B", 002 L7487 for High-High, L13851 for Low), so both are closed; the
    // Traditional HMO prices "Members under age 65 who are not eligible for Medicare":
    // subscriber $1,677.13, spouse $1,408.79 (L1412-1413): (1,677.13 + 1,408.79) × 12 = 37,031.04.
    let c = catalog();
    let s = fresno_couple("none", (60, 58));
    let got = compare(&c, &s, &ids(FRESNO)).unwrap();
    assert_eq!(got.options[0].plan, "kp-ncal-fresno-2025-traditional");
    assert_eq!(got.options[0].estimate.as_ref().unwrap().total_annual_cost, money("37031.04"));
    assert_eq!(got.cheapest.as_deref(), Some("kp-ncal-fresno-2025-traditional"));
    let closed: Vec<(&str, &str, String, Option<u32>)> = got.options[1..]
        .iter()
        .map(|o| {
            assert!(o.estimate.is_none() && o.rank.is_none() && o.error.is_none());
            let why = o.closed.as_ref().expect("closed");
            (o.plan.as_str(), why.reason.code().as_str(), why.reason.field(), why.source.as_ref().map(|s| s.line))
        })
        .collect();
    assert_eq!(
        closed,
        [
            ("kp-ncal-fresno-2025-sa-high-high", "medicare_part_b_required", "members[0].medicare".to_string(), Some(7487)),
            ("kp-ncal-fresno-2025-sa-low", "medicare_part_b_required", "members[0].medicare".to_string(), Some(13851)),
        ]
    );
}
