// Shows a cited line of a plan document in its passage: document.html?file=…&line=925.
// The site carries the passages the plans cite (docs/passages/<name>.json, written by
// scripts/build-site.mjs: each cited line with a few lines either side), not whole documents,
// to keep the estimator small. Text is shown as text, line by line, with the document's own
// line numbers; the cited line is marked and scrolled into view.
const params = new URLSearchParams(location.search);
const file = params.get('file') ?? '';
const line = Number.parseInt(params.get('line') ?? '', 10);
const status = document.getElementById('status');
const content = document.querySelector('main');
const actions = document.getElementById('actions');

/** One passage as a numbered list of its lines. */
function passageList([first, lines]) {
  const list = document.createElement('ol');
  list.className = 'lines';
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
  status.textContent = `Every passage the plans cite, ${doc.passages.length} in all, from ${doc.lines} lines.`;
}

function gap(from, to) {
  const p = document.createElement('p');
  p.className = 'gap';
  p.textContent = from === to ? `Line ${from} is not cited.` : `Lines ${from} to ${to} are not cited.`;
  return p;
}

async function show() {
  if (!/^[A-Za-z0-9_.-]+\.txt$/.test(file)) throw new Error('no such document');
  const url = new URL(`docs/passages/${file.replace(/\.txt$/, '.json')}`, document.baseURI);
  const response = await fetch(url);
  if (!response.ok) throw new Error(response.status === 404 ? 'no plan cites this document' : `HTTP ${response.status}`);
  const doc = await response.json();
  const title = doc.title || file;
  document.getElementById('title').textContent = title;
  document.title = `${title}${Number.isFinite(line) ? `, line ${line}` : ''}`;
  const passage = doc.passages.find(([first, lines]) => line >= first && line < first + lines.length);
  if (passage) {
    content.replaceChildren(status, passageList(passage));
    status.textContent = `Line ${line} of ${doc.lines}, with up to ${doc.context} lines either side.`;
    const all = document.createElement('button');
    all.type = 'button';
    all.textContent = 'Show every cited passage';
    all.addEventListener('click', () => {
      showAll(doc);
      document.getElementById(`L${line}`)?.scrollIntoView({ block: 'center' });
      all.remove();
    });
    actions.replaceChildren(all);
    document.getElementById(`L${line}`)?.scrollIntoView({ block: 'center' });
  } else {
    showAll(doc);
    if (Number.isFinite(line)) status.textContent = `Line ${line} is not among the cited passages; here is every passage the plans cite.`;
  }
}

show().catch((error) => {
  status.textContent = `The document could not be shown: ${error.message}`;
});
