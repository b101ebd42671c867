//! The kinds of fault. Each kind is made by one constructor below (`ErrorKind::out_of_range(0,
//! 120, 200)`), which takes the values the fault is about and gives the kind its stable code,
//! its English words as a template naming those values (`must be from {min} to {max} (got
//! {value})`), and the values as params. The message is the template filled in from the params,
//! so it can say no value the params do not carry. `docs/plan-format.md` ("Errors") lists the
//! params of every code, and the tests below hold every kind to that list.
//!
//! Longer than most files here (some 720 lines) for a reason: it is one list, a constructor per
//! kind of fault, and its test samples every constructor; split, the list and the check that
//! nothing in it is left unsampled would sit in different files.
//!
//! Why data rather than an enum of variants with a match for each of code, params and words:
//! the three matches and the derived clone of some seventy variants cost the `.wasm` 1.3 KB
//! gzipped more than this, of a budget that had 1.9 KB left (docs/decisions.md 21).

use super::{shown, Code, Param, Params};

/// What a value should have been (`invalid_type`, `wrong_argument`): `params.expected` is its
/// token, the message says it in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Text,
    WholeNumber,
    Boolean,
    List,
    Object,
    Number,
    /// One of these names (`params.allowed`).
    OneOf(&'static [&'static str]),
    /// An object with one key, one of these (`params.allowed`).
    OneKeyOf(&'static [&'static str]),
    Money,
    Percent,
    JsonValue,
    /// A `.wasm` argument: a list of plan ids.
    PlanIds,
    /// A `.wasm` argument: a date written YYYY-MM-DD, or null.
    Date,
    /// A `.wasm` argument: a piece of a census file, its bytes (a `Uint8Array`) or text.
    BytesOrText,
    /// A `.wasm` argument: how a census page is sorted.
    CensusSort,
}

impl Expected {
    /// The token and the words.
    fn said(self) -> (&'static str, &'static str) {
        match self {
            Expected::Text => ("string", "a string"),
            Expected::WholeNumber => ("whole_number", "a whole number from 0 upward"),
            Expected::Boolean => ("boolean", "true or false"),
            Expected::List => ("list", "a list"),
            Expected::Object => ("object", "an object"),
            Expected::Number => ("number", "a number"),
            Expected::OneOf(_) => ("one_of", "one of "),
            Expected::OneKeyOf(_) => ("object_with_one_key", "an object with one key, one of "),
            Expected::Money => ("money", "an amount of dollars written as a string, such as \"120.00\""),
            Expected::Percent => ("percent", "a percentage written as a string, such as \"20\""),
            Expected::JsonValue => ("json_value", "a JSON value"),
            Expected::PlanIds => ("plan_ids", "a list of plan ids"),
            Expected::Date => ("date", "a date written YYYY-MM-DD, or null"),
            Expected::BytesOrText => ("bytes_or_text", "the file's bytes (a Uint8Array) or text"),
            Expected::CensusSort => ("census_sort", "\"file\", \"household\" or a plan's index"),
        }
    }

    /// `expected`, its words (`_expected`) and, for names, `allowed`.
    fn push(self, p: &mut Vec<(&'static str, Param)>) {
        let (token, words) = self.said();
        let mut words = words.to_string();
        if let Expected::OneOf(names) | Expected::OneKeyOf(names) = self {
            words.push_str(&names.join(", "));
            p.push(("allowed", Param::from(names)));
        }
        p.push(("expected", Param::Text(token.into())));
        p.push(("_expected", Param::Text(words)));
    }
}

/// What a value was (`invalid_type`): `params.found` is its token and, for a scalar,
/// `params.value` the value as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    Nothing,
    Null,
    Bool(bool),
    /// A number as written (shortened).
    Number(String),
    /// A string's text (shortened).
    Str(String),
    List,
    Object,
    /// JavaScript values JSON has no word for.
    Undefined,
    Function,
    Symbol,
    BigInt,
    /// A JavaScript property whose getter threw.
    Unreadable,
}

impl Found {
    /// The token, serde's word for it ("string", "sequence", "map"), and a scalar's value.
    fn said(self) -> (&'static str, &'static str, Option<String>) {
        match self {
            Found::Bool(b) => ("boolean", "boolean", Some(b.to_string())),
            Found::Number(n) => ("number", if n.contains(['.', 'e', 'E']) { "floating point" } else { "integer" }, Some(n)),
            Found::Str(s) => ("string", "string", Some(s)),
            Found::List => ("list", "sequence", None),
            Found::Object => ("object", "map", None),
            Found::Nothing => ("nothing", "nothing", None),
            Found::Null => ("null", "null", None),
            Found::Undefined => ("undefined", "undefined", None),
            Found::Function => ("function", "a function", None),
            Found::Symbol => ("symbol", "a symbol", None),
            Found::BigInt => ("bigint", "a BigInt", None),
            Found::Unreadable => ("unreadable", "a value that could not be read (a getter threw)", None),
        }
    }
}

/// What there are too many of (`too_many`): the word after "at most {max}".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Many {
    Items,
    Entries,
    People,
    Plans,
}

/// A kind of fault with its values: its code, its words (a template naming the params) and the
/// params. Made by the constructors below, one per kind of fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorKind {
    code: Code,
    template: &'static str,
    params: Vec<(&'static str, Param)>,
}

/// Text from the input as a param: shortened and escaped.
fn text(t: &str) -> Param {
    Param::Text(shown(t))
}

fn names(list: Vec<&'static str>) -> Param {
    Param::List(list.into_iter().map(str::to_string).collect())
}

impl ErrorKind {
    fn new(code: Code, template: &'static str, params: Vec<(&'static str, Param)>) -> ErrorKind {
        ErrorKind { code, template, params }
    }

    fn valued(code: Code, template: &'static str, value: &str) -> ErrorKind {
        ErrorKind::new(code, template, vec![("value", text(value))])
    }

    pub fn code(&self) -> Code {
        self.code
    }

    /// The values the message names (and, under names beginning with `_`, its own words).
    pub fn params(&self) -> Params {
        Params(self.params.clone())
    }

    /// What is wrong, in plain English: the template filled in from the params.
    pub fn message(&self) -> String {
        Params::fill_with(&self.params, self.template)
    }

    // -- reading JSON (`src/json/`)

    pub fn input_too_large(max: u64) -> ErrorKind {
        ErrorKind::new(Code::InputTooLarge, "input is larger than {max} bytes", vec![("max", max.into())])
    }

    /// Not JSON: what is wrong (`problem`, words) and where.
    pub fn malformed(problem: &'static str, line: u64, column: u64) -> ErrorKind {
        let params = vec![("_problem", Param::Text(problem.into())), ("line", line.into()), ("column", column.into())];
        ErrorKind::new(Code::MalformedJson, "malformed JSON: {_problem} at line {line} column {column}", params)
    }

    pub fn nested_too_deep(max: u64, line: u64, column: u64) -> ErrorKind {
        let params = vec![("max", max.into()), ("line", line.into()), ("column", column.into())];
        ErrorKind::new(Code::MalformedJson, "malformed JSON: nested deeper than {max} levels at line {line} column {column}", params)
    }

    /// A JavaScript value nested too deep, or holding itself.
    pub fn nested_too_deep_or_cycle(max: u64) -> ErrorKind {
        ErrorKind::new(Code::MalformedJson, "nested deeper than {max} levels (or a cycle)", vec![("max", max.into())])
    }

    pub fn not_utf8(byte: u64) -> ErrorKind {
        ErrorKind::new(Code::MalformedJson, "not UTF-8 text (at byte {byte})", vec![("byte", byte.into())])
    }

    pub fn invalid_type(expected: Expected, found: Found) -> ErrorKind {
        let (token, word, value) = found.said();
        let mut params = vec![("found", Param::Text(token.into())), ("_found", Param::Text(word.into()))];
        let template = match value {
            Some(v) => {
                params.push(("value", Param::Text(v)));
                "invalid type: {_found} `{value}`, expected {_expected}"
            }
            None => "invalid type: {_found}, expected {_expected}",
        };
        expected.push(&mut params);
        ErrorKind::new(Code::InvalidType, template, params)
    }

    pub fn unknown_field(name: &str, allowed: Vec<&'static str>) -> ErrorKind {
        let params = vec![("value", text(name)), ("allowed", names(allowed))];
        ErrorKind::new(Code::UnknownField, "unknown field `{value}`, expected one of {allowed}", params)
    }

    pub fn duplicate_field(name: &str) -> ErrorKind {
        ErrorKind::valued(Code::DuplicateField, "duplicate field `{value}`", name)
    }

    pub fn duplicate_key(name: &str) -> ErrorKind {
        ErrorKind::valued(Code::DuplicateField, "duplicate key \"{value}\"", name)
    }

    pub fn missing_field(name: &'static str) -> ErrorKind {
        ErrorKind::new(Code::MissingField, "missing field `{name}`", vec![("name", Param::Text(name.into()))])
    }

    pub fn unknown_value(value: &str, allowed: &'static [&'static str]) -> ErrorKind {
        let params = vec![("value", text(value)), ("allowed", Param::from(allowed))];
        ErrorKind::new(Code::UnknownValue, "unknown value `{value}`, expected one of {allowed}", params)
    }

    pub fn too_many(max: u64, of: Many) -> ErrorKind {
        let template = match of {
            Many::Items => "at most {max} items",
            Many::Entries => "at most {max} entries",
            Many::People => "at most {max} people",
            Many::Plans => "at most {max} plans",
        };
        ErrorKind::new(Code::TooMany, template, vec![("max", max.into())])
    }

    pub fn too_many_claims(max: u64, value: u64) -> ErrorKind {
        ErrorKind::new(Code::TooMany, "at most {max} claims in a year (got {value})", vec![("max", max.into()), ("value", value.into())])
    }

    /// A number that is not a whole number from 0 up (as written).
    pub fn not_whole(value: &str) -> ErrorKind {
        ErrorKind::valued(Code::InvalidNumber, "invalid value: `{value}`, expected a whole number from 0 upward", value)
    }

    /// NaN or Infinity, from JavaScript.
    pub fn not_finite() -> ErrorKind {
        ErrorKind::new(Code::InvalidNumber, "not a number JSON can hold (NaN or Infinity)", vec![])
    }

    /// `value`: a number, or the number's text when it is past 2^64.
    pub fn out_of_range(min: u64, max: u64, value: Param) -> ErrorKind {
        let params = vec![("min", min.into()), ("max", max.into()), ("value", value)];
        ErrorKind::new(Code::OutOfRange, "must be from {min} to {max} (got {value})", params)
    }

    // -- money and percentages (`src/money.rs`); `value` is the text given

    pub fn invalid_money(value: &str) -> ErrorKind {
        ErrorKind::valued(Code::InvalidMoney, "expected an amount of dollars such as \"120.00\" (got \"{value}\")", value)
    }

    pub fn negative_money(value: &str) -> ErrorKind {
        ErrorKind::valued(Code::NegativeMoney, "money cannot be negative (got \"{value}\")", value)
    }

    pub fn money_precision(value: &str) -> ErrorKind {
        ErrorKind::valued(Code::MoneyPrecision, "money has at most two decimal places (got \"{value}\")", value)
    }

    /// `max`: an amount (`Money` makes the param).
    pub fn money_too_large(value: &str, max: Param) -> ErrorKind {
        ErrorKind::new(Code::MoneyTooLarge, "amount is too large: at most {max} (got \"{value}\")", vec![("max", max), ("value", text(value))])
    }

    pub fn money_as_number(value: &str) -> ErrorKind {
        ErrorKind::valued(Code::MoneyAsNumber, "money must be written as a string such as \"120.00\", not as the number {value}", value)
    }

    pub fn invalid_percent(value: &str) -> ErrorKind {
        let params = vec![("min", 0u64.into()), ("max", 100u64.into()), ("value", text(value))];
        ErrorKind::new(Code::InvalidPercent, "expected a percentage from \"{min}\" to \"{max}\" written as a string (got \"{value}\")", params)
    }

    pub fn percent_as_number(value: &str) -> ErrorKind {
        ErrorKind::valued(Code::InvalidPercent, "a percentage must be written as a string such as \"20\", not as the number {value}", value)
    }

    // -- text

    pub fn empty() -> ErrorKind {
        ErrorKind::new(Code::InvalidText, "must not be empty", vec![])
    }

    /// Text holding a character no text may ([`super::is_forbidden`]).
    pub fn control_character(value: &str) -> ErrorKind {
        let words = "control characters, bidirectional controls and line separators are not allowed in text (got \"{value}\")";
        ErrorKind::valued(Code::InvalidText, words, value)
    }

    pub fn plan_id(value: &str) -> ErrorKind {
        ErrorKind::valued(Code::InvalidText, "\"{value}\": a plan id is lowercase letters, digits and dashes", value)
    }

    pub fn member_id(value: &str, max: u64) -> ErrorKind {
        let params = vec![("max", max.into()), ("value", text(value))];
        ErrorKind::new(Code::InvalidText, "an id of 1 to {max} characters, no control characters (got \"{value}\")", params)
    }

    /// Text longer than `max` characters.
    pub fn too_long(max: u64) -> ErrorKind {
        ErrorKind::new(Code::InvalidText, "at most {max} characters", vec![("max", max.into())])
    }

    pub fn not_a_file_name(value: &str) -> ErrorKind {
        ErrorKind::valued(Code::InvalidText, "a file name in docs/sources/, not a path (got \"{value}\")", value)
    }

    pub fn limit_name(value: &str) -> ErrorKind {
        ErrorKind::valued(Code::InvalidText, "\"{value}\": limit names are lowercase letters, digits and underscores", value)
    }

    pub fn no_summary() -> ErrorKind {
        ErrorKind::new(Code::InvalidText, "a service needs the document's words for its cost share", vec![])
    }

    /// A link that is not `https://` on one of the `allowed` hosts.
    pub fn link(value: &str, allowed: &'static [&'static str]) -> ErrorKind {
        let params = vec![("value", text(value)), ("allowed", Param::from(allowed))];
        ErrorKind::new(Code::InvalidText, "a link is https:// on one of {allowed} (got \"{value}\")", params)
    }

    // -- the scenario against the catalog

    /// `known`: the catalog's ids, when it has few enough to list.
    pub fn unknown_plan(value: &str, known: Option<Vec<String>>) -> ErrorKind {
        match known {
            Some(known) => ErrorKind::new(Code::UnknownPlan, "unknown plan \"{value}\" (known: {allowed})", vec![("value", text(value)), ("allowed", Param::List(known))]),
            None => ErrorKind::valued(Code::UnknownPlan, "unknown plan \"{value}\"", value),
        }
    }

    /// A service the plan does not price (`plan`), or that the vocabulary does not have (`None`).
    pub fn unknown_service(value: &str, plan: Option<&str>) -> ErrorKind {
        match plan {
            Some(plan) => ErrorKind::new(Code::UnknownService, "unknown service \"{value}\" for {plan}", vec![("value", text(value)), ("plan", text(plan))]),
            None => ErrorKind::valued(Code::UnknownService, "\"{value}\" is not in the service vocabulary (data/services.json)", value),
        }
    }

    pub fn not_in_every_plan(value: &str) -> ErrorKind {
        ErrorKind::valued(Code::UnknownService, "\"{value}\" is not a service every plan prices", value)
    }

    pub fn unknown_member(value: &str) -> ErrorKind {
        ErrorKind::valued(Code::UnknownMember, "no member has the id \"{value}\"", value)
    }

    /// An id listed twice (a member, a plan in a comparison, a service in the vocabulary).
    pub fn listed_twice(value: &str) -> ErrorKind {
        ErrorKind::valued(Code::DuplicateId, "\"{value}\" is listed twice", value)
    }

    pub fn plan_in_catalog(value: &str) -> ErrorKind {
        ErrorKind::valued(Code::DuplicateId, "plan \"{value}\" is already in the catalog", value)
    }

    fn of_service(code: Code, template: &'static str, service: &str) -> ErrorKind {
        ErrorKind::new(code, template, vec![("service", text(service))])
    }

    pub fn not_an_admission(service: &str) -> ErrorKind {
        ErrorKind::of_service(Code::NotApplicable, "{service} is not an admission; days do not apply", service)
    }

    pub fn not_a_fill(service: &str) -> ErrorKind {
        ErrorKind::of_service(Code::NotApplicable, "{service} is not a prescription fill", service)
    }

    pub fn not_an_emergency(service: &str) -> ErrorKind {
        ErrorKind::of_service(Code::NotApplicable, "applies only to emergency room visits, not to {service}", service)
    }

    pub fn billed_in_network() -> ErrorKind {
        ErrorKind::new(Code::NotApplicable, "a billed amount applies only to out-of-network care", vec![])
    }

    pub fn no_plans() -> ErrorKind {
        ErrorKind::new(Code::MissingField, "name at least one plan", vec![])
    }

    pub fn missing_days(service: &str) -> ErrorKind {
        ErrorKind::of_service(Code::MissingField, "missing: how many days is the {service} stay", service)
    }

    /// `allowed`: the types this household may take on the plan.
    pub fn enrollment_not_offered(value: &'static str, plan: &str, allowed: Vec<&'static str>) -> ErrorKind {
        let params = vec![("value", Param::Text(value.into())), ("plan", text(plan)), ("allowed", names(allowed))];
        ErrorKind::new(Code::NotOffered, "{value} is not offered by {plan} (this household may take {allowed})", params)
    }

    pub fn pay_schedule_not_offered(value: &'static str, plan: &str, allowed: Vec<&'static str>) -> ErrorKind {
        let params = vec![("value", Param::Text(value.into())), ("plan", text(plan)), ("allowed", names(allowed))];
        ErrorKind::new(Code::NotOffered, "{value} premiums are not published for {plan} (published: {allowed})", params)
    }

    pub fn no_members() -> ErrorKind {
        ErrorKind::new(Code::HouseholdSize, "at least one person must be covered (got {people})", vec![("people", 0u64.into())])
    }

    /// No enrollment type of the plan covers this many people (a census household).
    pub fn no_enrollment_type(people: u64) -> ErrorKind {
        ErrorKind::new(Code::HouseholdSize, "no enrollment type covers {people} people", vec![("people", people.into())])
    }

    /// `value` (an enrollment type's name) does not cover `people` people; `allowed`: the types
    /// they may take.
    pub fn enrollment_size(value: &'static str, people: u64, allowed: Vec<&'static str>) -> ErrorKind {
        let template = match value {
            "self_only" => "{value} covers exactly one person, but {people} are listed (this household may take {allowed})",
            "self_plus_one" => "{value} covers exactly two people, but {people} are listed (this household may take {allowed})",
            "self_and_family" => "{value} covers two or more people, but {people} are listed (this household may take {allowed})",
            _ => "{value} covers one or more people, but {people} are listed (this household may take {allowed})",
        };
        let params = vec![("value", Param::Text(value.into())), ("people", people.into()), ("allowed", names(allowed))];
        ErrorKind::new(Code::HouseholdSize, template, params)
    }

    pub fn subscriber_not_first() -> ErrorKind {
        ErrorKind::new(Code::InvalidRelationship, "the subscriber is listed first", vec![])
    }

    pub fn first_not_subscriber() -> ErrorKind {
        ErrorKind::new(Code::InvalidRelationship, "the first person listed is the subscriber", vec![])
    }

    pub fn second_spouse() -> ErrorKind {
        ErrorKind::new(Code::InvalidRelationship, "only one spouse", vec![])
    }

    pub fn no_premium_rate(plan: &str, relationship: &'static str, age: u64, medicare: &'static str) -> ErrorKind {
        let params = vec![("plan", text(plan)), ("relationship", Param::Text(relationship.into())), ("age", age.into()), ("medicare", Param::Text(medicare.into()))];
        ErrorKind::new(Code::NoPremiumRate, "{plan} has no premium for a {relationship} aged {age} with Medicare {medicare}", params)
    }

    /// `medicare` is `none` or `part_a_only`.
    pub fn medicare_part_b_required(plan: &str, member: &str, age: u64, medicare: &'static str) -> ErrorKind {
        let template = if medicare == "none" {
            "{plan} requires Medicare Part B, and {member} ({age}) has no Medicare: a member without Part B cannot join it"
        } else {
            "{plan} requires Medicare Part B, and {member} ({age}) has Medicare Part A only: a member without Part B cannot join it"
        };
        let params = vec![("plan", text(plan)), ("member", text(member)), ("age", age.into()), ("medicare", Param::Text(medicare.into()))];
        ErrorKind::new(Code::MedicarePartBRequired, template, params)
    }

    /// Two amounts (`Money` makes the params).
    pub fn billed_below_allowed(billed: Param, allowed: Param) -> ErrorKind {
        let words = "the bill ({billed}) is below the allowed amount ({allowed}): a provider's bill is at least what the plan allows";
        ErrorKind::new(Code::BilledBelowAllowed, words, vec![("billed", billed), ("allowed", allowed)])
    }

    pub fn no_typical_price(service: &str) -> ErrorKind {
        ErrorKind::of_service(Code::NoTypicalPrice, "missing: no typical price is known for {service}", service)
    }

    /// Any fault inside `employer_contribution`: its own words and params, under the one code
    /// `invalid_contribution`, with `reason` its own code.
    pub fn contribution(inner: ErrorKind) -> ErrorKind {
        let mut params = inner.params;
        params.insert(0, ("reason", Param::Text(inner.code.as_str().into())));
        ErrorKind::new(Code::InvalidContribution, inner.template, params)
    }

    /// A contribution as the census takes it (`--contribution`) in neither of its forms.
    pub fn contribution_form(value: &str) -> ErrorKind {
        let words = "\"{value}\" is not a contribution: amount:500.00 (dollars per pay period) or percent:80 (of the premium)";
        ErrorKind::valued(Code::InvalidContribution, words, value)
    }

    pub fn contribution_both() -> ErrorKind {
        ErrorKind::new(Code::InvalidContribution, "give either an amount per pay period or a percent of the premium, not both", vec![])
    }

    pub fn contribution_neither() -> ErrorKind {
        let words = "missing: an amount per pay period ({\"amount\": \"500.00\"}) or a percent of the premium ({\"percent\": \"80\"})";
        ErrorKind::new(Code::InvalidContribution, words, vec![])
    }

    // -- the CMS utilization table (`src/utilization.rs`)

    /// A `price_factor` that is not a decimal above 0 and at most `max` (10).
    pub fn price_factor(value: &str) -> ErrorKind {
        let params = vec![("max", 10u64.into()), ("value", text(value))];
        let words = "a factor above 0 and at most {max}, with at most six decimal places, written as a string such as \"1.138\" (got \"{value}\")";
        ErrorKind::new(Code::OutOfRange, words, params)
    }

    pub fn price_factor_without_usage() -> ErrorKind {
        ErrorKind::new(Code::NotApplicable, "a price factor scales the CMS table's prices: no member has a `usage`", vec![])
    }

    pub fn no_cms_table() -> ErrorKind {
        ErrorKind::new(Code::NotApplicable, "the CMS utilization table is not loaded (data/cms-years.json)", vec![])
    }

    pub fn no_care() -> ErrorKind {
        ErrorKind::new(Code::NoCare, "add some care first: a cost curve scales the care in the scenario", vec![])
    }

    pub fn overflow() -> ErrorKind {
        ErrorKind::new(Code::Overflow, "amounts too large to add up", vec![])
    }

    // -- data files: a rule of the format, in words naming its params (`{value}` …)

    /// A plan file that breaks a rule of the format, said in `rule`, which names its `params`.
    pub fn plan(rule: &'static str, params: Vec<(&'static str, Param)>) -> ErrorKind {
        ErrorKind::new(Code::InvalidPlan, rule, params)
    }

    /// Another data file that breaks a rule of its format.
    pub fn data(rule: &'static str, params: Vec<(&'static str, Param)>) -> ErrorKind {
        ErrorKind::new(Code::InvalidData, rule, params)
    }

    /// The system's words for why a file could not be read.
    pub fn read_failed(reason: &str) -> ErrorKind {
        ErrorKind::new(Code::ReadFailed, "{reason}", vec![("reason", text(reason))])
    }

    // -- the boundaries

    pub fn wrong_argument(expected: Expected) -> ErrorKind {
        let mut params = vec![];
        expected.push(&mut params);
        ErrorKind::new(Code::WrongArgument, "expected {_expected}", params)
    }

    pub fn no_census() -> ErrorKind {
        ErrorKind::new(Code::WrongArgument, "no census under way: call censusStart first", vec![])
    }

    /// A command-line option that is unknown, given twice, or of no use to the command.
    pub fn usage(rule: &'static str, params: Vec<(&'static str, Param)>) -> ErrorKind {
        ErrorKind::new(Code::WrongArgument, rule, params)
    }

    /// A code and its words, without params: the census's row checks, until they say their
    /// values as params too.
    pub fn other(code: Code, message: String) -> ErrorKind {
        ErrorKind::new(code, "{_message}", vec![("_message", Param::Text(message))])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of every kind: one for each constructor above (a test below counts them).
    fn every_kind() -> Vec<ErrorKind> {
        use ErrorKind as K;
        let m = |t: &str| crate::money::Money::parse(t).unwrap();
        vec![
            K::input_too_large(4),
            K::malformed("expected a value", 1, 2),
            K::nested_too_deep(128, 1, 129),
            K::nested_too_deep_or_cycle(128),
            K::not_utf8(7),
            K::invalid_type(Expected::OneOf(&["a", "b"]), Found::Str("c".into())),
            K::unknown_field("z", vec!["a"]),
            K::duplicate_field("a"),
            K::duplicate_key("a"),
            K::missing_field("plan"),
            K::unknown_value("drive-thru", &["retail", "mail"]),
            K::too_many(20, Many::People),
            K::too_many_claims(20_000, 21_000),
            K::not_whole("2.5"),
            K::not_finite(),
            K::out_of_range(0, 120, Param::Int(200)),
            K::invalid_money("lots"),
            K::negative_money("-1"),
            K::money_precision("1.001"),
            K::money_too_large("1e9", m("10000000.00").into()),
            K::money_as_number("12.5"),
            K::invalid_percent("101"),
            K::percent_as_number("80"),
            K::empty(),
            K::control_character("\u{1b}"),
            K::plan_id("A"),
            K::member_id("", 64),
            K::too_long(500),
            K::not_a_file_name("../x"),
            K::limit_name("A"),
            K::no_summary(),
            K::link("javascript:x", &["example.org"]),
            K::unknown_plan("x", Some(vec!["a".into()])),
            K::unknown_service("x", Some("p")),
            K::not_in_every_plan("x"),
            K::unknown_member("dog"),
            K::listed_twice("you"),
            K::plan_in_catalog("p"),
            K::not_an_admission("lab_test"),
            K::not_a_fill("lab_test"),
            K::not_an_emergency("lab_test"),
            K::billed_in_network(),
            K::no_plans(),
            K::missing_days("inpatient_stay"),
            K::enrollment_not_offered("per_member", "p", vec!["self_only"]),
            K::pay_schedule_not_offered("biweekly", "p", vec!["monthly"]),
            K::no_members(),
            K::no_enrollment_type(21),
            K::enrollment_size("self_only", 2, vec!["self_plus_one", "self_and_family"]),
            K::subscriber_not_first(),
            K::first_not_subscriber(),
            K::second_spouse(),
            K::no_premium_rate("p", "spouse", 70, "none"),
            K::medicare_part_b_required("p", "you", 70, "part_a_only"),
            K::billed_below_allowed(m("1.00").into(), m("2.00").into()),
            K::no_typical_price("x"),
            K::contribution(K::negative_money("-5")),
            K::contribution_form("share:5"),
            K::contribution_both(),
            K::contribution_neither(),
            K::price_factor("0"),
            K::price_factor_without_usage(),
            K::no_cms_table(),
            K::no_care(),
            K::overflow(),
            K::plan("family amount {family} is below the individual amount {individual}", vec![("family", m("1.00").into()), ("individual", m("2.00").into())]),
            K::data("\"{value}\" is listed twice", vec![("value", "x".into())]),
            K::read_failed("No such file or directory (os error 2)"),
            K::wrong_argument(Expected::PlanIds),
            K::no_census(),
            K::usage("unknown option {value}", vec![("value", "--x".into())]),
        ]
    }

    #[test]
    fn every_constructor_has_a_sample() {
        let source = include_str!("kind.rs");
        let body = source.split("impl ErrorKind {").nth(1).unwrap().split("#[cfg(test)]").next().unwrap();
        // Public constructors (`pub fn x(…) -> ErrorKind`), without `other` (words only).
        let constructors = body.lines().filter(|l| l.trim_start().starts_with("pub fn ") && l.contains("-> ErrorKind") && !l.contains("fn other(")).count();
        assert_eq!(constructors, every_kind().len(), "a constructor without a sample in every_kind(), or the reverse");
    }

    /// The params of each code as `docs/plan-format.md` lists them ("Errors": `| code | params | when |`).
    fn documented() -> Vec<(String, Vec<String>)> {
        let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/plan-format.md")).unwrap();
        let section = doc.split("\n## Errors").nth(1).expect("plan-format.md has an Errors section");
        let mut rows = Vec::new();
        for line in section.lines().filter(|l| l.starts_with("| `")) {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let names = |cell: &str| cell.split('`').skip(1).step_by(2).map(str::to_string).collect::<Vec<_>>();
            for code in names(cells[1]) {
                rows.push((code, names(cells[2])));
            }
        }
        rows
    }

    #[test]
    fn every_code_has_documented_params_and_every_kind_keeps_to_them() {
        let doc = documented();
        for code in Code::ALL {
            assert!(doc.iter().any(|(c, _)| c == code.as_str()), "docs/plan-format.md lists no params for `{}`", code.as_str());
        }
        for (c, _) in &doc {
            assert!(Code::ALL.iter().any(|code| code.as_str() == c), "docs/plan-format.md lists `{c}`, which is no code");
        }
        for kind in every_kind() {
            let code = kind.code().as_str();
            let allowed = &doc.iter().find(|(c, _)| c == code).unwrap().1;
            for (name, _) in kind.params().values() {
                assert!(allowed.iter().any(|a| a == name), "{kind:?}: param `{name}` is not among those docs/plan-format.md lists for `{code}`: {allowed:?}");
            }
        }
    }

    #[test]
    fn every_message_is_its_template_filled_in() {
        for kind in every_kind() {
            let message = kind.message();
            let placeholder = message.split('{').skip(1).any(|r| r.split('}').next().is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')));
            assert!(!message.is_empty() && !placeholder, "{kind:?}: {message}");
            // Every value the params give appears in the words (money as dollars).
            for (name, value) in kind.params().values() {
                let mut words = String::new();
                value.write_words(&mut words);
                // Tokens the words say otherwise (`expected`, `found`, `reason`), or a value the
                // words are chosen by (`medicare`: "no Medicare", "Medicare Part A only").
                let shown_anyway = matches!(*name, "expected" | "found" | "reason" | "medicare");
                assert!(shown_anyway || message.contains(&words), "{kind:?}: `{name}` = {words} is not in \"{message}\"");
            }
        }
    }

    #[test]
    fn a_contribution_fault_keeps_its_own_params_and_says_why() {
        let k = ErrorKind::contribution(ErrorKind::negative_money("-5"));
        assert_eq!(k.code(), Code::InvalidContribution);
        assert_eq!(k.params().get("reason"), Some(&Param::Text("negative_money".into())));
        assert_eq!(k.params().get("value"), Some(&Param::Text("-5".into())));
        assert_eq!(k.message(), "money cannot be negative (got \"-5\")");
    }

    #[test]
    fn words_from_the_census_keep_their_code_and_give_no_params() {
        let k = ErrorKind::other(Code::InvalidRow, "row 3: \"abc\" is not an age".into());
        assert_eq!((k.code(), k.message().as_str()), (Code::InvalidRow, "row 3: \"abc\" is not an age"));
        assert_eq!(k.params().values().count(), 0);
    }
}
