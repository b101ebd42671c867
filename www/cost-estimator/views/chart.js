// The total yearly cost of each option against the amount of care: the engine's cost curves
// (the household's care scaled up and down by how much of it there is, so copay plans show
// their slope), drawn as an inline SVG with a marker at the household's own care, and the
// points where the cheapest option changes said in words. The caption claims only what is
// drawn. Money is the engine's decimal strings; the only arithmetic here maps them to pixels.
import { html, nothing, svg } from 'lit';

const LINE_STYLES = 6; // .ce-curve-0 … -5 in styles.js: a colour and a dash pattern each

function niceStep(max, ticks) {
  const raw = max / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw || 1));
  return [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
}

/** The crossings, and what holds across the range drawn, as sentences. */
export function chartSentences(vm, curves) {
  const { w } = vm;
  const c = w.t.chart;
  const name = (id) => vm.planNames(id).short;
  const cheapestAtZero = curves.curves
    .map((cv) => ({ plan: cv.plan, total: Number(cv.points[0]?.total_annual_cost ?? Infinity) }))
    .sort((a, b) => a.total - b.total)[0];
  const said = curves.crossings.length
    ? curves.crossings.map((x) => c.crossing(name(x.cheaper_below), w.wholeMoney(x.spending), name(x.cheaper_above)))
    : cheapestAtZero
      ? [c.noCrossing(name(cheapestAtZero.plan), w.wholeMoney(curves.spending_max))]
      : [];
  const past = pastAtMostWords(vm, curves);
  return past ? [...said, past] : said;
}

/** The sentence saying why lines rise above "at most", or ''. */
function pastAtMostWords(vm, curves) {
  const past = pastAtMost(vm, curves);
  return past ? vm.w.t.chart.pastAtMost(past.plans.map((id) => vm.planNames(id).short), vm.w.wholeMoney(past.spending)) : '';
}

/**
 * Where a line rises above its option's "at most" figure (the ranking's worst case: the premium
 * plus the out-of-pocket maximum), which would look like an error: the care is scaled, and
 * scaled far enough it passes the plan's yearly visit or day limits, and care past a limit is
 * not covered, so no maximum caps it (docs/domain.md, rule 10). The lines that do, and the least
 * care at which one does; null when none does. Compares the engine's figures, computes none.
 */
export function pastAtMost(vm, curves) {
  const a = vm.state.answer;
  const comparison = a.comparedFor === vm.state.revision ? a.comparison : null;
  if (!comparison) return null;
  const atMost = new Map(comparison.options.filter((o) => o.worst_case).map((o) => [o.plan, Number(o.worst_case.total)]));
  const plans = [];
  let spending = null;
  for (const cv of curves.curves) {
    if (!atMost.has(cv.plan)) continue;
    const point = cv.points.find((p) => Number(p.total_annual_cost) > atMost.get(cv.plan));
    if (!point) continue;
    plans.push(cv.plan);
    if (spending === null || Number(point.spending) < Number(spending)) spending = point.spending;
  }
  return plans.length ? { plans, spending } : null;
}

export function chartView(vm) {
  const { w, state } = vm;
  const c = w.t.chart;
  const a = state.answer;
  if (!a.result) return nothing;
  if (a.result.lines.length === 0) return html`<p class="ce-hint">${c.noCare}</p>`;
  const curves = a.curves;
  if (!curves || a.curvesFor !== state.revision) return html`<p class="ce-muted" data-chart="working">${c.working}</p>`;
  return chartFigure(vm, curves, Math.round(Math.min(760, Math.max(280, vm.width - 16 || 640))), 'chart');
}

/** The chart at `W` px wide (its ids prefixed with `key`: the page's and the proposal's differ). */
export function chartFigure(vm, curves, W, key) {
  const { w } = vm;
  const c = w.t.chart;
  const sentences = chartSentences(vm, curves);
  const past = pastAtMostWords(vm, curves);
  const narrow = W < 480;
  const H = narrow ? 240 : 320;
  const xMax = Number(curves.spending_max) || 1;
  const yTop = Math.max(1, ...curves.curves.flatMap((cv) => cv.points.map((p) => Number(p.total_annual_cost))));
  const yStep = niceStep(yTop, narrow ? 4 : 5);
  const yMax = Math.ceil(yTop / yStep) * yStep;
  const xStep = niceStep(xMax, narrow ? 2 : 4);
  const yLabels = [];
  for (let v = 0; v <= yMax + yStep / 1000; v += yStep) yLabels.push([v, w.wholeMoney(v.toFixed(2))]);
  // Room for the widest y label (about 7 px a character at 12 px), so nothing is clipped.
  const left = 14 + Math.max(...yLabels.map(([, s]) => s.length)) * 7 + (narrow ? 0 : 18);
  const m = { left, right: 12, top: 14, bottom: 46 };
  const px = (v) => m.left + (Number(v) / xMax) * (W - m.left - m.right);
  const py = (v) => H - m.bottom - (Number(v) / yMax) * (H - m.top - m.bottom);
  const titleId = vm.id(key, 'title');
  const descId = vm.id(key, 'desc');
  const names = curves.curves.map((cv) => vm.planNames(cv.plan).short);
  const xTicks = [];
  for (let v = 0; v <= xMax + xStep / 1000; v += xStep) xTicks.push(v);
  const mx = px(curves.spending);
  return html`
    <figure class="ce-chart-figure">
      <svg class="ce-chart" viewBox=${`0 0 ${W} ${H}`} width=${W} height=${H} role="img" aria-labelledby=${titleId} aria-describedby=${descId}>
        <title id=${titleId}>${c.title(names, w.wholeMoney(curves.spending_max), w.wholeMoney(curves.spending))}</title>
        <desc id=${descId}>${sentences.join(' ')}</desc>
        <g class="ce-chart-grid" aria-hidden="true">
          ${yLabels.map(
            ([v, label]) => svg`<line x1=${m.left} x2=${W - m.right} y1=${py(v)} y2=${py(v)} class="ce-chart-gridline"></line>
              <text x=${m.left - 6} y=${py(v) + 4} text-anchor="end" class="ce-chart-tick">${label}</text>`,
          )}
          ${xTicks.map(
            (v) => svg`<line x1=${px(v)} x2=${px(v)} y1=${H - m.bottom} y2=${H - m.bottom + 5} class="ce-chart-axis"></line>
              <text x=${px(v)} y=${H - m.bottom + 18} text-anchor=${v === 0 ? 'start' : v > xMax * 0.95 ? 'end' : 'middle'} class="ce-chart-tick">${w.wholeMoney(v.toFixed(2))}</text>`,
          )}
          <line x1=${m.left} x2=${W - m.right} y1=${H - m.bottom} y2=${H - m.bottom} class="ce-chart-axis"></line>
          <line x1=${m.left} x2=${m.left} y1=${m.top} y2=${H - m.bottom} class="ce-chart-axis"></line>
          <text x=${(m.left + W - m.right) / 2} y=${H - 8} text-anchor="middle" class="ce-chart-label">${narrow ? c.xAxisShort : c.xAxis}</text>
          ${narrow
            ? nothing
            : svg`<text x="14" y=${(m.top + H - m.bottom) / 2} text-anchor="middle" transform=${`rotate(-90 14 ${(m.top + H - m.bottom) / 2})`} class="ce-chart-label">${c.yAxis}</text>`}
        </g>
        ${curves.curves.map(
          (cv, i) => svg`<polyline class=${`ce-curve ce-curve-${i % LINE_STYLES}`} fill="none" data-plan=${cv.plan}
            points=${cv.points.map((p) => `${px(p.spending).toFixed(1)},${py(p.total_annual_cost).toFixed(1)}`).join(' ')}></polyline>`,
        )}
        <line x1=${mx} x2=${mx} y1=${m.top} y2=${H - m.bottom} class="ce-chart-you"></line>
        <text x=${mx > W * 0.6 ? mx - 4 : mx + 4} y=${m.top + 10} text-anchor=${mx > W * 0.6 ? 'end' : 'start'} class="ce-chart-you-label">${c.you(w.wholeMoney(curves.spending))}</text>
      </svg>
      <ul class="ce-legend">
        ${curves.curves.map((cv, i) => html`<li><svg class="ce-legend-swatch" viewBox="0 0 28 10" width="28" height="10" aria-hidden="true"><line x1="0" x2="28" y1="5" y2="5" class=${`ce-curve ce-curve-${i % LINE_STYLES}`}></line></svg>${vm.planNames(cv.plan).short}</li>`)}
      </ul>
      <figcaption>
        ${sentences.map((s) => (s === past ? html`<p data-past-at-most>${s}</p>` : html`<p class="ce-crossing">${s}</p>`))}
        <p class="ce-hint">${c.explain}</p>
      </figcaption>
    </figure>
  `;
}
