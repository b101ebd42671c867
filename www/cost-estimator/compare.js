// "Compare options": the same people and care priced under every option the element offers
// (engine.compare), ranked by the year's total, with each option's worst case; and a chart of
// each option's total yearly cost against the amount of care (engine.costCurves), drawn as an
// inline SVG built with createElementNS (no style attributes: classes and presentation
// attributes only). Money is the engine's decimal strings; the only arithmetic here maps numbers
// to pixels and picks axis ticks.
import { english, h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const LINE_STYLES = 6; // .ce-curve-0 … -5 in styles.js: colour and dash pattern

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/** Dollars without cents ("$7,963"), for axis labels and "about $…" in crossings. */
function wholeMoney(words, decimal) {
  return new Intl.NumberFormat(words.locale, { style: 'currency', currency: 'USD', maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(
    String(decimal),
  );
}

/** The crossings as sentences in the element's language (from the numbers and short names). */
export function crossingSentences(words, curves) {
  const names = new Map(curves.curves.map((c) => [c.plan, c.plan_name]));
  return curves.crossings.map((x) => words.t.compare.crossing(names.get(x.cheaper_below) ?? x.cheaper_below, wholeMoney(words, x.spending), names.get(x.cheaper_above) ?? x.cheaper_above));
}

/** The worst case as a sentence: the engine's own in English, built from its numbers otherwise. */
function worstSentence(words, worst, plan) {
  if (words.lang === 'en') return worst.statement;
  const byLabel = new Map(Object.entries(plan?.services ?? {}).map(([id, s]) => [s.label, id]));
  const labels = worst.not_limited.map((label) => {
    const id = byLabel.get(label);
    return id ? words.serviceLabel(id, plan).text : label;
  });
  return words.t.compare.worst(
    words.money(worst.total),
    words.money(worst.premium_annual),
    words.money(worst.out_of_pocket_limit),
    worst.part_d_limit == null ? null : words.money(worst.part_d_limit),
    labels,
  );
}

function niceStep(max, ticks) {
  const raw = max / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw || 1));
  return [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
}

/** The chart (a <figure>): one polyline per option, a marker at the household's spending. */
function renderChart(ctx, curves, crossingsText, width) {
  const { words, id } = ctx;
  const c = words.t.compare;
  // The drawing is as wide as the space it has (so its text stays readable on a phone).
  const W = Math.round(Math.min(720, Math.max(300, width || 640)));
  const narrow = W < 480;
  const H = narrow ? 260 : 320;
  const m = { left: narrow ? 52 : 72, right: 16, top: 16, bottom: 44 };
  const xMax = Number(curves.spending_max) || 1;
  const yTop = Math.max(1, ...curves.curves.flatMap((cv) => cv.points.map((p) => Number(p.total_annual_cost))));
  const yStep = niceStep(yTop, 5);
  const yMax = Math.ceil(yTop / yStep) * yStep;
  const xStep = niceStep(xMax, narrow ? 2 : 4);
  const px = (v) => m.left + (Number(v) / xMax) * (W - m.left - m.right);
  const py = (v) => H - m.bottom - (Number(v) / yMax) * (H - m.top - m.bottom);
  const titleId = id('chart-title');
  const descId = id('chart-desc');
  const names = curves.curves.map((cv) => cv.plan_name);
  const chart = svg('svg', {
    class: 'ce-chart',
    viewBox: `0 0 ${W} ${H}`,
    role: 'img',
    'aria-labelledby': titleId,
    'aria-describedby': descId,
    preserveAspectRatio: 'xMidYMid meet',
  });
  chart.append(
    svg('title', { id: titleId }, c.chartTitle(names, wholeMoney(words, '0'), wholeMoney(words, curves.spending_max), wholeMoney(words, curves.spending))),
    svg('desc', { id: descId }, crossingsText),
  );
  const grid = svg('g', { class: 'ce-chart-grid', 'aria-hidden': 'true' });
  for (let v = 0; v <= yMax + yStep / 1000; v += yStep) {
    grid.append(svg('line', { x1: m.left, x2: W - m.right, y1: py(v), y2: py(v), class: 'ce-chart-gridline' }));
    grid.append(svg('text', { x: m.left - 6, y: py(v) + 4, 'text-anchor': 'end', class: 'ce-chart-tick' }, wholeMoney(words, v.toFixed(2))));
  }
  for (let v = 0; v <= xMax + xStep / 1000; v += xStep) {
    grid.append(svg('line', { x1: px(v), x2: px(v), y1: H - m.bottom, y2: H - m.bottom + 5, class: 'ce-chart-axis' }));
    grid.append(svg('text', { x: px(v), y: H - m.bottom + 18, 'text-anchor': 'middle', class: 'ce-chart-tick' }, wholeMoney(words, v.toFixed(2))));
  }
  grid.append(svg('line', { x1: m.left, x2: W - m.right, y1: H - m.bottom, y2: H - m.bottom, class: 'ce-chart-axis' }));
  grid.append(svg('line', { x1: m.left, x2: m.left, y1: m.top, y2: H - m.bottom, class: 'ce-chart-axis' }));
  grid.append(svg('text', { x: (m.left + W - m.right) / 2, y: H - 6, 'text-anchor': 'middle', class: 'ce-chart-label' }, c.xAxis));
  if (!narrow) grid.append(svg('text', { x: 14, y: (m.top + H - m.bottom) / 2, 'text-anchor': 'middle', transform: `rotate(-90 14 ${(m.top + H - m.bottom) / 2})`, class: 'ce-chart-label is-y' }, c.yAxis));
  chart.append(grid);
  curves.curves.forEach((cv, i) => {
    chart.append(
      svg('polyline', {
        class: `ce-curve ce-curve-${i % LINE_STYLES}`,
        fill: 'none',
        'data-plan': cv.plan,
        points: cv.points.map((p) => `${px(p.spending).toFixed(1)},${py(p.total_annual_cost).toFixed(1)}`).join(' '),
      }),
    );
  });
  const mx = px(curves.spending);
  chart.append(
    svg('line', { x1: mx, x2: mx, y1: m.top, y2: H - m.bottom, class: 'ce-chart-you' }),
    svg('text', { x: Math.min(mx + 4, W - m.right - 4), y: m.top + 10, 'text-anchor': mx > W * 0.7 ? 'end' : 'start', class: 'ce-chart-you-label' }, c.you(wholeMoney(words, curves.spending))),
  );
  const legend = h(
    'ul',
    { class: 'ce-legend' },
    curves.curves.map((cv, i) =>
      h(
        'li',
        {},
        (() => {
          const key = svg('svg', { class: 'ce-legend-key', viewBox: '0 0 36 10', 'aria-hidden': 'true', focusable: 'false' });
          key.append(svg('line', { x1: 0, x2: 36, y1: 5, y2: 5, class: `ce-curve ce-curve-${i % LINE_STYLES}` }));
          return key;
        })(),
        cv.plan_name,
        cv.complete ? null : ` (${c.incomplete})`,
      ),
    ),
  );
  return h('figure', { class: 'ce-chart-figure' }, h('div', { class: 'ce-chart-box' }, chart), legend);
}

/** Fills the comparison body from { compare, curves, curvesError } (any may be null). */
export function renderCompare(box, ctx) {
  const { words, data, plansById, chosen } = ctx;
  const c = words.t.compare;
  const parts = [h('p', { class: 'ce-compare-intro' }, c.intro)];
  if (!data) {
    parts.push(h('p', { class: 'ce-muted' }, c.working));
    box.replaceChildren(...parts);
    return;
  }
  const { compare, curves, curvesError } = data;
  const list = h('ol', { class: 'ce-options' });
  for (const o of compare.options) {
    const plan = plansById.get(o.plan);
    const name = plan?.short_name ?? o.plan_name;
    const head = h(
      'h4',
      { class: 'ce-option-name' },
      o.rank ? h('span', { class: 'ce-rank' }, c.rank(o.rank)) : null,
      english(name, words.lang !== 'en'),
      o.cheapest ? h('span', { class: 'ce-cheapest' }, c.cheapest) : null,
      o.plan === chosen ? h('span', { class: 'ce-current' }, c.current) : null,
    );
    const item = h('li', { class: `ce-option${o.cheapest ? ' is-cheapest' : ''}`, 'data-plan': o.plan, 'data-rank': o.rank ?? '' }, head);
    if (o.estimate) {
      const e = o.estimate;
      item.append(
        h(
          'dl',
          { class: 'ce-option-figures' },
          h('div', { class: 'ce-option-total' }, h('dt', {}, c.total), h('dd', { class: 'ce-option-amount', 'data-amount': e.total_annual_cost }, words.money(e.total_annual_cost))),
          h('div', {}, h('dt', {}, c.premium), h('dd', { 'data-amount': e.premium_annual }, words.money(e.premium_annual))),
          h('div', {}, h('dt', {}, c.care), h('dd', { 'data-amount': e.member_pays_total }, words.money(e.member_pays_total))),
        ),
      );
    }
    if (o.adjusted?.length) item.append(h('p', { class: 'ce-muted' }, c.adjusted, ' ', english(o.adjusted.join('; '), words.lang !== 'en')));
    if (o.worst_case) {
      item.append(
        h('p', { class: 'ce-worst', 'data-total': o.worst_case.total }, h('strong', {}, c.worstHeading), ' ', worstSentence(words, o.worst_case, plan)),
      );
    }
    if (o.error) item.append(h('p', { class: 'ce-notice is-error' }, c.notPriced, ' ', english(o.error, words.lang !== 'en')));
    list.append(item);
  }
  parts.push(list);
  if (curves) {
    const sentences = crossingSentences(words, curves);
    const cheapest = compare.cheapest ? plansById.get(compare.cheapest)?.short_name ?? compare.cheapest : null;
    const text = sentences.length ? sentences : [cheapest ? c.noCrossing(cheapest) : ''];
    parts.push(
      h('h4', {}, c.chartHeading),
      renderChart(ctx, curves, text.join(' '), box.clientWidth),
      h('div', { class: 'ce-crossings', 'data-count': String(sentences.length) }, text.map((s) => h('p', { class: 'ce-crossing' }, s))),
    );
  } else if (curvesError) {
    parts.push(h('p', { class: 'ce-muted ce-chart-none' }, curvesError));
  }
  box.replaceChildren(...parts);
}
