// The shapes that cross between the element and a page embedding it: the scenario an embedder
// gives, the result and comparison the engine returns, the estimate-change event's detail.
// JSDoc types, checked by `tsc` and emitted as declarations (dist/cost-estimator.d.ts); money is
// always a decimal string ("120.00"), never a number.

/**
 * Dollars as a decimal string with two places: "1234.50".
 * @typedef {string} Money
 */

/**
 * One person covered.
 * @typedef {object} Member
 * @property {string} id
 * @property {number} age
 * @property {'subscriber' | 'spouse' | 'child'} [relationship] For plans priced per member.
 * @property {'none' | 'part_a_only' | 'part_b_only' | 'parts_a_and_b'} [medicare]
 */

/**
 * One kind of care for one person, `count` times.
 * @typedef {object} ServiceUse
 * @property {string} member A member's id.
 * @property {string} service A service id of data/services.json.
 * @property {number} [count] Identical claims (default 1).
 * @property {Money} [allowed] Allowed amount per claim (default: the typical price).
 * @property {number} [days] Days of an admission (required for a stay).
 * @property {number} [days_supply] Days' supply of a fill (default 30).
 * @property {'retail' | 'community' | 'mail'} [channel]
 * @property {'in_network' | 'out_of_network'} [network]
 * @property {Money} [billed] What an out-of-network provider bills (at least the allowed amount).
 * @property {boolean} [admitted] An emergency visit that led to an admission.
 */

/**
 * Who is covered and what care they expect (docs/domain.md, "A scenario").
 * @typedef {object} Scenario
 * @property {string} plan A plan id of the catalog.
 * @property {'self_only' | 'self_plus_one' | 'self_and_family' | 'per_member'} [enrollment] Default: the type the household's size calls for.
 * @property {'biweekly' | 'monthly'} [pay_schedule] Default: the plan's first.
 * @property {Member[]} members
 * @property {ServiceUse[]} [services]
 * @property {Record<string, { allowed?: Money, per_day?: Money, per_30_days_supply?: Money }>} [prices] The visitor's own prices.
 * @property {{ amount: Money } | { percent: string }} [employer_contribution] Per pay period; replaces a published share.
 * @property {string} [marginal_tax_rate] A percent ("22"), for an FEHB employee's premium conversion.
 */

/**
 * What changed a line's outcome ("deductible_met", "out_of_pocket_maximum_reached", …).
 * @typedef {{ kind: string } & Record<string, unknown>} LineEvent
 */

/**
 * One claim.
 * @typedef {object} Line
 * @property {string} member
 * @property {string} service
 * @property {Money} allowed
 * @property {Money} deductible
 * @property {Money} copay
 * @property {Money} coinsurance
 * @property {Money} not_covered
 * @property {Money} balance_billed
 * @property {Money} member_pays
 * @property {Money} plan_pays
 * @property {boolean} counts_toward_oop
 * @property {boolean} counts_toward_part_d
 * @property {LineEvent[]} events
 */

/**
 * Progress toward a limit.
 * @typedef {{ applied: Money, limit: Money, met: boolean }} Progress
 */

/**
 * One person's year.
 * @typedef {object} MemberResult
 * @property {string} id
 * @property {number} age
 * @property {Money} member_pays
 * @property {Money} allowed
 * @property {Money | null} premium_gross_per_period This person's whole premium per period (plans priced per member).
 * @property {Money | null} contribution_per_period What others pay toward it per period.
 * @property {Money | null} premium_per_period This person's share per period.
 * @property {Progress | null} deductible
 * @property {Progress} out_of_pocket
 * @property {Progress | null} part_d
 * @property {Money} not_counted
 */

/**
 * One person's one service over the year.
 * @typedef {object} ServiceTotal
 * @property {string} member
 * @property {string} service
 * @property {number} claims
 * @property {Money} allowed
 * @property {Money} member_pays
 * @property {Money} plan_pays
 */

/**
 * The engine's estimate of a year (the CLI's result without its English words).
 * @typedef {object} EstimateResult
 * @property {string} plan
 * @property {string} plan_name
 * @property {string} enrollment
 * @property {string} pay_schedule
 * @property {number} periods_per_year
 * @property {Money} premium_gross_per_period The whole premium per pay period.
 * @property {Money} contribution_per_period What others pay toward it per period.
 * @property {Money} premium_per_period The member's share per period.
 * @property {'government_share' | 'amount' | 'percent' | 'none'} contribution Who the contribution comes from.
 * @property {Money} premium_gross_annual The whole premium.
 * @property {Money} contribution_annual What the government, an employer or a group pays toward it.
 * @property {Money} premium_annual The member's share.
 * @property {boolean} premium_pre_tax Whether the share is paid before tax (FEHB premium conversion).
 * @property {Money | null} premium_after_tax_annual The share after the tax premium conversion saves, with a `marginal_tax_rate`.
 * @property {Money} premium_gross_monthly The whole premium a month (a biweekly year's share and contribution each ÷ 12, to the cent).
 * @property {Money} contribution_monthly What others pay toward it a month.
 * @property {Money} premium_monthly The member's share a month ("$682.48 a month for both of you").
 * @property {ContributionUnit} contribution_unit What an employer contribution is given per.
 * @property {PartB | null} medicare_part_b_monthly Medicare Part B's own premium for the members with Part B: paid to Medicare, in no total here.
 * @property {Money} member_pays_total
 * @property {Money} total_annual_cost premium_annual + member_pays_total.
 * @property {Money} allowed_total
 * @property {Money} plan_pays_total
 * @property {Progress | null} family_deductible The family's progress toward the family deductible; null where no family amount applies (one person, or none in the plan).
 * @property {Progress | null} family_out_of_pocket The family's progress toward the family out-of-pocket maximum (null as above).
 * @property {MemberResult[]} members
 * @property {ServiceTotal[]} services Each person's each service, summed.
 * @property {Line[]} lines
 * @property {EnrollmentOption[]} enrollment_options Every enrollment type the household may take, with its year, smallest first; `enrollment` is the one priced.
 * @property {Assumption[]} assumptions What the estimate assumed where the scenario did not say.
 */

/**
 * What an employer contribution is given per: each member (a plan priced per member) or the
 * enrollment, each pay period of `pay_schedule`.
 * @typedef {{ per: 'member' | 'enrollment', pay_schedule: string }} ContributionUnit
 */

/**
 * Where a figure that no plan document gives comes from (a regulation, a CMS fact sheet).
 * @typedef {{ cite: string, url: string, quote: string }} Authority
 */

/**
 * Medicare Part B's standard premium a month for the members who have Part B.
 * @typedef {object} PartB
 * @property {Money} amount Each member's.
 * @property {string[]} members
 * @property {Money} total
 * @property {number} year
 * @property {Authority} source
 */

/**
 * One enrollment type the household may take, and its year.
 * @typedef {object} EnrollmentOption
 * @property {string} enrollment
 * @property {Money} premium_annual
 * @property {Money} member_pays_total
 * @property {Money} total_annual_cost
 */

/**
 * A document line: `line` in the plan's document (or `file`), with the words on it.
 * @typedef {{ file?: string | null, line: number, quote: string }} Citation
 */

/**
 * Why a household may not take an option: the engine's error and the rule's document line.
 * @typedef {object} Closed
 * @property {EngineErrorInfo} reason `medicare_part_b_required` or `no_premium_rate`.
 * @property {Citation | null} source
 */

/**
 * What an estimate assumed where the scenario did not say (docs/domain.md): a stable `code`
 * (`medicare_assumed`, `medicare_eligibility_unknown`, `premium_before_contribution`,
 * `contribution_capped`, `cms_usage`, `cms_oldest_group`, `price_factor`), the member it
 * concerns (null: the household as a whole) and an English `message`. A member's care from the
 * CMS table (`cms_usage`) adds the table's `row` and its `allowed` amount; a stated
 * `price_factor` its `factor` and `source`.
 * @typedef {object} Assumption
 * @property {string} code
 * @property {string | null} member
 * @property {string} message
 * @property {string} [row]
 * @property {Money} [allowed]
 * @property {string} [factor]
 * @property {string} [source]
 */

/**
 * What the engine refuses: a stable `code` (a snake_case id, see `errorCodes()` of the module
 * and docs/plan-format.md), the `field` at fault (a JSON path such as `services[2].count`, or
 * null), the same `path` as keys and indices, the `params` the message names (e.g.
 * `{ min: 0, max: 120, value: 200 }`, listed by code in docs/plan-format.md), the `origin`
 * (the input: `scenario`, a plan file's name) and an English `message`. The element's
 * `estimate()` and `compare()` reject with an Error carrying these.
 * @typedef {object} EngineErrorInfo
 * @property {string} code
 * @property {string | null} field
 * @property {(string | number)[]} [path]
 * @property {Record<string, string | number | string[]>} [params]
 * @property {string | null} [origin]
 * @property {string} message
 */

/**
 * What the element refused (the detail of its `estimate-error` event): the engine's error shape
 * (docs/domain.md, "Errors"). `code` is stable (`too_many`, `not_offered`, `unknown_plan`,
 * `unknown_field`, `unknown_value`, `unknown_service`, `unknown_member`, `duplicate_id`,
 * `invalid_type`, `wrong_argument`, `engine_failure`, `wasm_refused`, `load_failed` with
 * `params.file`); `field` and `path` name the part of the scenario at fault
 * (`services[3].member`, `["services", 3, "member"]`); `params` the values the English
 * `message` names. The `estimate-warning` event's detail has the same shape, with code
 * `engine_in_page` or `engine_javascript` (the engine fell back, with the same figures).
 * @typedef {object} ElementErrorDetail
 * @property {string} code
 * @property {string | null} field
 * @property {(string | number)[]} path
 * @property {Record<string, unknown>} params
 * @property {string} origin `scenario` (the property), or `element` (the element could not load).
 * @property {string} message
 */

/**
 * The most a year can cost under an option.
 * @typedef {object} WorstCase
 * @property {Money} premium_annual
 * @property {Money} out_of_pocket_limit
 * @property {Money | null} part_d_limit
 * @property {Money} total
 * @property {string[]} not_limited Service ids whose cost share no limit caps.
 * @property {boolean} balance_billing
 */

/**
 * One option of a comparison.
 * @typedef {object} OptionResult
 * @property {string} plan
 * @property {string} plan_name
 * @property {number | null} rank 1 for the cheapest; null if it could not be priced.
 * @property {boolean} cheapest
 * @property {Record<string, unknown>} adjusted What was changed to price this option (the enrollment type it takes, say); empty if nothing.
 * @property {Omit<EstimateResult, 'lines'> | null} estimate The option's estimate (totals, members; no lines).
 * @property {WorstCase | null} worst_case
 * @property {EngineErrorInfo | null} error Why the option could not be priced.
 * @property {Closed | null} closed The household may not take this option: why, with the document line; not priced.
 */

/**
 * A household and its care priced under several options, cheapest first.
 * @typedef {object} Comparison
 * @property {OptionResult[]} options
 * @property {string | null} cheapest
 */

/**
 * The detail of the element's `estimate-change` event.
 * @typedef {object} EstimateChangeDetail
 * @property {EstimateResult | null} result The last good estimate.
 * @property {Scenario | null} scenario The scenario asked about.
 * @property {boolean} stale Whether `result` is older than the fields.
 * @property {EngineErrorInfo | null} error Why not up to date.
 */

/**
 * The agent presenting the estimate (the element's broker-* attributes).
 * @typedef {object} Broker
 * @property {string} name
 * @property {string} id Licence number or NPN.
 * @property {string} phone
 * @property {string} email
 */

/**
 * The detail of the element's `estimate-share` event, fired only after the visitor confirms
 * "Send to my agent". The host page decides what to do with it (its own form, its own server);
 * the element sends nothing anywhere.
 * @typedef {object} EstimateShareDetail
 * @property {Scenario | null} scenario The household and care, as the engine reads them.
 * @property {EstimateResult} result The estimate shown.
 * @property {Comparison | null} comparison The options ranked, when there are several.
 * @property {boolean} stale Whether the fields changed since `result` (then it is the last good one).
 * @property {Broker | null} broker
 * @property {'en' | 'es'} lang The language the visitor used.
 */

export {};
