// Shows a cited line of a plan document in its passage: document.html?file=…&line=925.
// The site carries the passages the plans cite (docs/passages/<name>.json, written by
// scripts/build-site.mjs: each cited line with a few lines either side), not whole documents,
// to keep the estimator small. Text is shown as text, line by line, with the document's own
// line numbers; the cited line is marked and scrolled into view.
// The page's own words are in English or Spanish (?lang=es, as the estimator links it); the
// document's lines stay in English, marked so.
//
// The documents are text taken from PDFs, so a table's row is one line with its cells run
// together ("Standard Option Self and Family655$515.67$171.89$1,117.28$372.43"). Such a row is
// shown with its cells set apart and marked as a flattened table row; its text is unchanged.
// A way back: "Back to the estimate" returns to the page that opened this one (history), or,
// in a tab of its own, closes it; else it goes to the estimator beside this page.
const params = new URLSearchParams(location.search);
const file = params.get('file') ?? '';
const line = Number.parseInt(params.get('line') ?? '', 10);
const status = document.getElementById('status');
const content = document.querySelector('main');
const actions = document.getElementById('actions');
const back = document.getElementById('back');

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
    back: 'Back to the estimate',
    close: 'Close this tab and go back to the estimate',
    tableRow: 'table row',
    flattened: 'Lines marked “table row” are rows of a table that the PDF ran together into one line: their cells are set apart here, their text unchanged.',
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
    back: 'Volver a la estimación',
    close: 'Cerrar esta pestaña y volver a la estimación',
    tableRow: 'fila de tabla',
    flattened: 'Las líneas marcadas “fila de tabla” son filas de una tabla que el PDF juntó en una sola línea: aquí sus celdas aparecen separadas, con el texto sin cambios.',
  },
};
const lang = params.get('lang') === 'es' ? 'es' : 'en';
const t = WORDS[lang];
document.documentElement.lang = lang;
document.title = t.title;
document.getElementById('title').textContent = t.title;
document.getElementById('about').textContent = t.about;
status.textContent = t.loading;
wayBack();

/**
 * A flattened table row's cells, or null for a line that is not one: two or more dollar amounts
 * run together ("…Family655$515.67$171.89…"), the text before them split from a trailing code
 * ("Family655", "OnlyF81", "OnlyLA1"). The cells joined give the line back exactly.
 */
function tableCells(text) {
  if (!/(\d|[A-Za-z)])\$\d[\d,]*\.\d\d\$\d/.test(text)) return null;
  const [head, ...amounts] = text.split(/(?=\$\d)/);
  const coded = /^(.*?[a-z)])([A-Z]{0,2}\d{1,4})$/.exec(head);
  return [...(coded ? [coded[1], coded[2]] : [head]), ...amounts].filter((c) => c !== '');
}

/** One passage as a numbered list of its lines (and a note if it holds flattened table rows). */
function passageList([first, lines]) {
  const list = document.createElement('ol');
  list.className = 'lines';
  list.lang = 'en';
  list.start = first;
  let flattened = false;
  lines.forEach((text, i) => {
    const n = first + i;
    const li = document.createElement('li');
    li.id = `L${n}`;
    const cells = text ? tableCells(text) : null;
    if (cells) {
      flattened = true;
      li.classList.add('table-row');
      const mark = document.createElement('span');
      mark.className = 'mark';
      mark.lang = lang;
      mark.textContent = t.tableRow;
      li.append(mark, ' ');
      cells.forEach((cell, k) => {
        const span = document.createElement('span');
        span.className = 'cell';
        span.textContent = cell;
        // A space between cells for a screen reader and a copy; the layout sets them apart.
        li.append(...(k ? [' ', span] : [span]));
      });
    } else {
      li.textContent = text || '\u00a0';
    }
    if (n === line) {
      li.classList.add('cited');
      li.setAttribute('aria-current', 'true');
    }
    list.append(li);
  });
  if (!flattened) return list;
  const note = document.createElement('p');
  note.className = 'flattened';
  note.textContent = t.flattened;
  const part = document.createElement('div');
  part.append(note, list);
  return part;
}

/** The way back to the estimate: the page before this one, else (a tab of its own) closing it,
 * else the estimator beside this page. */
function wayBack() {
  const own = history.length > 1;
  back.textContent = own ? t.back : t.close;
  back.href = new URL(`index.html${lang === 'es' ? '#lang=es' : ''}`, document.baseURI).href;
  back.addEventListener('click', (event) => {
    event.preventDefault();
    if (history.length > 1) return history.back();
    window.close();
    // Still open: the browser would not close a tab it did not open by script.
    setTimeout(() => location.assign(back.href), 150);
  });
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
