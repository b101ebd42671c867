// The plain-language reason for one line of the result, in the page's language, built from the
// line's parts (deductible, copay, coinsurance, not covered, balance billed) and its `events`.
// No arithmetic: every amount shown is one the engine computed.
//
// Returns a list of segments: strings, and { quote } objects for the plan document's own words
// (the page shows them as quotations, marked as English).

const isZero = (decimal) => /^-?0+(\.0+)?$/.test(String(decimal));

export function reasonSegments(line, words) {
  const { t, money } = words;
  const r = t.reason;
  const events = line.events ?? [];
  const has = (kind) => events.some((e) => e.kind === kind);
  const find = (kind) => events.find((e) => e.kind === kind);
  const out = [];
  const tail = () => {
    for (const e of events) {
      if (e.kind === 'rule_variant') out.push(r.variant, { quote: e.label }, '.');
      if (e.kind === 'out_of_network_tier') out.push(r.outOfNetworkTier(e.sample));
    }
  };

  const limit = find('limit_reached');
  if (has('not_covered') || has('out_of_network_not_covered')) {
    if (limit) out.push(r.pastLimit(limit.max, limit.unit, limit.limit));
    const whole = money(line.member_pays);
    out.push(has('out_of_network_not_covered') ? r.outOfNetworkNotCovered(whole) : r.notCovered(whole));
    tail();
    return out;
  }
  if (has('copay_waived_admitted')) {
    out.push(r.waived);
    tail();
    return out;
  }

  const parts = [];
  if (!isZero(line.deductible)) parts.push(r.deductible(money(line.deductible)));
  if (!isZero(line.copay)) parts.push(r.copay(money(line.copay)));
  if (!isZero(line.coinsurance)) parts.push(r.coinsurance(money(line.coinsurance)));
  let s = parts.length ? r.youPay + parts.join(r.then) : r.nothing;
  if (!isZero(line.not_covered)) {
    const allowance = find('allowance_exceeded');
    s += allowance ? r.allowance(money(line.not_covered), money(allowance.allowance)) : r.pastLimitPart(money(line.not_covered));
  }
  for (const e of events) {
    if (e.kind === 'out_of_pocket_maximum_reached') s += r.oopReached(e.scope === 'family');
    if (e.kind === 'out_of_pocket_maximum_already_met') s += r.oopAlreadyMet(e.scope === 'family');
    if (e.kind === 'part_d_limit_reached') s += r.partDReached;
    if (e.kind === 'part_d_limit_already_met') s += r.partDAlreadyMet;
  }
  if (!isZero(line.balance_billed)) s += r.balanceBilled(money(line.balance_billed));
  s += r.planPays(money(line.plan_pays));
  out.push(s);

  for (const e of events) {
    if (e.kind === 'deductible_met') out.push(r.deductibleMet(e.scope === 'family'));
    if (e.kind === 'copay_limited_to_allowed') out.push(r.copayLimited);
    if (e.kind === 'admission_maximum') out.push(r.admissionMaximum(money(e.max)));
    if (e.kind === 'coinsurance_capped') out.push(r.coinsuranceCapped(money(e.max)));
    if (e.kind === 'limit_reached' && e.covered > 0 && e.units > e.covered) out.push(r.limitPartial(e.covered, e.units));
  }
  if (has('not_counted_toward_out_of_pocket') && !has('part_d_limit_reached') && !has('part_d_limit_already_met') && !line.counts_toward_part_d) {
    out.push(r.notCounted);
  }
  tail();
  return out;
}

/** The reason as one plain string (for tests and the print view's text). */
export function reasonText(line, words) {
  return reasonSegments(line, words)
    .map((s) => (typeof s === 'string' ? s : `“${s.quote}”`))
    .join('');
}
