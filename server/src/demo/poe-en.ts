/** English PoE documents: statement of work, acceptance email, certificate, deployment report, invoice, and unrelated filler. */
import { formatDate, formatEmailDate, addDays } from './dates';
import { greetingName, type DocContext } from './poe-context';
import { ACCENT, MUTED, type PdfWriter } from './pdf-writer';

const BLANK = '____________________';

function letterhead(w: PdfWriter, ctx: DocContext): void {
  w.line(ctx.partnerName, { size: 15, style: 'bold', color: ACCENT, gap: 2 });
  for (const line of ctx.spec.partner.address.slice(1)) w.line(line, { size: 8, color: MUTED, gap: 1 });
  w.line(`Partner ID ${ctx.spec.partner.partnerId}`, { size: 8, color: MUTED, gap: 4 });
  w.rule();
}

function longDate(ctx: DocContext, at: Date = ctx.date): string {
  return ctx.dated ? formatDate(at, ctx.timeZone, 'long') : BLANK;
}

type Party = { heading: string; person: { name: string; title: string } | null; date: Date | null };

/** Side-by-side signature columns; the customer's signature and date are remembered as regions. */
function signatureBlock(w: PdfWriter, ctx: DocContext, parties: Party[]): void {
  w.ensure(150);
  const columnWidth = w.contentWidth / parties.length;
  const top = w.y;
  for (const [i, party] of parties.entries()) {
    const x = w.left + i * columnWidth;
    const isCustomer = i === 0;
    let y = top - 12;
    w.drawAt(party.heading, x, y, 9, 'bold');
    y -= 40;
    if (party.person) {
      const rect = w.drawSignature(party.person.name, x + 6, y + 6);
      if (isCustomer) w.remember('signature', rect);
    } else if (isCustomer) {
      w.remember('signature', { x, y: y - 4, width: columnWidth - 30, height: 36 });
    }
    w.page.drawLine({ start: { x, y: y - 2 }, end: { x: x + columnWidth - 30, y: y - 2 }, thickness: 0.6, color: MUTED });
    y -= 14;
    w.drawAt(`Signature`, x, y, 7, 'regular', MUTED);
    y -= 14;
    w.drawAt(`Name: ${party.person?.name ?? ''}`, x, y, 9);
    y -= 13;
    w.drawAt(`Title: ${party.person?.title ?? ''}`, x, y, 9);
    y -= 13;
    const dateRect = w.drawAt(`Date: ${party.date ? formatDate(party.date, ctx.timeZone, 'long') : BLANK}`, x, y, 9);
    if (isCustomer) w.remember('date', dateRect);
  }
  w.y = top - 130;
}

function customerParty(ctx: DocContext, label: string): Party {
  return {
    heading: label,
    person: ctx.signed ? ctx.signatory : null,
    date: ctx.signed && ctx.dated ? ctx.date : null,
  };
}

function partnerParty(ctx: DocContext): Party {
  return { heading: `For ${ctx.partnerName} (Partner)`, person: ctx.partnerPerson, date: ctx.dated ? addDays(ctx.date, -1) : null };
}

function workParagraph(ctx: DocContext): string {
  return `${ctx.partnerName} will plan, configure and deploy ${ctx.productPhrase} for ${ctx.customerName}, migrate the agreed data, and prepare administrators and end users to run the solution in production.`;
}

const FILLER_SECTIONS: ((ctx: DocContext) => { title: string; body: string; bullets?: string[] })[] = [
  (ctx) => ({
    title: 'Project governance',
    body: `A steering committee with sponsors from ${ctx.customerName} and ${ctx.partnerName} meets every two weeks. The partner's engagement manager, ${ctx.partnerPerson.name}, reports progress, risks and decisions; the customer's sponsor, ${ctx.signatory.name}, approves changes of scope.`,
    bullets: ['Weekly status report with RAID log', 'Fortnightly steering committee', 'Shared project site for documents and decisions'],
  }),
  () => ({
    title: 'Assumptions',
    body: 'The customer provides timely access to subject-matter experts, test users and the production tenant. Licences are purchased by the customer. Third-party integrations are limited to those listed in the scope.',
    bullets: ['Work is performed remotely unless agreed otherwise', 'Business hours are 8:00 to 17:00 local time', 'Data is cleansed by the customer before migration'],
  }),
  () => ({
    title: 'Change control',
    body: 'Either party may request a change. The partner estimates the effect on fees and schedule within five business days; no change takes effect until both parties approve it in writing.',
  }),
  (ctx) => ({
    title: 'Training and knowledge transfer',
    body: `${ctx.partnerName} delivers train-the-trainer sessions and administrator workshops, with recordings and quick-reference guides handed over to ${ctx.customerName}.`,
    bullets: ['Two administrator workshops (half day each)', 'Four end-user sessions', 'Recorded walkthroughs and quick-reference guides'],
  }),
  () => ({
    title: 'Hypercare and support',
    body: 'After go-live, a four-week hypercare period covers defect fixes and user questions with a next-business-day response, followed by a handover to the customer\'s support desk.',
  }),
  () => ({
    title: 'Data protection',
    body: 'Personal data is processed only on the customer\'s instructions and within the customer\'s tenant. Test data is anonymised; migration extracts are deleted after validation.',
  }),
  () => ({
    title: 'Risks',
    body: 'Key risks are availability of key users during testing, data quality of the legacy system, and adoption. Each has an owner and a mitigation tracked in the RAID log.',
    bullets: ['Key-user availability: agreed test windows', 'Data quality: cleansing sprints before each load', 'Adoption: champions network and usage reports'],
  }),
  () => ({
    title: 'Acceptance criteria',
    body: 'Each deliverable is accepted when its test cases pass in the production environment and the customer signs the acceptance page of this document or confirms acceptance in writing.',
  }),
];

/** Fills the middle pages: one new page each, two sections per page. */
function fillerPages(w: PdfWriter, ctx: DocContext, count: number, firstNumber: number): number {
  const order = ctx.rng.shuffle(FILLER_SECTIONS);
  let n = firstNumber;
  for (let p = 0; p < count; p++) {
    w.addPage();
    for (const make of order.slice(p * 2, p * 2 + 2)) {
      const section = make(ctx);
      w.heading(`${n++}. ${section.title}`);
      w.paragraph(section.body);
      if (section.bullets) w.bullets(section.bullets);
    }
    if (p === 0) milestones(w, ctx, n++);
  }
  return n;
}

function milestones(w: PdfWriter, ctx: DocContext, n: number): void {
  w.heading(`${n}. Timeline and milestones`);
  const at = (days: number) => (ctx.dated ? formatDate(addDays(ctx.startDate, days), ctx.timeZone, 'us_numeric') : `Week ${Math.round(days / 7) + 1}`);
  w.table(
    [{ header: 'Milestone', width: 3 }, { header: 'Planned', width: 1.2 }, { header: 'Owner', width: 1.4 }],
    [
      ['Kick-off and discovery workshops', at(0), ctx.partnerName],
      ['Solution design approved', at(14), ctx.customerName],
      ['Build and configuration complete', at(35), ctx.partnerName],
      ['User acceptance testing', at(49), ctx.customerName],
      ['Go-live', at(63), 'Joint'],
    ],
  );
}

export function statementOfWork(w: PdfWriter, ctx: DocContext): void {
  letterhead(w, ctx);
  w.line('Statement of Work', { size: 20, style: 'bold', gap: 4 });
  w.line(`SOW No. ${ctx.reference}`, { size: 10, color: MUTED, gap: 10 });
  const rows: [string, string][] = [
    ['Customer', ctx.customerName],
    ['Customer domain', ctx.spec.customer.domain],
    ['Partner', `${ctx.partnerName} (Partner ID ${ctx.spec.partner.partnerId})`],
    ['Engagement', `${ctx.productPhrase} implementation`],
    ['Effective date', longDate(ctx, ctx.startDate)],
  ];
  const rects = w.keyValues(rows);
  if (ctx.productNames.length) w.remember('products', rects['Engagement']!);
  w.heading('1. Background');
  w.paragraph(
    `${ctx.customerName} has selected ${ctx.productPhrase} to modernise how its teams work. This Statement of Work describes the services ${ctx.partnerName} provides to deploy the solution and the responsibilities of both parties.`,
  );
  w.heading('2. Scope of services');
  w.paragraph(workParagraph(ctx));
  w.bullets(ctx.workItems.map((t) => `The partner ${t}.`));
  w.heading('3. Deliverables');
  w.bullets(['Solution design document', 'Configured production environment', 'Data migration and reconciliation report', 'Training materials and recordings']);
  const next = fillerPages(w, ctx, ctx.pages - 2, 4);
  w.addPage();
  w.heading(`${next}. Fees`);
  w.table(
    [{ header: 'Phase', width: 3 }, { header: 'Fee (USD)', width: 1, align: 'right' }],
    [
      ['Discovery and design', money(ctx.rng.int(18, 40) * 1000)],
      ['Build, configuration and migration', money(ctx.rng.int(60, 140) * 1000)],
      ['Training and hypercare', money(ctx.rng.int(12, 30) * 1000)],
    ],
  );
  w.heading(`${next + 1}. Acceptance and signatures`);
  w.paragraph(`By signing below, the parties agree to this Statement of Work. ${ctx.customerName} confirms that the services described above were ordered from ${ctx.partnerName}.`);
  signatureBlock(w, ctx, [customerParty(ctx, `For ${ctx.customerName} (Customer)`), partnerParty(ctx)]);
}

export function acceptanceEmail(w: PdfWriter, ctx: DocContext): void {
  const { signatory, partnerPerson, spec } = ctx;
  const subject = `${ctx.productPhrase} deployment - completion and acceptance`;
  const requestAt = addDays(ctx.date, -2);
  const reply = ctx.signed;
  w.line(reply ? `RE: ${subject}` : subject, { size: 14, style: 'bold', gap: 8 });
  const from = reply ? signatory : partnerPerson;
  const to = reply ? partnerPerson : signatory;
  const sentAt = reply ? new Date(ctx.date.getTime() + 1.3 * 3600_000) : requestAt;
  const rects = w.keyValues(
    [
      ['From:', `${from.name} <${from.email}>`],
      ['Sent:', formatEmailDate(sentAt, ctx.timeZone)],
      ['To:', `${to.name} <${to.email}>`],
      ['Cc:', `${spec.partner.contact.name} <${spec.partner.contact.email}>`],
      ['Subject:', reply ? `RE: ${subject}` : subject],
    ],
    { labelWidth: 60 },
  );
  w.remember('date', rects['Sent:']!);
  if (ctx.productNames.length) w.remember('products', rects['Subject:']!);
  w.rule();
  if (reply) {
    w.paragraph(`Hi ${greetingName(partnerPerson)},`);
    if (ctx.describesWork) {
      const body = w.paragraph(
        `On behalf of ${ctx.customerName}, I confirm that ${ctx.partnerName} has completed the ${ctx.productPhrase} deployment described in SOW ${ctx.reference}. The solution went live on ${formatDate(addDays(ctx.date, -3), ctx.timeZone, 'long')} and our teams are now using it in production.`,
      );
      w.remember('signature', body);
      w.paragraph('In particular, your team:');
      w.bullets(ctx.workItems.map((t) => `${t[0]!.toUpperCase()}${t.slice(1)}.`));
      w.paragraph('We accept the deliverables and consider the engagement complete. Thank you to everyone involved.');
    } else {
      const body = w.paragraph(`Thanks, all good on our side with ${ctx.productPhrase}. Talk soon.`);
      w.remember('signature', body);
    }
    w.paragraph(`Best regards,\n${signatory.name}\n${signatory.title}\n${ctx.customerName}${signatory.phone ? `\n${signatory.phone}` : ''}`);
    if (!ctx.describesWork) return;
    w.space(6);
    w.line('-----Original Message-----', { size: 9, color: MUTED });
  }
  if (ctx.pages > 1 && reply) w.addPage();
  w.keyValues(
    [
      ['From:', `${partnerPerson.name} <${partnerPerson.email}>`],
      ['Sent:', formatEmailDate(requestAt, ctx.timeZone)],
      ['To:', `${signatory.name} <${signatory.email}>`],
      ['Subject:', subject],
    ],
    { labelWidth: 60, size: 9 },
  );
  w.paragraph(`Hi ${greetingName(signatory)},`, { size: 9 });
  w.paragraph(
    `We have completed the ${ctx.productPhrase} deployment for ${ctx.customerName}. Could you please confirm acceptance by replying to this email? A summary of the work is below; the full deployment report is attached.`,
    { size: 9 },
  );
  w.bullets(ctx.workItems.map((t) => `We ${t}.`), 9);
  w.paragraph(`Kind regards,\n${partnerPerson.name}\n${partnerPerson.title}, ${ctx.partnerName}`, { size: 9 });
  if (!reply) w.remember('signature', { x: w.left, y: w.y, width: w.contentWidth, height: 40 });
}

export function acceptanceCertificate(w: PdfWriter, ctx: DocContext): void {
  w.line(ctx.customerName, { size: 14, style: 'bold', color: ACCENT, gap: 2 });
  for (const line of ctx.spec.customer.address.slice(1)) w.line(line, { size: 8, color: MUTED, gap: 1 });
  w.rule();
  w.line('Certificate of Acceptance', { size: 20, style: 'bold', align: 'center', gap: 12 });
  const rects = w.keyValues([
    ['Project', `${ctx.productPhrase} implementation`],
    ['Customer', ctx.customerName],
    ['Partner', `${ctx.partnerName} (Partner ID ${ctx.spec.partner.partnerId})`],
    ['Reference', `SOW ${ctx.reference}`],
    ['Acceptance date', longDate(ctx)],
  ]);
  if (ctx.productNames.length) w.remember('products', rects['Project']!);
  w.paragraph(
    `${ctx.customerName} hereby confirms that ${ctx.partnerName} has delivered the services described below and that they meet the acceptance criteria agreed in SOW ${ctx.reference}.`,
  );
  w.heading('Services delivered');
  if (ctx.describesWork) w.bullets(ctx.workItems.map((t) => `${t[0]!.toUpperCase()}${t.slice(1)}.`));
  else w.paragraph('Services as agreed.');
  w.space(10);
  signatureBlock(w, ctx, [customerParty(ctx, 'Accepted by (Customer)')]);
}

export function deploymentReport(w: PdfWriter, ctx: DocContext): void {
  letterhead(w, ctx);
  w.line('Deployment Completion Report', { size: 20, style: 'bold', gap: 4 });
  w.line(`Document ${ctx.reference}-DR`, { size: 10, color: MUTED, gap: 10 });
  const rects = w.keyValues([
    ['Customer', ctx.customerName],
    ['Tenant domain', ctx.spec.customer.domain],
    ['Partner', `${ctx.partnerName} (Partner ID ${ctx.spec.partner.partnerId})`],
    ['Products deployed', ctx.productPhrase],
    ['Go-live date', longDate(ctx, addDays(ctx.date, -3))],
    ['Environment', 'Production'],
    ['Users enabled', String(ctx.rng.int(40, 2400))],
  ]);
  if (ctx.productNames.length) w.remember('products', rects['Products deployed']!);
  w.heading('Executive summary');
  w.paragraph(
    `${ctx.partnerName} deployed ${ctx.productPhrase} for ${ctx.customerName}. The solution is live in production, all critical test cases passed, and the customer's support team has taken over day-to-day operation.`,
  );
  w.heading('Activities performed');
  w.bullets(ctx.workItems.map((t) => `${t[0]!.toUpperCase()}${t.slice(1)}.`));
  const middle = ctx.pages - 2;
  const tables = ctx.rng.shuffle([configurationTable, migrationTable, testingTable, issuesTable]);
  for (let p = 0; p < middle; p++) {
    w.addPage();
    tables[p % tables.length]!(w, ctx);
  }
  w.addPage();
  w.heading('Customer sign-off');
  w.paragraph(`The customer confirms that ${ctx.productPhrase} is live in production and that the deployment described in this report is complete.`);
  w.space(8);
  signatureBlock(w, ctx, [customerParty(ctx, `For ${ctx.customerName}`), partnerParty(ctx)]);
}

function configurationTable(w: PdfWriter, ctx: DocContext): void {
  w.heading('Environment and configuration');
  const names = ctx.productNames.length ? ctx.productNames : ['Core platform'];
  w.table(
    [{ header: 'Component', width: 2.2 }, { header: 'Setting', width: 2.6 }, { header: 'Status', width: 1 }],
    names.flatMap((n) => [
      [n, 'Production environment provisioned', 'Done'],
      [n, 'Security roles and access reviewed', 'Done'],
      [n, 'Monitoring and alerts configured', 'Done'],
    ]),
  );
  w.paragraph('All settings were reviewed with the customer\'s administrators before go-live.');
}

function migrationTable(w: PdfWriter, ctx: DocContext): void {
  w.heading('Data migration');
  w.table(
    [{ header: 'Entity', width: 2 }, { header: 'Records', width: 1, align: 'right' }, { header: 'Rejected', width: 1, align: 'right' }, { header: 'Status', width: 1 }],
    ['Accounts', 'Contacts', 'Products', 'Open orders', 'Documents'].map((e) => [e, String(ctx.rng.int(300, 90000)), String(ctx.rng.int(0, 40)), 'Reconciled']),
  );
  w.paragraph('Rejected records were corrected by the customer\'s data owners and reloaded.');
}

function testingTable(w: PdfWriter, ctx: DocContext): void {
  w.heading('Testing summary');
  w.table(
    [{ header: 'Test phase', width: 2 }, { header: 'Cases', width: 1, align: 'right' }, { header: 'Passed', width: 1, align: 'right' }, { header: 'Open defects', width: 1, align: 'right' }],
    ['System test', 'Integration test', 'User acceptance test', 'Performance test'].map((t) => {
      const cases = ctx.rng.int(20, 240);
      return [t, String(cases), String(cases - ctx.rng.int(0, 2)), '0'];
    }),
  );
  w.paragraph('No critical or high-severity defects remain open.');
}

function issuesTable(w: PdfWriter, ctx: DocContext): void {
  w.heading('Issues and resolutions');
  w.table(
    [{ header: '#', width: 0.4 }, { header: 'Issue', width: 3 }, { header: 'Resolution', width: 3 }],
    [
      ['1', 'Single sign-on failed for guest users', 'Conditional access policy adjusted'],
      ['2', 'Slow report refresh during business hours', 'Refresh moved to an overnight schedule'],
      ['3', 'Duplicate records after the second load', 'Duplicate detection rules added and records merged'],
    ],
  );
  w.paragraph(`Open items at hand-over: none. Owner for follow-up: ${ctx.signatory.name}.`);
}

/** "$12,345.00", by hand: PDF bytes must not depend on the machine's ICU data. */
export function money(n: number, symbol = '$', decimals = 2): string {
  const [whole, fraction] = n.toFixed(decimals).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${symbol}${grouped}${fraction ? `.${fraction}` : ''}`;
}

export function invoice(w: PdfWriter, ctx: DocContext): void {
  letterhead(w, ctx);
  w.line('INVOICE', { size: 24, style: 'bold', align: 'right', gap: 8 });
  const dateStyle = ctx.rng.pick(['us_numeric', 'iso_slash'] as const);
  const rects = w.keyValues([
    ['Invoice No.', `INV-${ctx.reference}`],
    ['Invoice date', formatDate(ctx.date, ctx.timeZone, dateStyle)],
    ['Due date', formatDate(addDays(ctx.date, 30), ctx.timeZone, dateStyle)],
    ['PO number', `PO-${ctx.rng.int(100000, 999999)}`],
    ['Bill to', ctx.spec.customer.address.concat(ctx.spec.customer.nameEn ? [ctx.spec.customer.nameEn] : []).join(', ')],
  ]);
  w.remember('date', rects['Invoice date']!);
  const lines: [string, number, number][] = ctx.productNames.length
    ? ctx.describesWork
      ? ctx.productNames.flatMap((n): [string, number, number][] => [
          [`${n} implementation services - configuration and deployment`, ctx.rng.int(40, 160), 185],
          [`${n} data migration and user training`, ctx.rng.int(12, 60), 165],
        ])
      : ctx.productNames.map((n): [string, number, number] => [`${n} subscription (12 months)`, ctx.rng.int(25, 400), ctx.rng.pick([65, 95, 105, 135])])
    : [
        ['Professional services - implementation phase 1', ctx.rng.int(60, 200), 175],
        ['Training and knowledge transfer', ctx.rng.int(8, 24), 150],
      ];
  const subtotal = lines.reduce((s, [, q, p]) => s + q * p, 0);
  const table = w.table(
    [{ header: 'Description', width: 4 }, { header: 'Qty', width: 0.7, align: 'right' }, { header: 'Unit price', width: 1.1, align: 'right' }, { header: 'Amount', width: 1.2, align: 'right' }],
    lines.map(([d, q, p]) => [d, String(q), money(p), money(q * p)]),
  );
  if (ctx.productNames.length) w.remember('products', table);
  const tax = Math.round(subtotal * 0.088);
  w.keyValues(
    [
      ['Subtotal', money(subtotal)],
      ['Sales tax (8.8%)', money(tax)],
      ['Total due', money(subtotal + tax)],
    ],
    { labelWidth: 380 },
  );
  w.paragraph(`Payment terms: net 30. Please quote the invoice number with your payment. Questions: ${ctx.spec.partner.contact.email}.`, { size: 9 });
  if (ctx.pages > 1) {
    w.addPage();
    w.heading('Appendix: time and materials detail');
    w.table(
      [{ header: 'Week', width: 1 }, { header: 'Consultant', width: 2 }, { header: 'Activity', width: 3.4 }, { header: 'Hours', width: 0.8, align: 'right' }],
      Array.from({ length: 10 }, (_, i) => [
        `Week ${i + 1}`,
        i % 2 ? ctx.partnerPerson.name : ctx.spec.partner.staff[0]!.name,
        ctx.rng.pick(['Design workshop', 'Configuration', 'Data migration', 'Testing support', 'Training delivery']),
        String(ctx.rng.int(12, 40)),
      ]),
    );
  }
  if (ctx.signed) {
    w.space(12);
    w.line('Services received and accepted', { size: 10, style: 'bold' });
    signatureBlock(w, ctx, [customerParty(ctx, `For ${ctx.customerName}`)]);
  }
}

const MENU = [
  ['Roasted tomato soup', 'Grilled chicken Caesar wrap', 'Vegetable lasagna'],
  ['Chili con carne', 'Teriyaki salmon bowl', 'Falafel plate with hummus'],
  ['Minestrone', 'Beef tacos with salsa verde', 'Mushroom risotto'],
  ['Clam chowder', 'Fish and chips', 'Thai green curry (vegan)'],
  ['Lentil soup', 'Barbecue pulled pork sandwich', 'Margherita flatbread'],
];

export function unrelatedEnglish(w: PdfWriter, ctx: DocContext): void {
  // Even seeds print the cafeteria menu, odd ones the brochure (the file name says which).
  if (ctx.spec.seed % 2 === 0) {
    w.line(`${ctx.customerName} Campus Cafe`, { size: 18, style: 'bold', color: ACCENT, gap: 4 });
    w.line('Weekly menu', { size: 12, color: MUTED, gap: 12 });
    const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
    w.table(
      [{ header: 'Day', width: 1 }, { header: 'Soup', width: 1.6 }, { header: 'Main', width: 2 }, { header: 'Vegetarian', width: 1.8 }],
      days.map((d, i) => [d, ...MENU[i]!]),
    );
    w.paragraph('Salad bar and fresh fruit daily. Coffee refills are free with your own mug. Please tell our staff about any allergies.');
    if (ctx.pages > 1) {
      w.addPage();
      w.heading('Catering for meetings');
      w.paragraph('Order platters at least two business days ahead through the facilities desk. Breakfast, lunch and afternoon snack packages are available for groups of 8 to 80.');
      w.bullets(['Continental breakfast - $9.50 per person', 'Sandwich platter - $14.00 per person', 'Afternoon snacks - $6.00 per person']);
    }
    return;
  }
  w.line(ctx.partnerName, { size: 22, style: 'bold', color: ACCENT, gap: 6 });
  w.line('Your partner for digital transformation', { size: 14, color: MUTED, gap: 14 });
  w.paragraph('Every business is becoming a digital business. Our consultants help organisations of every size move to the cloud, connect their people and put their data to work.');
  w.heading('What we do');
  w.bullets(['Strategy and roadmap workshops', 'Cloud migration and modernisation', 'Data and analytics', 'Managed services with 24/7 support']);
  w.heading('Why customers choose us');
  w.paragraph('Twenty years of experience, certified consultants on three continents, and a delivery method that puts adoption first.');
  w.paragraph(`Contact ${ctx.spec.partner.contact.name} at ${ctx.spec.partner.contact.email} to book a free discovery call.`);
  if (ctx.pages > 1) {
    w.addPage();
    w.heading('Customer stories');
    w.paragraph('"They listened first and built second." - Operations director, manufacturing');
    w.paragraph('"Our go-live was the calmest weekend of the year." - IT manager, retail');
  }
}
