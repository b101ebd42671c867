// Shows a plan document (docs/sources/<file>) around a cited line: document.html?file=…&line=925.
// The text is shown as text, line by line; the cited line is marked and scrolled into view.
const CONTEXT = 40;
const params = new URLSearchParams(location.search);
const file = params.get('file') ?? '';
const line = Number.parseInt(params.get('line') ?? '', 10);
const status = document.getElementById('status');
const list = document.getElementById('lines');
const actions = document.getElementById('actions');

function render(lines, from, to) {
  const items = [];
  for (let n = from; n <= to; n++) {
    const li = document.createElement('li');
    li.value = n;
    li.id = `L${n}`;
    li.textContent = lines[n - 1] || '\u00a0';
    if (n === line) {
      li.className = 'cited';
      li.setAttribute('aria-current', 'true');
    }
    items.push(li);
  }
  list.replaceChildren(...items);
}

async function main() {
  if (!/^[A-Za-z0-9_.-]+\.txt$/.test(file)) throw new Error('no such document');
  const url = new URL(`docs/sources/${file}`, document.baseURI);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  const lines = (await response.text()).split(/\r?\n/);
  document.getElementById('title').textContent = file;
  document.title = `${file}${Number.isFinite(line) ? `, line ${line}` : ''}`;
  const raw = document.createElement('a');
  raw.href = url.href;
  raw.textContent = 'The whole document as plain text';
  actions.replaceChildren(raw);
  if (Number.isFinite(line) && line >= 1 && line <= lines.length) {
    const from = Math.max(1, line - CONTEXT);
    const to = Math.min(lines.length, line + CONTEXT);
    render(lines, from, to);
    status.textContent = `Line ${line} of ${lines.length}, with ${CONTEXT} lines either side.`;
    const all = document.createElement('button');
    all.type = 'button';
    all.textContent = 'Show every line';
    all.addEventListener('click', () => {
      render(lines, 1, lines.length);
      document.getElementById(`L${line}`)?.scrollIntoView({ block: 'center' });
      all.remove();
    });
    actions.append(' ', all);
    document.getElementById(`L${line}`)?.scrollIntoView({ block: 'center' });
  } else {
    render(lines, 1, lines.length);
    status.textContent = `${lines.length} lines.`;
  }
}

main().catch((error) => {
  status.textContent = `The document could not be shown: ${error.message}`;
});
