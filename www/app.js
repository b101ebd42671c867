// The page around the element: the language switch (English / Español), kept in the URL
// fragment as lang=… beside the element's own state. The element follows <html lang>.
const TEXT = {
  en: {
    site: 'Health plan cost estimator',
    title: 'What will a year of care cost you?',
    intro:
      "The premium plus your share of each service, from the plan document's own rules, for every option side by side. Worked out in your browser: nothing you enter is sent anywhere.",
    footer:
      "An estimate for one calendar year, at illustrative typical prices you can change. It is not a bill or a promise of coverage: the plan's documents decide. ",
    embed: 'Add this estimator to your own site',
    census: 'price a group census',
    brokers: '; brokers: ',
    pageTitle: 'Health plan cost estimator',
  },
  es: {
    site: 'Calculadora de costos del plan de salud',
    title: '¿Cuánto le costará un año de atención?',
    intro:
      'La prima más su parte de cada servicio, con las reglas del propio documento del plan, para cada opción lado a lado. Se calcula en su navegador: nada de lo que escribe se envía a ningún lugar.',
    footer:
      'Una estimación para un año calendario, con precios típicos ilustrativos que puede cambiar. No es una factura ni una promesa de cobertura: deciden los documentos del plan. ',
    embed: 'Agregue esta calculadora a su propio sitio',
    census: 'calcule un censo de grupo',
    brokers: '; agentes: ',
    pageTitle: 'Calculadora de costos del plan de salud',
  },
};

function hashParams() {
  return new URLSearchParams(location.hash.replace(/^#/, ''));
}

function setLanguage(lang, { remember } = { remember: false }) {
  // The HTML is in English: opened in English, nothing is written (rewriting the page's text and
  // its lang costs a restyle and layout of the whole page, the element's first view included,
  // ~30 ms of the first estimate's path at 4x CPU).
  if (!remember && lang === 'en' && document.documentElement.lang === 'en' && document.title === TEXT.en.pageTitle) return;
  const words = TEXT[lang] ?? TEXT.en;
  document.documentElement.lang = lang in TEXT ? lang : 'en';
  document.title = words.pageTitle;
  for (const el of document.querySelectorAll('[data-text]')) {
    const key = el.dataset.text;
    if (key === 'footer') {
      const [embed, census] = el.querySelectorAll('a');
      el.textContent = words.footer;
      if (embed) {
        embed.textContent = words.embed;
        el.append(embed);
      }
      if (census) {
        census.textContent = words.census;
        el.append(words.brokers, census, '.');
      }
    } else {
      el.textContent = words[key];
    }
  }
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === document.documentElement.lang));
  }
  if (remember) {
    const q = hashParams();
    if (lang === 'en') q.delete('lang');
    else q.set('lang', lang);
    const hash = q.toString();
    history.replaceState(history.state, '', hash ? `#${hash}` : location.pathname + location.search);
  }
}

for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => setLanguage(button.dataset.lang, { remember: true }));
}
window.addEventListener('hashchange', () => setLanguage(hashParams().get('lang') ?? 'en'));
setLanguage(hashParams().get('lang') ?? (navigator.language?.toLowerCase().startsWith('es') ? 'es' : 'en'));
