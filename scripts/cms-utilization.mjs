#!/usr/bin/env node
// Writes data/cms-utilization.json from the CMS out-of-pocket cost calculator's workbook: the
// "2014 Utilization Table" (7 age groups × 2 sexes × utilization deciles 1-10 and 5.5, 27
// services each with a unit cost, a utilization per member per year and an annual cost) and
// its Maternity and Diabetes rows.
//
// Source: the public GitHub repository CMSgov/oopc-calculations, FIRST commit
// febbfe583a5b65f0a7adcbae0c26b4190a2465db ("Initial commit", 2016-12-08), file
// OOPCCalcV37D20160527C3EXP.xlsm, sheet "Utilization Table". Later commits removed the
// workbook. Licence: CC0 1.0 Universal / public domain as a work of the US Government
// (LICENSE.md, added in commit b3934b46352ae004dd0f74a5fa3da4090dd96c75 of the same repository).
//
// To rerun (needs only Node.js 20; no packages: the .xlsm is a zip of XML, read here with
// node:zlib):
//   git clone https://github.com/CMSgov/oopc-calculations /tmp/oopc
//   git -C /tmp/oopc show febbfe583a5b65f0a7adcbae0c26b4190a2465db:OOPCCalcV37D20160527C3EXP.xlsm > /tmp/oopc.xlsm
//   node scripts/cms-utilization.mjs /tmp/oopc.xlsm            write data/cms-utilization.json
//   node scripts/cms-utilization.mjs /tmp/oopc.xlsm --check    exit 1 if the committed file differs
//
// The workbook is checked against its git blob id before anything is read. Figures are kept
// exactly: each is written as the shortest decimal that reads back as the number the workbook
// stores (the cells hold binary doubles; Excel shows the same digits), as a decimal string,
// never through arithmetic. Services a row does not use (utilization 0) are left out.
// How each CMS service becomes claims of the vocabulary (`services`) is the project's mapping,
// docs/decisions.md decision 16; the engine reads it from this file (src/utilization.rs).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outPath = join(root, 'data/cms-utilization.json');

const COMMIT = 'febbfe583a5b65f0a7adcbae0c26b4190a2465db';
const FILE = 'OOPCCalcV37D20160527C3EXP.xlsm';
const BLOB = 'bc8ed6b892060f576bec7fe461540aecf6a70d1d';
const SHEET = 'Utilization Table';
const AGES = ['0-5', '6-17', '18-25', '26-34', '35-44', '45-54', '55+'];
const LEVELS = ['1', '2', '3', '4', '5', '5.5', '6', '7', '8', '9', '10'];
const SEXES = { F: 'female', M: 'male' };

// The 27 CMS services in the table's order, with the CMS calculator's own label (oopc.go in the
// same repository maps each to a plan benefit) and what each becomes in a member's year.
// `service`: the vocabulary id its claims take, one claim per unit of its utilization;
// `joins`: it makes no claims of its own, its dollars are added to the claims of that CMS
// service (one claim and one copay for a stay, an emergency visit or an outpatient surgery,
// as these plans charge), and with `days` its utilization is the days of those stays (the
// facility's hospital days join the professional admissions); `spread`: no service of its
// own, its dollars are spread over the row's other claims in proportion to their dollars (the
// CMS calculator prices "other" at the average cost-sharing rate of the rest).
const SERVICES = {
  ip_fac: { label: 'Inpatient Hospital Services (e.g., Hospital Stay)', service: 'inpatient_stay', joins: 'ip_prof', days: true },
  ip_prof: { label: 'Inpatient Physician and Surgical Services', service: 'inpatient_stay' },
  op_ambulance: { label: 'Emergency Transportation/Ambulance', service: 'ambulance_trip' },
  op_chiro: { label: 'Chiropractic Care', service: 'chiropractic_visit' },
  op_ct_mri: { label: 'Imaging (CT/PET Scans, MRIs)', service: 'advanced_imaging' },
  op_diagnostic_cardiology: { label: 'Diagnostic cardiology (EKG, echocardiogram, stress test)', service: 'lab_test' },
  op_dialysis: { label: 'Dialysis', service: 'dialysis' },
  op_dme: { label: 'Durable Medical Equipment', service: 'dme_item' },
  op_er_fac: { label: 'Emergency Room Services', service: 'emergency_room_visit' },
  op_er_prof: { label: 'Emergency room professional services', service: 'emergency_room_visit', joins: 'op_er_fac' },
  op_eye: { label: 'Routine Eye Exam (Adult)', service: 'eye_exam' },
  op_jcode: { label: 'Chemotherapy and other drugs given by a clinician (HCPCS J-codes)', service: 'administered_drug' },
  op_lab: { label: 'Laboratory Outpatient and Professional Services', service: 'lab_test' },
  op_mh: { label: 'Mental/Behavioral Health Outpatient Services', service: 'mental_health_visit' },
  op_op_fac: { label: 'Outpatient Facility Fee (e.g., Ambulatory Surgery Center)', service: 'outpatient_surgery' },
  op_other: { label: 'Other', spread: true },
  op_prev: { label: 'Preventive Care/Screening/Immunization', service: 'preventive_visit' },
  op_primcare: { label: 'Primary Care Visit to Treat an Injury or Illness', service: 'primary_care_visit' },
  op_rehab: { label: 'Outpatient Rehabilitation Services', service: 'physical_therapy_visit' },
  op_speccare: { label: 'Specialist Visit', service: 'specialist_visit' },
  op_surg: { label: 'Outpatient Surgery Physician/Surgical Services', service: 'outpatient_surgery', joins: 'op_op_fac' },
  op_ultrasound: { label: 'Ultrasound', service: 'xray' },
  op_xray: { label: 'X-rays and Diagnostic Imaging', service: 'xray' },
  rx_generic: { label: 'Generic Drugs', service: 'rx_generic' },
  rx_npbrand: { label: 'Non-Preferred Brand Drugs', service: 'rx_non_preferred' },
  rx_pbrand: { label: 'Preferred Brand Drugs', service: 'rx_preferred_brand' },
  rx_specialty: { label: 'Specialty Drugs', service: 'rx_specialty' },
};

// Rows whose care means something narrower than the decile rows' (the CMS coverage examples
// "Having a baby" and "Managing type 2 diabetes"): the stay is the delivery, the specialist
// visits are prenatal care, the 34 equipment purchases are testing supplies. Written on the
// CMS service as the id it takes in that row.
SERVICES.ip_fac.maternity = 'maternity_delivery';
SERVICES.ip_prof.maternity = 'maternity_delivery';
SERVICES.op_speccare.maternity = 'prenatal_visit';
SERVICES.op_dme.diabetes = 'diabetic_supplies';

// ---- reading the .xlsm (a zip of XML parts) ----------------------------------------------

/** The zip's entries by name, inflated (stored and deflated entries; all this file uses). */
function unzip(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    files.set(name, () => (method === 0 ? data : inflateRawSync(data)).toString('utf8'));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

const unescapeXml = (s) =>
  s.replace(/&(lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-f]+));/gi, (_, e, d, h) =>
    d ? String.fromCodePoint(+d) : h ? String.fromCodePoint(parseInt(h, 16)) : { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e]);

/** The sheet's cells as rows: row number → column letters → { type, text }. */
function readSheet(files, sheetName) {
  const part = (name) => {
    const get = files.get(name);
    if (!get) throw new Error(`the workbook has no ${name}`);
    return get();
  };
  const workbook = part('xl/workbook.xml');
  const sheet = [...workbook.matchAll(/<sheet [^>]*>/g)].map((m) => m[0]).find((s) => s.includes(`name="${sheetName}"`));
  if (!sheet) throw new Error(`no sheet named "${sheetName}"`);
  const rid = /r:id="([^"]+)"/.exec(sheet)[1];
  const rel = [...part('xl/_rels/workbook.xml.rels').matchAll(/<Relationship [^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${rid}"`));
  const target = /Target="([^"]+)"/.exec(rel)[1].replace(/^\/?(xl\/)?/, 'xl/');
  const strings = [...part('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unescapeXml([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
  const rows = new Map();
  for (const m of part(target).matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [, col, row, attrs, inner = ''] = m;
    const v = /<v>([\s\S]*?)<\/v>/.exec(inner);
    if (!v) continue;
    const type = (/ t="([^"]+)"/.exec(attrs) || [])[1] || 'n';
    const text = type === 's' ? strings[+v[1]] : unescapeXml(v[1]);
    if (!rows.has(+row)) rows.set(+row, {});
    rows.get(+row)[col] = { type, text };
  }
  return rows;
}

/** A numeric cell's value as the shortest decimal string that reads back as the stored double,
 *  without an exponent ("1.26210551E-3" → "0.00126210551"). Digits are moved, never computed. */
export function exactDecimal(text) {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new Error(`not a non-negative number: ${text}`);
  const shortest = String(n);
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(shortest);
  if (!m) throw new Error(`unexpected number form: ${shortest}`);
  let digits = m[1] + (m[2] || '');
  let point = m[1].length + Number(m[3] || 0);
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) {
    digits += '0'.repeat(point - digits.length);
  }
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const frac = digits.slice(point).replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole;
}

/** Exact sum of decimal strings (as integers at the largest scale among them). */
export function addDecimals(values) {
  const scale = Math.max(0, ...values.map((v) => (v.split('.')[1] || '').length));
  const total = values.reduce((sum, v) => {
    const [w, f = ''] = v.split('.');
    return sum + BigInt(w + f.padEnd(scale, '0'));
  }, 0n);
  const s = total.toString().padStart(scale + 1, '0');
  const whole = s.slice(0, s.length - scale);
  const frac = s.slice(s.length - scale).replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole;
}

// ---- the table ------------------------------------------------------------------------------

function extract(xlsm) {
  const blob = createHash('sha1').update(`blob ${xlsm.length}\0`).update(xlsm).digest('hex');
  if (blob !== BLOB) throw new Error(`this is not ${FILE} of commit ${COMMIT} (git blob ${blob}, expected ${BLOB})`);
  const cells = readSheet(unzip(xlsm), SHEET);
  const title = cells.get(1)?.A?.text;
  const header = cells.get(3);
  const expect = { B: 'Age Group', C: 'Gender', E: 'Utilization Level', F: 'No Obs', G: 'Service', H: 'Unit Cost', I: 'Utilization (PMPY)', J: 'Units', K: 'Annual Cost' };
  for (const [col, name] of Object.entries(expect)) {
    if (header?.[col]?.text !== name) throw new Error(`column ${col} of row 3 is "${header?.[col]?.text}", expected "${name}"`);
  }
  const rows = {};
  const units = {};
  for (const [r, c] of [...cells].sort((a, b) => a[0] - b[0])) {
    if (r <= 3 || !c.G || !(c.G.text in SERVICES) || !c.E) continue;
    const [age, sex, level] = [c.B?.text, c.C?.text, c.E.text];
    let key;
    if (SEXES[sex] && AGES.includes(age) && /^Decile /.test(level) && LEVELS.includes(level.slice(7))) {
      key = [SEXES[sex], age, level.slice(7)];
    } else if (age === 'NA' && sex === 'NA' && (level === 'Maternity' || level === 'Diabetes')) {
      key = [level.toLowerCase()];
    } else {
      continue; // the condition rows (depression, asthma, ...), scenarios and custom rows
    }
    const id = key.join(' ');
    const row = (rows[id] ||= { key, observations: Number(c.F.text), services: {} });
    // The decile rows state one number of people on each line; the Maternity and Diabetes
    // rows (made-up examples, not observed groups) state 0 or 1 and get none.
    if (key.length === 1) row.observations = undefined;
    else if (Number(c.F.text) !== row.observations) throw new Error(`${id}: the number of observations changes within the row`);
    const service = c.G.text;
    if (row.services[service] !== undefined) throw new Error(`${id}: ${service} twice`);
    const [cost, use, annual] = ['H', 'I', 'K'].map((col) => exactDecimal(c[col].text));
    if (c.J?.text) units[service] ||= c.J.text;
    row.services[service] = use === '0' ? null : [cost, use, annual];
  }
  // "Some gender/age combinations have combined deciles due to low utilization" (the sheet's
  // note): where the lowest deciles are missing, the first row present stands for them all (its
  // people are the combined deciles': 18-25 male decile 4 has 29,687, four deciles of 7,422).
  for (const sex of Object.values(SEXES)) {
    for (const age of AGES) {
      const first = LEVELS.find((l) => rows[`${sex} ${age} ${l}`]);
      const below = LEVELS.slice(0, LEVELS.indexOf(first));
      if (below.length) rows[`${sex} ${age} ${first}`].covers = [...below, first];
      for (const l of LEVELS.slice(LEVELS.indexOf(first))) {
        if (!rows[`${sex} ${age} ${l}`]) throw new Error(`the table has no row ${sex} ${age} ${l}`);
      }
    }
  }
  for (const id of ['maternity', 'diabetes']) if (!rows[id]) throw new Error(`the table has no ${id} row`);
  for (const [id, row] of Object.entries(rows)) {
    const missing = Object.keys(SERVICES).filter((s) => !(s in row.services));
    if (missing.length) throw new Error(`${id} lacks ${missing.join(', ')}`);
  }
  return { title, rows, units };
}

function render({ title, rows, units }) {
  const row = (key, r) => {
    const services = {};
    for (const [s, figures] of Object.entries(r.services)) if (figures) services[s] = figures;
    const out = key.length === 3 ? { sex: key[0], age_group: key[1], level: key[2] } : { level: key[0] };
    if (r.covers) out.covers = r.covers;
    if (r.observations !== undefined) out.observations = r.observations;
    out.annual_cost = addDecimals(Object.values(services).map((f) => f[2]));
    out.services = services;
    return out;
  };
  const list = [];
  for (const sex of Object.values(SEXES)) {
    for (const age of AGES) {
      for (const level of LEVELS) if (rows[`${sex} ${age} ${level}`]) list.push(row([sex, age, level], rows[`${sex} ${age} ${level}`]));
    }
  }
  list.push(row(['maternity'], rows.maternity), row(['diabetes'], rows.diabetes));
  const services = {};
  for (const [id, s] of Object.entries(SERVICES)) services[id] = { ...s, unit: units[id] || 'Other' };
  const data = {
    description:
      "The CMS out-of-pocket cost calculator's 2014 utilization table: a year of care for people by sex, age group and utilization decile (`level` 1 = the tenth who use least, 10 = the tenth who use most, 5.5 = midway between 5 and 6), and the Maternity and Diabetes rows. Each row's `services` give each CMS service's figures as [unit cost, utilization per member per year, annual cost], exactly as the workbook holds them (dollars of 2014, allowed amounts); a service the row does not use is left out. `annual_cost` is the row's services added up exactly (this project's sum, not a cell of the workbook); `observations` is the number of people behind the row (none for decile 5.5, which CMS sets midway between deciles 5 and 6); where the table combines the lowest deciles of an age and sex group (\"due to low utilization\"), the one row stands for them all and `covers` lists them. `services` (top level) says how each CMS service becomes claims of data/services.json, and (`maternity`, `diabetes`) which id it takes in those rows (docs/decisions.md decision 16). Written by scripts/cms-utilization.mjs; do not edit by hand.",
    source: {
      title,
      publisher: 'Centers for Medicare & Medicaid Services (CMS), out-of-pocket cost calculator (workbook developed by LMI)',
      repository: 'https://github.com/CMSgov/oopc-calculations',
      commit: COMMIT,
      file: FILE,
      git_blob: BLOB,
      sheet: SHEET,
      licence: 'CC0 1.0 Universal (public domain), LICENSE.md of the same repository',
      regenerate: 'node scripts/cms-utilization.mjs OOPCCalcV37D20160527C3EXP.xlsm (see the script for how to get the file)',
    },
    price_year: 2014,
    services,
    rows: list,
  };
  // One line per service's figures (and per `covers`): the file reads as the table does.
  const text = JSON.stringify(data, null, 1).replace(/\[\n\s+("[^"\n]*"(?:,\n\s+"[^"\n]*")*)\n\s+\]/g, (_, items) => `[${items.split(/,\n\s+/).join(', ')}]`);
  return `${text}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [input, flag] = process.argv.slice(2);
  if (!input) {
    console.error('usage: node scripts/cms-utilization.mjs OOPCCalcV37D20160527C3EXP.xlsm [--check]');
    process.exit(2);
  }
  const text = render(extract(readFileSync(input)));
  if (flag === '--check') {
    const same = readFileSync(outPath, 'utf8') === text;
    console.log(same ? 'data/cms-utilization.json is up to date' : 'data/cms-utilization.json differs from the workbook: rerun without --check');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(outPath, text);
  console.log(`wrote ${outPath} (${text.length} bytes)`);
}
