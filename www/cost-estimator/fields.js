// The input side of <cost-estimator>: the plan, the people covered, the care for each person
// (grouped, with counts and the extra fields a chosen service needs) and the prices used.
// Rendering only, through dom.js (text only); the element owns the state and the events.
//
// v (a view of the element): { words, state, plan, offered, plansById, priceTable, perMember,
//   openGroups, presets, appliedPresets, id(...parts), personName(id), isChosen(member, service), use(member, service),
//   priceKind(service), on: { addPerson, removePerson, example, resetPrice, showResults } }
import { append, english, h, srOnly } from './dom.js';
import { GROUPS } from './i18n.js';
import { outOfNetworkTier } from './results.js';
import { typedMoney } from './state.js';

const CHANNELS = ['retail', 'community', 'mail'];
const RELATIONSHIPS = ['', 'subscriber', 'spouse', 'child'];
const MEDICARE = ['', 'none', 'part_a_only', 'part_b_only', 'parts_a_and_b'];

export function renderPlanCard(v) {
  const t = v.words.t;
  const plan = v.plan;
  const headingId = v.id('plan-h');
  const card = h('section', { class: 'ce-card', dataset: { card: headingId.split('-').slice(1).join('-') } }, h('h2', { id: headingId }, h('span', { class: 'ce-step', 'aria-hidden': 'true' }, '1'), t.planHeading));
  if (v.offered.length > 1) {
    const select = h('select', { id: v.id('plan'), dataset: { key: 'plan' } });
    const groups = new Map();
    for (const id of v.offered) {
      const p = v.plansById.get(id);
      const groupName = String(p.name).includes(' — ') ? String(p.name).split(' — ')[0] : String(p.program ?? p.name);
      if (!groups.has(groupName)) groups.set(groupName, h('optgroup', { label: groupName }));
      const text = p.sample_figures ? `${p.short_name} (${t.sampleBadge.toLowerCase()})` : p.short_name;
      append(groups.get(groupName), h('option', { value: id, selected: id === plan.id }, text));
    }
    append(select, [...groups.values()]);
    select.value = plan.id;
    append(card, h('div', { class: 'ce-field', dataset: { field: 'plan' } }, h('label', { for: select.id }, t.planLabel), select));
  }
  append(card, 
    h('p', { class: 'ce-plan-name' }, english(plan.name, v.words.lang !== 'en'), plan.sample_figures ? [' ', h('span', { class: 'ce-badge is-sample' }, t.sampleBadge)] : null),
    h('p', { class: 'ce-hint' }, t.documentIs, ' ', english(plan.document?.title ?? '', v.words.lang !== 'en')),
  );
  if (plan.sample_figures) {
    append(card, 
      h('div', { class: 'ce-sample-note', role: 'note' }, h('strong', {}, t.samplePlan), ' ', english(plan.sample_figures, v.words.lang !== 'en')),
    );
  }
  const fields = h('div', { class: 'ce-fields' });
  const selectField = (key, label, options, value) => {
    const id = v.id(key);
    const select = h('select', { id, dataset: { key } }, options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
    select.value = value;
    return h('div', { class: 'ce-field', dataset: { field: key } }, h('label', { for: id }, label), select);
  };
  append(fields, 
    selectField('enrollment', t.enrollmentLabel, plan.enrollment_types.map((e) => [e, t.enrollment[e] ?? e]), v.state.enrollment),
    selectField('pay', t.payLabel, plan.pay_schedules.map((p) => [p, t.pay[p] ?? p]), v.state.pay),
  );
  append(card, fields);
  if (v.perMember) append(card, h('p', { class: 'ce-hint' }, t.perMemberNote));
  return card;
}

export function renderPeopleCard(v) {
  const t = v.words.t;
  const plan = v.plan;
  const perMember = v.perMember;
  const headingId = v.id('people-h');
  const list = h('div', { class: 'ce-people' });
  for (const [i, p] of v.state.people.entries()) {
    const name = v.personName(p.id);
    const ageId = v.id('age', p.id);
    const hintId = v.id('age-hint', p.id);
    const fs = h(
      'fieldset',
      { class: 'ce-person' },
      h('legend', {}, name),
      h(
        'div',
        { class: 'ce-field', dataset: { field: 'age' } },
        h('label', { for: ageId }, t.age, ' ', h('span', { class: 'ce-hint', id: hintId }, `(${t.ageHint})`)),
        h('input', {
          id: ageId,
          type: 'number',
          inputmode: 'numeric',
          min: '0',
          max: '120',
          step: '1',
          value: p.age,
          autocomplete: 'off',
          dataset: { key: `age:${p.id}`, describedby: hintId },
          'aria-describedby': hintId,
        }),
      ),
    );
    if (perMember) {
      const select = (key, label, values, labels, value) => {
        const id = v.id(key, p.id);
        return h(
          'div',
          { class: 'ce-field', dataset: { field: key } },
          h('label', { for: id }, label),
          h('select', { id, dataset: { key: `${key}:${p.id}` } }, values.map((v) => h('option', { value: v, selected: v === value }, labels[v]))),
        );
      };
      append(fs, 
        select('rel', t.relationship, RELATIONSHIPS, t.relationships, p.relationship),
        select('medicare', t.medicare, MEDICARE, t.medicares, p.medicare),
      );
    }
    if (i > 0) {
      append(fs, h('button', { type: 'button', class: 'ce-button is-small ce-remove', dataset: { key: `remove:${p.id}` }, onclick: () => v.on.removePerson(p.id) }, t.removePerson(name)));
    }
    append(list, fs);
  }
  return h(
    'section',
    { class: 'ce-card', dataset: { card: headingId.split('-').slice(1).join('-') } },
    h('h2', { id: headingId }, h('span', { class: 'ce-step', 'aria-hidden': 'true' }, '2'), t.peopleHeading),
    list,
    v.canAddPerson
      ? h('button', { type: 'button', class: 'ce-button', dataset: { key: 'add-person' }, onclick: () => v.on.addPerson() }, `+ ${t.addPerson}`)
      : null,
  );
}

export function careLegend(v, p) {
  const t = v.words.t;
  const name = v.personName(p.id);
  return t.careFor(String(p.age).trim() !== '' ? t.personAge(name, p.age) : name);
}

export function servicesByGroup(plan) {
  const inPlan = Object.keys(plan.services);
  const listed = new Set(GROUPS.flatMap(([, ids]) => ids));
  return GROUPS.map(([group, ids]) => {
    const services = ids.filter((id) => plan.services[id]);
    if (group === 'other') services.push(...inPlan.filter((id) => !listed.has(id)));
    return [group, services];
  }).filter(([, services]) => services.length);
}

export function renderCareCard(v) {
  const t = v.words.t;
  const plan = v.plan;
  const headingId = v.id('care-h');
  const card = h(
    'section',
    { class: 'ce-card', dataset: { card: headingId.split('-').slice(1).join('-') } },
    h('h2', { id: headingId }, h('span', { class: 'ce-step', 'aria-hidden': 'true' }, '3'), t.careHeading),
    h('p', {}, t.careIntro),
    h(
      'div',
      { class: 'ce-buttons ce-quick', role: 'group', 'aria-label': t.quickStart },
      h('span', { class: 'ce-label', 'aria-hidden': 'true' }, t.quickStart),
      ['family', 'clear'].map((name) =>
        h('button', { type: 'button', class: `ce-button is-small${name === 'clear' ? ' is-quiet' : ''}`, dataset: { key: `example:${name}` }, onclick: () => v.on.example(name) }, t.examples[name]),
      ),
    ),
  );
  const groups = servicesByGroup(plan);
  for (const p of v.state.people) {
    const fs = h('fieldset', { class: 'ce-care-person' }, h('legend', { dataset: { careLegend: p.id } }, careLegend(v, p)), renderPresetField(v, p));
    for (const [group, services] of groups) {
      const openKey = `${p.id}:${group}`;
      const chosen = services.filter((id) => v.isChosen(p.id, id)).length;
      const details = h(
        'details',
        { class: 'ce-group', open: v.openGroups.has(openKey) || chosen > 0, dataset: { group: openKey } },
        h('summary', {}, h('span', { class: 'ce-group-name' }, t.groups[group]), h('span', { class: 'ce-chosen', hidden: chosen === 0 }, t.chosen(chosen))),
      );
      if (details.open) v.openGroups.add(openKey);
      details.addEventListener('toggle', () => (details.open ? v.openGroups.add(openKey) : v.openGroups.delete(openKey)));
      for (const service of services) append(details, renderServiceRow(v, p, service));
      append(fs, details);
    }
    append(card, fs);
  }
  return card;
}

/** "Start from a typical year": the usage presets, for one person. */
function renderPresetField(v, person) {
  const presets = Object.entries(v.presets?.presets ?? {});
  if (presets.length === 0) return null;
  const { t } = v.words;
  const id = v.id('preset', person.id);
  const hintId = v.id('preset-hint', person.id);
  const applied = v.appliedPresets.get(person.id) ?? '';
  const chosen = v.presets.presets[applied];
  const label = (name, preset) => v.words.presetText(name, preset);
  return h(
    'div',
    { class: 'ce-field ce-preset', dataset: { field: 'preset' } },
    h('label', { for: id }, t.presetLabel),
    h(
      'select',
      { id, dataset: { key: `preset:${person.id}`, describedby: hintId }, 'aria-describedby': hintId },
      h('option', { value: '', selected: !applied }, t.presetNone),
      presets.map(([name, preset]) => h('option', { value: name, selected: name === applied }, label(name, preset).label)),
    ),
    h(
      'p',
      { class: 'ce-hint', id: hintId },
      chosen
        ? [
            english(label(applied, chosen).description, label(applied, chosen).english),
            ' ',
            chosen.illustrative ? h('span', { class: 'ce-badge is-illustrative' }, t.illustrativeCounts) : null,
            ' ',
            english(chosen.source, v.words.lang !== 'en'),
          ]
        : t.presetHint,
    ),
  );
}

export function renderServiceRow(v, person, service) {
  const t = v.words.t;
  const plan = v.plan;
  const benefit = plan.services[service];
  const label = v.words.serviceLabel(service, plan);
  const use = v.use(person.id, service);
  const at = `${person.id}:${service}`;
  const countId = v.id('count', person.id, service);
  const summaryId = v.id('sum', person.id, service);
  const unit = benefit.unit ?? 'visit';
  const row = h(
    'div',
    { class: `ce-svc${v.isChosen(person.id, service) ? ' is-chosen' : ''}`, dataset: { row: at } },
    h(
      'div',
      { class: 'ce-svc-text' },
      h('label', { class: 'ce-svc-label', for: countId }, english(label.text, label.english), srOnly(` — ${t.howManyLabel[unit] ?? t.howManyLabel.visit}`)),
      h(
        'span',
        { class: 'ce-svc-summary', id: summaryId },
        english(benefit.summary, v.words.lang !== 'en'),
        benefit.covered === false ? [' ', h('span', { class: 'ce-badge is-illustrative' }, t.notCoveredService)] : null,
      ),
    ),
    h(
      'div',
      { class: 'ce-svc-count ce-field', dataset: { field: 'count' } },
      h('input', {
        id: countId,
        type: 'number',
        inputmode: 'numeric',
        min: '0',
        max: '1000',
        step: '1',
        placeholder: '0',
        value: use ? use.count : '',
        autocomplete: 'off',
        dataset: { key: `count:${at}`, describedby: summaryId },
        'aria-describedby': summaryId,
      }),
    ),
    h('div', { class: 'ce-svc-more', dataset: { more: at } }),
  );
  fillRowMore(v, row.querySelector('.ce-svc-more'), person.id, service);
  return row;
}

/** The extra fields of a chosen service: days, supply and pharmacy, admitted, out of network. */
export function fillRowMore(v, more, member, service) {
  const t = v.words.t;
  const plan = v.plan;
  const benefit = plan.services[service];
  const use = v.use(member, service);
  const at = `${member}:${service}`;
  more.replaceChildren();
  more.hidden = !v.isChosen(member, service);
  if (more.hidden) return;
  const numberField = (key, label, value, max) => {
    const id = v.id(key, member, service);
    return h(
      'div',
      { class: 'ce-field', dataset: { field: key } },
      h('label', { for: id }, label),
      h('input', { id, type: 'number', inputmode: 'numeric', min: '1', max, step: '1', value, autocomplete: 'off', dataset: { key: `${key}:${at}` } }),
    );
  };
  const check = (key, label, checked) => {
    const id = v.id(key, member, service);
    return h('div', { class: 'ce-field ce-check', dataset: { field: key } }, h('input', { id, type: 'checkbox', checked, dataset: { key: `${key}:${at}` } }), h('label', { for: id }, label));
  };
  if (benefit.unit === 'admission') append(more, numberField('days', t.days, use.days, '366'));
  if (benefit.unit === 'fill') {
    append(more, numberField('supply', t.daysSupply, use.supply, '366'));
    const offered = CHANNELS.filter(
      (c) => c === 'retail' || plan.drug_supply?.[c] || Object.values(plan.services).some((s) => (s.variants ?? []).some((v) => v.when?.channels?.includes(c))),
    );
    const id = v.id('channel', member, service);
    append(more, 
      h(
        'div',
        { class: 'ce-field', dataset: { field: 'channel' } },
        h('label', { for: id }, t.channel),
        h('select', { id, dataset: { key: `channel:${at}` } }, offered.map((c) => h('option', { value: c, selected: c === (use.channel || 'retail') }, t.channels[c]))),
      ),
    );
  }
  if (benefit.if_admitted) append(more, check('admitted', t.admitted, use.admitted));
  const tier = outOfNetworkTier(benefit);
  if (tier) {
    append(more, check('oon', tier.sample ? `${t.outOfNetwork} (${t.sampleBadge.toLowerCase()})` : t.outOfNetwork, use.oon));
    if (use.oon) {
      const id = v.id('billed', member, service);
      append(more, 
        h(
          'div',
          { class: 'ce-field', dataset: { field: 'billed' } },
          h('label', { for: id }, t.billed),
          h('input', { id, type: 'text', inputmode: 'decimal', value: use.billed, autocomplete: 'off', placeholder: '0.00', dataset: { key: `billed:${at}` } }),
        ),
      );
    }
  }
}

export function renderPricesCard(v) {
  const t = v.words.t;
  const headingId = v.id('prices-h');
  const list = h('div', { class: 'ce-prices' });
  const none = h('p', { class: 'ce-hint' }, t.pricesNone);
  const card = h(
    'section',
    { class: 'ce-card', dataset: { card: headingId.split('-').slice(1).join('-') } },
    h('h2', { id: headingId }, h('span', { class: 'ce-step', 'aria-hidden': 'true' }, '4'), t.pricesHeading),
    h('p', {}, t.pricesIntro),
    none,
    list,
  );
  return { card, list, none };
}

export function renderPriceRow(v, service) {
  const t = v.words.t;
  const plan = v.plan;
  const label = v.words.serviceLabel(service, plan);
  const kind = v.priceKind(service);
  const entry = v.priceTable.prices[service];
  const id = v.id('price', service);
  const metaId = v.id('price-meta', service);
  const own = v.state.prices[service];
  const input = h('input', {
    id,
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    spellcheck: 'false',
    value: own ?? entry[kind],
    dataset: { key: `price:${service}`, describedby: metaId },
    'aria-describedby': metaId,
  });
  const row = h(
    'div',
    { class: 'ce-price', dataset: { price: service, field: 'price' } },
    h('label', { class: 'ce-price-label', for: id }, english(label.text, label.english), srOnly(` (${t.priceUnit[kind]})`)),
    h('div', { class: 'ce-price-input' }, h('span', { 'aria-hidden': 'true' }, '$'), input),
    h('div', { class: 'ce-price-meta', id: metaId }),
  );
  fillPriceMeta(v, row, service);
  return row;
}

export function fillPriceMeta(v, row, service) {
  const t = v.words.t;
  const meta = row.querySelector('.ce-price-meta');
  const kind = v.priceKind(service);
  const entry = v.priceTable.prices[service];
  const own = v.state.prices[service];
  const changed = own !== undefined && typedMoney(own) !== '' && typedMoney(own) !== entry[kind];
  meta.replaceChildren();
  append(meta, [
    h('span', {}, t.priceUnit[kind]),
    changed
      ? [
          h('span', { class: 'ce-badge is-own' }, t.yourPrice),
          h('span', {}, t.typicalWas(v.words.money(entry[kind]), t.priceUnit[kind])),
          h(
            'button',
            {
              type: 'button',
              class: 'ce-button is-small is-quiet',
              dataset: { key: `reset-price:${service}` },
              onclick: () => v.on.resetPrice(service, entry[kind]),
            },
            t.resetPrice,
          ),
        ]
      : entry.illustrative
        ? [h('span', { class: 'ce-badge is-illustrative' }, t.illustrative), h('span', {}, t.illustrativeNote)]
        : h('span', {}, english(entry.source ?? '', v.words.lang !== 'en')),
  ]);
}

export function renderTotalBar(v) {
  const t = v.words.t;
  const amount = h('strong', {});
  const bar = h(
    'div',
    { class: 'ce-totalbar', 'aria-hidden': 'true' },
    h('span', {}, t.totalLabel, ': ', amount),
    h(
      'button',
      {
        type: 'button',
        class: 'ce-button is-small',
        tabindex: '-1',
        onclick: () => v.on.showResults(),
      },
      '↓',
    ),
  );
  return { bar, amount };
}
