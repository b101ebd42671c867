// Shows a cited line of a plan document in its passage: document.html?file=…&line=925.
// The site carries the passages the plans cite (docs/passages/<name>.json, written by
// scripts/build-site.mjs: each cited line with a few lines either side), not whole documents,
// to keep the estimator small. Text is shown as text, line by line, with the document's own
// line numbers; the cited line is marked and scrolled into view.
// The page's own words are in English or Spanish (?lang=es, as the estimator links it); the
// document's lines stay in English, marked so.
const params = new URLSearchParams(location.search);
const file = params.get('file') ?? '';
const line = Number.parseInt(params.get('line') ?? '', 10);
const status = document.getElementById('status');
const content = document.querySelector('main');
const actions = document.getElementById('actions');

const WORDS = {
  en: {
    title: 'Plan document',
    about: 'The passages of the plan document that the estimator’s figures cite, with the document’s own line numbers.',
    loading: 'Loading the document…',
    all: (n, lines) => `Every passage the plans cite, ${n} in all, from ${lines} lines.`,
    gapOne: (n) => `Line ${n} is not cited.`,
    gap: (from, to) => `Lines ${from} to ${to} are not cited.`,
    noSuch: 'no such document',
    notCited: 'no plan cites this document',
    atLine: (title, n) => `${title}, line ${n}`,
    shown: (n, lines, context) => `Line ${n} of ${lines}, with up to ${context} lines either side.`,
    showAll: 'Show every cited passage',
    notAmong: (n) => `Line ${n} is not among the cited passages; here is every passage the plans cite.`,
    failed: (why) => `The document could not be shown: ${why}`,
  },
  es: {
    title: 'Documento del plan',
    about: 'Los pasajes del documento del plan que citan las cifras de la calculadora, con los números de línea del propio documento. El documento está en inglés.',
    loading: 'Cargando el documento…',
    all: (n, lines) => `Todos los pasajes que citan los planes: ${n} en total, de ${lines} líneas.`,
    gapOne: (n) => `La línea ${n} no se cita.`,
    gap: (from, to) => `Las líneas ${from} a ${to} no se citan.`,
    noSuch: 'no existe ese documento',
    notCited: 'ningún plan cita este documento',
    atLine: (title, n) => `${title}, línea ${n}`,
    shown: (n, lines, context) => `Línea ${n} de ${lines}, con hasta ${context} líneas antes y después.`,
    showAll: 'Mostrar todos los pasajes citados',
    notAmong: (n) => `La línea ${n} no está entre los pasajes citados; estos son todos los pasajes que citan los planes.`,
    failed: (why) => `No se pudo mostrar el documento: ${why}`,
  },
};
const lang = params.get('lang') === 'es' ? 'es' : 'en';
const t = WORDS[lang];
document.documentElement.lang = lang;
document.title = t.title;
document.getElementById('title').textContent = t.title;
document.getElementById('about').textContent = t.about;
status.textContent = t.loading;

/** One passage as a numbered list of its lines. */
function passageList([first, lines]) {
  const list = document.createElement('ol');
  list.className = 'lines';
  list.lang = 'en';
  list.start = first;
  lines.forEach((text, i) => {
    const n = first + i;
    const li = document.createElement('li');
    li.id = `L${n}`;
    li.textContent = text || '\u00a0';
    if (n === line) {
      li.className = 'cited';
      li.setAttribute('aria-current', 'true');
    }
    list.append(li);
  });
  return list;
}

/** Every passage, with the lines between them noted, and a status saying so. */
function showAll(doc) {
  const parts = [];
  let next = 1;
  for (const passage of doc.passages) {
    const [first, lines] = passage;
    if (first > next) parts.push(gap(next, first - 1));
    parts.push(passageList(passage));
    next = first + lines.length;
  }
  if (next <= doc.lines) parts.push(gap(next, doc.lines));
  content.replaceChildren(status, ...parts);
  status.textContent = t.all(doc.passages.length, doc.lines);
}

function gap(from, to) {
  const p = document.createElement('p');
  p.className = 'gap';
  p.textContent = from === to ? t.gapOne(from) : t.gap(from, to);
  return p;
}

async function show() {
  if (!/^[A-Za-z0-9_.-]+\.txt$/.test(file)) throw new Error(t.noSuch);
  const url = new URL(`docs/passages/${file.replace(/\.txt$/, '.json')}`, document.baseURI);
  const response = await fetch(url);
  if (!response.ok) throw new Error(response.status === 404 ? t.notCited : `HTTP ${response.status}`);
  const doc = await response.json();
  const title = doc.title || file;
  const heading = document.getElementById('title');
  heading.textContent = title;
  heading.lang = 'en';
  document.title = Number.isFinite(line) ? t.atLine(title, line) : title;
  const passage = doc.passages.find(([first, lines]) => line >= first && line < first + lines.length);
  if (passage) {
    content.replaceChildren(status, passageList(passage));
    status.textContent = t.shown(line, doc.lines, doc.context);
    const all = document.createElement('button');
    all.type = 'button';
    all.textContent = t.showAll;
    all.addEventListener('click', () => {
      showAll(doc);
      document.getElementById(`L${line}`)?.scrollIntoView({ block: 'center' });
      all.remove();
    });
    actions.replaceChildren(all);
    document.getElementById(`L${line}`)?.scrollIntoView({ block: 'center' });
  } else {
    showAll(doc);
    if (Number.isFinite(line)) status.textContent = t.notAmong(line);
  }
}

show().catch((error) => {
  status.textContent = t.failed(error.message);
});
