// The element's words in English and Spanish, and the formatters that go with a language.
// Plan text (labels, summaries, quotes) comes from the plan files and stays in English; in
// Spanish the page shows a translated service label where this file has one (ES_SERVICES) and
// marks every English plan text with lang="en".

/** Services in the order and groups the page lists them; a plan's other services go in "other". */
export const GROUPS = [
  ['doctor', ['preventive_visit', 'primary_care_visit', 'specialist_visit', 'telehealth_visit', 'specialist_office_procedure', 'administered_drug']],
  ['tests', ['lab_test', 'xray', 'advanced_imaging']],
  ['emergency', ['urgent_care_visit', 'emergency_room_visit', 'ambulance_trip']],
  ['hospital', ['inpatient_stay', 'outpatient_surgery', 'ambulatory_surgery_center', 'skilled_nursing_stay', 'home_health_visit']],
  ['maternity', ['prenatal_visit', 'maternity_delivery', 'infertility_service']],
  ['mental', ['mental_health_visit', 'mental_health_group_visit', 'mental_health_inpatient']],
  ['therapy', ['physical_therapy_visit', 'speech_therapy_visit', 'chiropractic_visit', 'acupuncture']],
  ['rx', ['rx_preventive_maintenance', 'rx_generic', 'rx_non_preferred_generic', 'rx_preferred_brand', 'rx_non_preferred', 'rx_specialty', 'diabetic_supplies']],
  ['other', ['dme_item', 'dental_routine', 'dental_accidental_injury', 'eyewear', 'hearing_aid', 'travel_benefit_visit']],
];

/** Spanish labels by service id (the catalog's ids); others fall back to the plan's English label. */
const ES_SERVICES = {
  preventive_visit: 'Visita preventiva (examen físico de rutina, control del niño sano)',
  primary_care_visit: 'Consulta de atención primaria',
  specialist_visit: 'Consulta con un especialista',
  telehealth_visit: 'Consulta por telesalud (video, teléfono o correo electrónico)',
  specialist_office_procedure: 'Procedimiento durante una consulta con un especialista',
  administered_drug: 'Medicamentos administrados en el consultorio (por visita)',
  lab_test: 'Análisis de laboratorio (sangre, orina, patología, electrocardiograma)',
  xray: 'Radiografía, ecografía o mamografía',
  advanced_imaging: 'Tomografía, resonancia magnética, PET o medicina nuclear (por procedimiento)',
  urgent_care_visit: 'Visita de atención de urgencia',
  emergency_room_visit: 'Visita a la sala de emergencias',
  ambulance_trip: 'Traslado en ambulancia',
  inpatient_stay: 'Hospitalización (por ingreso)',
  outpatient_surgery: 'Cirugía o atención en el departamento ambulatorio de un hospital',
  ambulatory_surgery_center: 'Cirugía en un centro de cirugía ambulatoria',
  skilled_nursing_stay: 'Estancia en un centro de enfermería especializada (por ingreso)',
  home_health_visit: 'Visita de atención médica a domicilio',
  prenatal_visit: 'Consulta prenatal',
  maternity_delivery: 'Hospitalización para dar a luz (ingreso para el parto)',
  infertility_service: 'Diagnóstico y tratamiento de la infertilidad',
  mental_health_visit: 'Terapia de salud mental o consumo de sustancias (individual)',
  mental_health_group_visit: 'Terapia de grupo de salud mental o consumo de sustancias',
  mental_health_inpatient: 'Atención hospitalaria de salud mental o consumo de sustancias (por ingreso)',
  physical_therapy_visit: 'Sesión de fisioterapia',
  speech_therapy_visit: 'Sesión de terapia del habla',
  chiropractic_visit: 'Consulta quiropráctica',
  acupuncture: 'Acupuntura',
  rx_preventive_maintenance: 'Medicamento preventivo de mantenimiento (surtido de receta)',
  rx_generic: 'Medicamento genérico (surtido de receta)',
  rx_non_preferred_generic: 'Medicamento genérico no preferido (surtido de receta)',
  rx_preferred_brand: 'Medicamento de marca preferido (surtido de receta)',
  rx_non_preferred: 'Medicamento de marca no preferido (surtido de receta)',
  rx_specialty: 'Medicamento especializado (surtido de receta)',
  diabetic_supplies: 'Suministros para la diabetes (por compra)',
  dme_item: 'Equipo médico duradero (silla de ruedas, oxígeno, monitor de glucosa, etc.)',
  dental_routine: 'Atención dental de rutina',
  dental_accidental_injury: 'Reparación dental tras una lesión accidental',
  eyewear: 'Anteojos o lentes de contacto (una compra)',
  hearing_aid: 'Audífono (un oído)',
  travel_benefit_visit: 'Consulta de seguimiento durante un viaje fuera de las áreas de Kaiser Permanente',
};

/** Spanish names and descriptions of the usage presets (data/usage-presets.json), by id. */
const ES_PRESETS = {
  low: ['Uso bajo', 'Un chequeo, una consulta por enfermedad, un análisis de laboratorio y un tratamiento corto con un medicamento genérico.'],
  medium: [
    'Uso medio',
    'Un chequeo, algunas consultas con el médico y el especialista, análisis, una visita de urgencia y un medicamento genérico cada mes.',
  ],
  high: [
    'Uso alto',
    'Atención continua de una enfermedad crónica: consultas regulares con el médico y el especialista, análisis, imágenes, terapia y medicamentos de marca y genéricos cada mes.',
  ],
  hospital_stay: [
    'Una hospitalización',
    'Una visita a emergencias que termina en un ingreso de tres días, con consultas de seguimiento y un mes de medicamentos.',
  ],
  having_a_baby: [
    'Tener un bebé',
    'Nueve meses de atención prenatal y un parto en el hospital: consultas, análisis y ecografías, y la hospitalización del parto.',
  ],
  managing_diabetes: [
    'Controlar la diabetes tipo 2',
    'Un año de atención de rutina para una diabetes bien controlada: consultas de atención primaria con educación, análisis de sangre, medicamentos y un medidor de glucosa.',
  ],
  simple_fracture: ['Una fractura simple', 'Una visita a emergencias, radiografías, muletas y fisioterapia.'],
};

const EN = {
  loading: 'Loading the plans…',
  loadingPlan: 'Loading the chosen plan’s figures: these are the last plan’s.',
  loadFailed: (why) => `The estimator could not load: ${why}`,
  unknownPlans: (ids) => `These plan ids are not in the catalog and are left out: ${ids}.`,
  noPlans: 'No plan to show: check the plans attribute.',

  inputsLabel: 'Your plan, the people covered and their care',
  planHeading: 'Plan',
  planLabel: 'Plan option',
  planOnly: 'Plan option',
  enrollmentLabel: 'Enrollment type',
  payLabel: 'Premium paid',
  enrollment: {
    self_only: 'Self Only',
    self_plus_one: 'Self Plus One',
    self_and_family: 'Self and Family',
    per_member: 'Priced per person',
  },
  pay: { biweekly: 'Every two weeks (26 a year)', monthly: 'Monthly (12 a year)' },
  documentIs: 'Plan document:',
  sampleBadge: 'Sample figures',
  samplePlan: 'This plan is an example with sample figures:',

  peopleHeading: 'People covered',
  personName: (id, n) => (id === 'you' ? 'You' : `Person ${n}`),
  age: 'Age',
  ageHint: 'years',
  relationship: 'Relationship',
  relationships: { '': 'Not stated', subscriber: 'Subscriber (retiree)', spouse: 'Spouse', child: 'Child' },
  medicare: 'Medicare',
  medicares: {
    '': 'Not stated',
    none: 'No Medicare',
    part_a_only: 'Part A only',
    part_b_only: 'Part B only',
    parts_a_and_b: 'Parts A and B',
  },
  addPerson: 'Add a person',
  removePerson: (name) => `Remove ${name}`,
  perMemberNote: 'This plan prices each person by their place in the family and Medicare status.',

  careHeading: 'Care during the year',
  careIntro: 'Pick the care each person expects this year, with how many times. Nothing is chosen to start with.',
  quickStart: 'Quick start:',
  examples: { family: 'A family with a child', clear: 'Clear all care' },
  presetLabel: 'Start from a typical year',
  presetNone: 'Choose…',
  presetHint: 'Fills in this person’s care; change any count afterwards.',
  illustrativeCounts: 'Illustrative counts',
  careFor: (name) => `Care for ${name}`,
  groups: {
    doctor: 'Doctor visits',
    tests: 'Tests and imaging',
    emergency: 'Emergency and urgent care',
    hospital: 'Hospital and surgery',
    maternity: 'Maternity and fertility',
    mental: 'Mental health',
    therapy: 'Therapy',
    rx: 'Prescriptions by tier and supply',
    other: 'Other care',
  },
  chosen: (n) => (n === 1 ? '1 chosen' : `${n} chosen`),
  howMany: { visit: 'times', admission: 'stays', fill: 'fills' },
  howManyLabel: { visit: 'Number of visits', admission: 'Number of stays', fill: 'Number of fills' },
  days: 'Days in hospital (each stay)',
  daysSupply: "Days' supply (each fill)",
  channel: 'Pharmacy',
  channels: { retail: 'Plan pharmacy', community: 'Community pharmacy', mail: 'Mail order' },
  admitted: 'Admitted to the hospital from the ER',
  outOfNetwork: 'Out of network',
  billed: 'Provider bills (each)',
  notCoveredService: 'Not covered by this plan',

  pricesHeading: 'Prices',
  pricesIntro: 'The price the plan allows for each service you chose. Change any price to your own.',
  pricesNone: 'Choose some care to see the prices used.',
  priceUnit: { allowed: 'each', per_day: 'a day', per_30_days_supply: "per 30 days' supply" },
  priceFor: (label) => `Price of ${label}`,
  illustrative: 'Illustrative',
  illustrativeNote: 'No public price was found: this is a round example figure.',
  yourPrice: 'Your price',
  yourPriceNote: 'Entered by you.',
  resetPrice: 'Use the typical price',
  typicalWas: (amount, unit) => `Typical: ${amount} ${unit}`,

  resultsHeading: 'Your estimate',
  totalLabel: 'Total for the year',
  totalSub: 'premium plus your share of care',
  premiumLabel: 'Premium',
  premiumDetail: (n, each) => `${n} payments of ${each}`,
  premiumPerPerson: 'premiums set per person',
  careLabel: 'Your share of care',
  careDetail: (allowed, plan) => `of ${allowed} in prices; the plan pays ${plan}`,
  noEstimate: 'No estimate yet.',
  stale: 'These figures are out of date: fix the marked field and they will update.',
  failed: 'Something went wrong while working out the estimate. Your entries are kept: change any field or try again.',
  tryAgain: 'Try again',
  familyHeading: 'The family together',
  deductible: 'Deductible',
  oop: 'Out-of-pocket maximum',
  partD: 'Part D drug limit',
  progressText: (applied, limit) => `${applied} of ${limit}`,
  met: 'met',
  noDeductible: 'This plan has no deductible.',
  perPersonHeading: 'Each person',
  pays: 'pays for care',
  premiumEach: (amount) => `premium ${amount} a month`,
  notCounted: (amount) => `${amount} of it does not count toward the out-of-pocket maximum`,
  linesHeading: 'Each service, in order',
  linesCaption: 'What each service costs and why, in the order it is used during the year.',
  colService: 'Service',
  colPrice: 'Price',
  colYouPay: 'You pay',
  colPlanPays: 'Plan pays',
  times: (n) => `× ${n}`,
  each: 'each',
  noLines: 'No care chosen yet: the total is the premium alone.',
  pricesNote: 'Prices are the plan’s allowed amounts from step 4: illustrative examples unless you entered your own.',
  forWhom: (name) => `for ${name}`,
  scenarioLine: (people, enrollment, pay) => `${people} · ${enrollment} · ${pay}`,
  personAge: (name, age) => `${name} (${age})`,
  workedOutHeading: 'How this is worked out',
  workedOutIntro: 'Every figure comes from the plan document; quotes are the document’s own words.',
  document: 'Document',
  documentLine: (line) => `document line ${line}`,
  otherDocumentLine: (file, line) => `${file}, line ${line}`,
  openDocument: 'open the document at this line',
  newTab: '(opens in a new tab)',
  premiumSource: 'Premium',
  memberPremiumSource: (from, to) => `Premiums per person: the table at document lines ${from} to ${to}`,
  deductibleSource: 'Deductible',
  oopSource: 'Out-of-pocket maximum',
  partDSource: 'Part D drug limit',
  assumptionsHeading: 'Assumptions',
  servicesUsedHeading: 'The rules for the care you chose',
  pricesSourceHeading: 'Prices',
  sampleHeading: 'Sample figures',
  oneYearNote:
    'One calendar year at this plan option; carry-overs and mid-year changes are left out. Care is from the plan’s own providers unless marked out of network.',
  printButton: 'Print summary',
  copyLink: 'Copy link to this estimate',
  linkCopied: 'Link copied.',
  printedOn: 'Estimate made with the plan’s own rules; not a bill or a promise of coverage.',
  announce: (total) => `Total for the year: ${total}`,
  compare: {
    heading: 'Compare options',
    intro: 'The same people and care, priced under each option you can choose, cheapest first. Premium and your share of care are shown apart.',
    working: 'Working out the comparison…',
    rank: (n) => `${n}.`,
    cheapest: 'Cheapest',
    current: 'Your choice',
    total: 'Total for the year',
    premium: 'Premium',
    care: 'Your share of care',
    adjusted: 'Adjusted to fit this option:',
    worstHeading: 'Worst case:',
    notPriced: 'Could not be priced:',
    worst: (total, premium, oop, partD, labels) =>
      `At most ${total} in a year: ${premium} of premium and ${oop} of cost sharing${partD ? ` (plus up to ${partD} for Part D drugs)` : ''}. Not capped: care the plan does not cover${labels.length ? `, and the cost share of ${labels.join(', ')}` : ''}.`,
    chartHeading: 'Total yearly cost by amount of care',
    chartTitle: (names, zero, max, you) => `Line chart of the total yearly cost (premium plus your share) of ${names.join(', ')} for care priced from ${zero} to ${max}; your care is ${you}.`,
    xAxis: 'Total price of care in the year',
    yAxis: 'Total yearly cost',
    you: (amount) => `Your care: ${amount}`,
    incomplete: 'part of the range only',
    crossing: (below, amount, above) => `${below} is cheaper until about ${amount} of care; then ${above}.`,
    noCrossing: (name) => `${name} costs the least at every amount of care shown.`,
    noCare: 'Add some care to see how the totals change with the amount of care.',
    failed: 'The comparison could not be worked out.',
  },

  errors: {
    count: 'Enter a whole number from 0 to 1,000.',
    age: 'Enter an age in whole years, from 0 to 120.',
    days: 'Enter the days in the hospital for each stay: a whole number from 1 to 366.',
    days_supply: "Enter the days' supply of each fill: a whole number from 1 to 366.",
    money: 'Enter an amount in dollars, such as 120.00.',
    moneyNegative: 'An amount cannot be negative.',
    moneyCents: 'Use at most two decimal places (cents).',
    moneyLarge: 'That amount is too large.',
    member: 'The plan publishes no premium for this person: check the age, relationship and Medicare status.',
    members: 'This enrollment type does not fit the number of people covered.',
    enrollment: 'This plan does not offer that enrollment type.',
    pay: 'This plan does not publish premiums for that schedule.',
    generic: (message) => `The estimate could not be made: ${message}`,
    badNumber: 'Enter a number.',
  },

  reason: {
    notCovered: (whole) => `Not covered: you pay the whole ${whole}.`,
    outOfNetworkNotCovered: (whole) => `Out of network this is not covered: you pay the whole ${whole}.`,
    pastLimit: (max, unit, label) => `This is past the plan’s yearly limit of ${max} ${unit === 'days' ? 'days' : 'visits'} (${label}). `,
    waived: 'You were admitted to the hospital, so this visit’s cost share is waived; the stay is priced on its own line.',
    youPay: 'You pay ',
    nothing: 'You pay nothing for this',
    deductible: (a) => `the first ${a} toward your deductible`,
    copay: (a) => `the ${a} copay`,
    coinsurance: (a) => `${a} coinsurance (your percentage of the price)`,
    then: ', then ',
    allowance: (a, max) => `, plus ${a} above the plan’s ${max} benefit maximum (it counts toward no limit)`,
    pastLimitPart: (a) => `, plus ${a} for the part past the yearly limit (not covered)`,
    balanceBilled: (a) => `, plus ${a} the provider billed above the allowed price (it counts toward no limit)`,
    oopReached: (family) => `; this reaches ${family ? 'the family’s' : 'your'} out-of-pocket maximum`,
    oopAlreadyMet: (family) => ` because ${family ? 'the family’s' : 'your'} out-of-pocket maximum is already met`,
    partDReached: '; this reaches the Part D out-of-pocket limit',
    partDAlreadyMet: ' because the Part D out-of-pocket limit is already met',
    planPays: (a) => `; the plan pays ${a}.`,
    deductibleMet: (family) => (family ? ' This meets the family deductible.' : ' This meets your deductible.'),
    copayLimited: ' The copay is more than the price, so you pay only the price.',
    admissionMaximum: (max) => ` The per-day copay stops at the ${max} maximum for a stay.`,
    coinsuranceCapped: (max) => ` Coinsurance is capped at ${max}.`,
    notCounted: ' This does not count toward your out-of-pocket maximum.',
    variant: ' Plan rule: ',
    outOfNetworkTier: (sample) => ` Priced under the out-of-network benefit${sample ? ', with sample figures that come from no document' : ''}.`,
    limitPartial: (covered, units) => ` The yearly limit covers ${covered} of these ${units} days.`,
  },
};

const ES = {
  loading: 'Cargando los planes…',
  loadingPlan: 'Cargando las cifras del plan elegido: estas son las del plan anterior.',
  loadFailed: (why) => `No se pudo cargar la calculadora: ${why}`,
  unknownPlans: (ids) => `Estos identificadores de plan no están en el catálogo y se omiten: ${ids}.`,
  noPlans: 'No hay ningún plan que mostrar: revise el atributo plans.',

  inputsLabel: 'Su plan, las personas cubiertas y su atención',
  planHeading: 'Plan',
  planLabel: 'Opción del plan',
  planOnly: 'Opción del plan',
  enrollmentLabel: 'Tipo de inscripción',
  payLabel: 'Pago de la prima',
  enrollment: {
    self_only: 'Solo usted (Self Only)',
    self_plus_one: 'Usted más uno (Self Plus One)',
    self_and_family: 'Usted y su familia (Self and Family)',
    per_member: 'Precio por persona',
  },
  pay: { biweekly: 'Cada dos semanas (26 al año)', monthly: 'Mensual (12 al año)' },
  documentIs: 'Documento del plan:',
  sampleBadge: 'Cifras de muestra',
  samplePlan: 'Este plan es un ejemplo con cifras de muestra:',

  peopleHeading: 'Personas cubiertas',
  personName: (id, n) => (id === 'you' ? 'Usted' : `Persona ${n}`),
  age: 'Edad',
  ageHint: 'años',
  relationship: 'Parentesco',
  relationships: { '': 'Sin indicar', subscriber: 'Suscriptor (jubilado)', spouse: 'Cónyuge', child: 'Hijo o hija' },
  medicare: 'Medicare',
  medicares: {
    '': 'Sin indicar',
    none: 'Sin Medicare',
    part_a_only: 'Solo Parte A',
    part_b_only: 'Solo Parte B',
    parts_a_and_b: 'Partes A y B',
  },
  addPerson: 'Agregar una persona',
  removePerson: (name) => `Quitar a ${name}`,
  perMemberNote: 'Este plan fija la prima de cada persona según su lugar en la familia y su situación con Medicare.',

  careHeading: 'Atención durante el año',
  careIntro: 'Elija la atención que cada persona espera este año y cuántas veces. Al principio no hay nada elegido.',
  quickStart: 'Para empezar:',
  examples: { family: 'Una familia con un niño', clear: 'Borrar toda la atención' },
  presetLabel: 'Empezar con un año típico',
  presetNone: 'Elija…',
  presetHint: 'Llena la atención de esta persona; después puede cambiar cualquier cantidad.',
  illustrativeCounts: 'Cantidades ilustrativas',
  careFor: (name) => `Atención para ${name === 'Usted' ? 'usted' : name}`,
  groups: {
    doctor: 'Consultas médicas',
    tests: 'Análisis e imágenes',
    emergency: 'Emergencias y urgencias',
    hospital: 'Hospital y cirugía',
    maternity: 'Maternidad y fertilidad',
    mental: 'Salud mental',
    therapy: 'Terapias',
    rx: 'Recetas por nivel y suministro',
    other: 'Otra atención',
  },
  chosen: (n) => (n === 1 ? '1 elegido' : `${n} elegidos`),
  howMany: { visit: 'veces', admission: 'ingresos', fill: 'surtidos' },
  howManyLabel: { visit: 'Número de visitas', admission: 'Número de ingresos', fill: 'Número de surtidos' },
  days: 'Días en el hospital (cada ingreso)',
  daysSupply: 'Días de suministro (cada surtido)',
  channel: 'Farmacia',
  channels: { retail: 'Farmacia del plan', community: 'Farmacia comunitaria', mail: 'Por correo' },
  admitted: 'Ingresó al hospital desde la sala de emergencias',
  outOfNetwork: 'Fuera de la red',
  billed: 'Factura del proveedor (cada vez)',
  notCoveredService: 'Este plan no lo cubre',

  pricesHeading: 'Precios',
  pricesIntro: 'El precio que el plan permite para cada servicio elegido. Puede cambiar cualquier precio por el suyo.',
  pricesNone: 'Elija alguna atención para ver los precios que se usan.',
  priceUnit: { allowed: 'cada uno', per_day: 'por día', per_30_days_supply: 'por 30 días de suministro' },
  priceFor: (label) => `Precio de ${label}`,
  illustrative: 'Ilustrativo',
  illustrativeNote: 'No se encontró un precio público: es una cifra redonda de ejemplo.',
  yourPrice: 'Su precio',
  yourPriceNote: 'Lo escribió usted.',
  resetPrice: 'Usar el precio típico',
  typicalWas: (amount, unit) => `Típico: ${amount} ${unit}`,

  resultsHeading: 'Su estimación',
  totalLabel: 'Total del año',
  totalSub: 'prima más su parte de la atención',
  premiumLabel: 'Prima',
  premiumDetail: (n, each) => `${n} pagos de ${each}`,
  premiumPerPerson: 'primas fijadas por persona',
  careLabel: 'Su parte de la atención',
  careDetail: (allowed, plan) => `de ${allowed} en precios; el plan paga ${plan}`,
  noEstimate: 'Todavía no hay estimación.',
  stale: 'Estas cifras no están al día: corrija el campo marcado y se actualizarán.',
  failed: 'Algo salió mal al calcular la estimación. Sus datos se conservan: cambie cualquier campo o inténtelo de nuevo.',
  tryAgain: 'Intentar de nuevo',
  familyHeading: 'La familia en conjunto',
  deductible: 'Deducible',
  oop: 'Máximo de gastos de bolsillo',
  partD: 'Límite de medicamentos de la Parte D',
  progressText: (applied, limit) => `${applied} de ${limit}`,
  met: 'alcanzado',
  noDeductible: 'Este plan no tiene deducible.',
  perPersonHeading: 'Cada persona',
  pays: 'paga por la atención',
  premiumEach: (amount) => `prima de ${amount} al mes`,
  notCounted: (amount) => `${amount} de eso no cuentan para el máximo de gastos de bolsillo`,
  linesHeading: 'Cada servicio, en orden',
  linesCaption: 'Lo que cuesta cada servicio y por qué, en el orden en que se usa durante el año.',
  colService: 'Servicio',
  colPrice: 'Precio',
  colYouPay: 'Usted paga',
  colPlanPays: 'El plan paga',
  times: (n) => `× ${n}`,
  each: 'cada uno',
  noLines: 'Todavía no eligió atención: el total es solo la prima.',
  pricesNote: 'Los precios son los montos permitidos por el plan del paso 4: ejemplos ilustrativos salvo que usted haya escrito los suyos.',
  forWhom: (name) => `para ${name === 'Usted' ? 'usted' : name}`,
  scenarioLine: (people, enrollment, pay) => `${people} · ${enrollment} · ${pay}`,
  personAge: (name, age) => `${name} (${age})`,
  workedOutHeading: 'Cómo se calcula',
  workedOutIntro: 'Cada cifra viene del documento del plan; las citas son las palabras del documento, en inglés.',
  document: 'Documento',
  documentLine: (line) => `línea ${line} del documento`,
  otherDocumentLine: (file, line) => `${file}, línea ${line}`,
  openDocument: 'abrir el documento en esta línea',
  newTab: '(se abre en una pestaña nueva)',
  premiumSource: 'Prima',
  memberPremiumSource: (from, to) => `Primas por persona: la tabla de las líneas ${from} a ${to} del documento`,
  deductibleSource: 'Deducible',
  oopSource: 'Máximo de gastos de bolsillo',
  partDSource: 'Límite de medicamentos de la Parte D',
  assumptionsHeading: 'Supuestos (en inglés)',
  servicesUsedHeading: 'Las reglas de la atención que eligió',
  pricesSourceHeading: 'Precios',
  sampleHeading: 'Cifras de muestra',
  oneYearNote:
    'Un año calendario con esta opción del plan; no se consideran traspasos ni cambios a mitad de año. La atención es de los proveedores del plan salvo que se marque fuera de la red.',
  printButton: 'Imprimir resumen',
  copyLink: 'Copiar el enlace a esta estimación',
  linkCopied: 'Enlace copiado.',
  printedOn: 'Estimación hecha con las reglas del propio plan; no es una factura ni una promesa de cobertura.',
  announce: (total) => `Total del año: ${total}`,
  compare: {
    heading: 'Comparar opciones',
    intro: 'Las mismas personas y la misma atención, con el costo de cada opción que puede elegir, de la más barata a la más cara. La prima y su parte de la atención se muestran por separado.',
    working: 'Calculando la comparación…',
    rank: (n) => `${n}.`,
    cheapest: 'La más barata',
    current: 'Su elección',
    total: 'Total del año',
    premium: 'Prima',
    care: 'Su parte de la atención',
    adjusted: 'Ajustado para esta opción:',
    worstHeading: 'En el peor de los casos:',
    notPriced: 'No se pudo calcular:',
    worst: (total, premium, oop, partD, labels) =>
      `Como máximo ${total} en un año: ${premium} de prima y ${oop} de costos compartidos${partD ? ` (más hasta ${partD} por medicamentos de la Parte D)` : ''}. Sin tope: la atención que el plan no cubre${labels.length ? `, y los costos compartidos de ${labels.join(', ')}` : ''}.`,
    chartHeading: 'Costo total del año según la cantidad de atención',
    chartTitle: (names, zero, max, you) => `Gráfico de líneas del costo total del año (prima más su parte) de ${names.join(', ')} para atención con precios de ${zero} a ${max}; su atención es de ${you}.`,
    xAxis: 'Precio total de la atención en el año',
    yAxis: 'Costo total del año',
    you: (amount) => `Su atención: ${amount}`,
    incomplete: 'solo parte del rango',
    crossing: (below, amount, above) => `${below} cuesta menos hasta unos ${amount} de atención; a partir de ahí, ${above}.`,
    noCrossing: (name) => `${name} cuesta menos con cualquier cantidad de atención que se muestra.`,
    noCare: 'Agregue algo de atención para ver cómo cambian los totales con la cantidad de atención.',
    failed: 'No se pudo calcular la comparación.',
  },

  errors: {
    count: 'Escriba un número entero de 0 a 1000.',
    age: 'Escriba una edad en años cumplidos, de 0 a 120.',
    days: 'Escriba los días en el hospital de cada ingreso: un número entero de 1 a 366.',
    days_supply: 'Escriba los días de suministro de cada surtido: un número entero de 1 a 366.',
    money: 'Escriba una cantidad en dólares, como 120.00.',
    moneyNegative: 'Una cantidad no puede ser negativa.',
    moneyCents: 'Use como máximo dos decimales (centavos).',
    moneyLarge: 'Esa cantidad es demasiado grande.',
    member: 'El plan no publica una prima para esta persona: revise la edad, el parentesco y la situación con Medicare.',
    members: 'Este tipo de inscripción no corresponde al número de personas cubiertas.',
    enrollment: 'Este plan no ofrece ese tipo de inscripción.',
    pay: 'Este plan no publica primas con esa frecuencia.',
    generic: (message) => `No se pudo hacer la estimación: ${message}`,
    badNumber: 'Escriba un número.',
  },

  reason: {
    notCovered: (whole) => `No está cubierto: usted paga el total de ${whole}.`,
    outOfNetworkNotCovered: (whole) => `Fuera de la red esto no está cubierto: usted paga el total de ${whole}.`,
    pastLimit: (max, unit) => `Supera el límite anual del plan de ${max} ${unit === 'days' ? 'días' : 'visitas'}. `,
    waived: 'Usted ingresó al hospital, así que no paga su parte de esta visita; la hospitalización se calcula en su propia línea.',
    youPay: 'Usted paga ',
    nothing: 'Usted no paga nada por esto',
    deductible: (a) => `los primeros ${a} para su deducible`,
    copay: (a) => `el copago de ${a}`,
    coinsurance: (a) => `${a} de coseguro (su porcentaje del precio)`,
    then: ' y luego ',
    allowance: (a, max) => `, más ${a} por encima del beneficio máximo de ${max} del plan (no cuenta para ningún límite)`,
    pastLimitPart: (a) => `, más ${a} por la parte que supera el límite anual (no cubierta)`,
    balanceBilled: (a) => `, más ${a} que el proveedor facturó por encima del precio permitido (no cuenta para ningún límite)`,
    oopReached: (family) => `; con esto se alcanza ${family ? 'el máximo de gastos de bolsillo de la familia' : 'su máximo de gastos de bolsillo'}`,
    oopAlreadyMet: (family) => ` porque ya se alcanzó ${family ? 'el máximo de gastos de bolsillo de la familia' : 'su máximo de gastos de bolsillo'}`,
    partDReached: '; con esto se alcanza el límite de gastos de bolsillo de la Parte D',
    partDAlreadyMet: ' porque ya se alcanzó el límite de gastos de bolsillo de la Parte D',
    planPays: (a) => `; el plan paga ${a}.`,
    deductibleMet: (family) => (family ? ' Con esto se cumple el deducible familiar.' : ' Con esto cumple su deducible.'),
    copayLimited: ' El copago es mayor que el precio, así que solo paga el precio.',
    admissionMaximum: (max) => ` El copago por día se detiene en el máximo de ${max} por ingreso.`,
    coinsuranceCapped: (max) => ` El coseguro tiene un tope de ${max}.`,
    notCounted: ' Esto no cuenta para su máximo de gastos de bolsillo.',
    variant: ' Regla del plan: ',
    outOfNetworkTier: (sample) => ` Se calcula con el beneficio fuera de la red${sample ? ', con cifras de muestra que no vienen de ningún documento' : ''}.`,
    limitPartial: (covered, units) => ` El límite anual cubre ${covered} de estos ${units} días.`,
  },
};

const DICTS = { en: EN, es: ES };

/** 'es', 'es-MX', 'en-GB' … → the dictionary's language ('en' or 'es'). */
export function languageOf(tag) {
  const base = String(tag || '').trim().toLowerCase().split('-')[0];
  return base === 'es' ? 'es' : 'en';
}

/** The locale for Intl: keep a region if one is given, else the United States (the plans' dollars). */
export function localeOf(tag) {
  const lang = languageOf(tag);
  const given = String(tag || '').trim();
  if (given.includes('-') && languageOf(given) === lang) {
    try {
      return Intl.getCanonicalLocales(given)[0];
    } catch {
      /* fall through */
    }
  }
  return lang === 'es' ? 'es-US' : 'en-US';
}

// en-US and es-US write dollars the same way: "$1,234.50", "-$3.00", "12,345". Written out
// here because the first Intl.NumberFormat of a page costs ~100 ms on a slow phone (Chromium
// at 4x CPU throttling; BENCHMARKS.md); tests/i18n.test.mjs checks these against Intl.
const US_LOCALES = new Set(['en-US', 'es-US']);

function grouped(digits, negative) {
  const out = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return negative ? `-${out}` : out;
}

/** "1234.5" → "$1,234.50"; null for text that is not a plain decimal of at most two places. */
export function usDollars(text) {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const [, sign, whole, cents = ''] = m;
  const negative = sign === '-';
  const money = `$${grouped(whole.replace(/^0+(?=\d)/, ''), false)}.${cents.padEnd(2, '0')}`;
  return negative ? `-${money}` : money;
}

/** Everything the element needs to speak one language. */
export function wordsFor(tag) {
  const lang = languageOf(tag);
  const locale = localeOf(tag);
  const t = DICTS[lang];
  // Made on first need: the page's own locales never need them (see usDollars).
  let currency;
  let integer;
  const intlMoney = (text) => (currency ??= new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' })).format(text);
  const intlNumber = (n) => (integer ??= new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })).format(n);
  const usLocale = US_LOCALES.has(locale);
  return {
    lang,
    locale,
    t,
    /** A decimal string from the engine ("1234.50") as money. Intl reads the string exactly. */
    money: (decimal) => (decimal == null ? '' : (usLocale && usDollars(String(decimal))) || intlMoney(String(decimal))),
    number: (n) => (usLocale && Number.isSafeInteger(n) ? grouped(String(Math.abs(n)), n < 0) : intlNumber(n)),
    /** A usage preset's name and description in this language (else the data's English). */
    presetText(name, preset) {
      const es = lang === 'es' ? ES_PRESETS[name] : null;
      if (es) return { label: es[0], description: es[1], english: false };
      return { label: preset.label, description: preset.description, english: lang !== 'en' };
    },
    /** The service's label in this language; `english` tells whether it is the plan's own words. */
    serviceLabel(id, plan) {
      const own = plan?.services?.[id]?.label ?? id;
      if (lang === 'es' && ES_SERVICES[id]) return { text: ES_SERVICES[id], english: false };
      return { text: own, english: lang !== 'en' };
    },
  };
}
