// The sales team's dashboard (BETA accounts): deals, handoffs, appointments, orders and the analytics, all read from
// and written to the hub's /api. No dependencies; the charts are inline SVG.
const TEXT = {
  de: {
    logout: 'Abmelden', loginTitle: 'Anmeldung für das Sales-Team (BETA)', email: 'E-Mail', password: 'Passwort',
    login: 'Anmelden', currentDeals: 'Aktuelle Deals:', status: 'Status', all: 'alle', stage: 'Phase (stage_id)',
    emailSearch: 'E-Mail suchen', filter: 'Filtern', previous: 'Zurück', next: 'Weiter', updateDeal: 'Deal aktualisieren',
    value: 'Wert (EUR)', lostReason: 'Grund (bei Lost)', save: 'Speichern', conversation: 'Gespräch',
    customerOrders: 'Aufträge zu diesem Deal', handoffs: 'Offene Übergaben', appointments: 'Nächste Termine',
    orders: 'Aufträge nach Status', analytics: 'Kennzahlen',
    details: 'Details', contact: 'Contact', update: 'Update', switchTo: 'English', stageShort: 'Phase',
    notBeta: 'Dieses Konto gehört nicht zum Sales-Team (BETA).', noDeals: 'Keine Deals gefunden.',
    page: (n, total) => `Seite ${n} von ${Math.max(total, 1)}`, saved: 'Gespeichert – Pipedrive folgt.',
    noConversation: 'Zu diesem Deal ist kein Chat-Gespräch verknüpft (z. B. ein Lead, den das Team angelegt hat).',
    noOrders: 'Noch kein Auftrag.', noHandoffs: 'Keine offenen Übergaben.', noAppointments: 'Keine anstehenden Termine.',
    reply: 'Antwort an den Kunden', send: 'Senden', release: 'An HENK zurückgeben', showChat: 'Gespräch anzeigen',
    released: 'Zurück bei HENK.', sent: 'Gesendet.', requested: 'angefragt', reason: 'Anliegen',
    fields: { person: 'Kunde', email: 'E-Mail', phone: 'Telefon', value: 'Wert', status: 'Status', stage: 'Phase',
      created: 'Angelegt', updated: 'Geändert', sync: 'Pipedrive-Sync', pipedrive: 'Pipedrive-ID', lostReason: 'Grund' },
    who: { customer: 'Kunde', henk: 'HENK', staff: 'Team' },
    kpi: { conversion: 'Anonym → registriert', sessionsLead: 'Sitzungen bis Lead', turnsLead: 'Nachrichten bis Lead',
      henkP50: 'Antwortzeit HENK (Median)', humanMedian: 'Erste Antwort Team (Median)', avgValue: 'Ø Auftragswert',
      winRate: 'Win-Rate (won / won+lost)', leads: 'Leads' },
    weekly: 'Leads, gewonnen und verloren pro Woche', dealsByStatus: 'Deals nach Status',
    series: { leads: 'Leads', won: 'gewonnen', lost: 'verloren', sessions: 'anonyme Chats' },
    orderStatus: { confirmed: 'bestätigt', measurement_taken: 'Maß genommen', cutting: 'Zuschnitt',
      first_fitting: 'erste Anprobe', second_fitting: 'zweite Anprobe', finishing: 'Fertigstellung',
      ready_for_pickup: 'abholbereit', delivered: 'übergeben' },
    orderCols: ['Auftrag', 'Kunde', 'Fertig bis'], types: { measurement: 'Maßnehmen', consultation: 'Beratung',
      'first-fitting': 'Erste Anprobe', 'second-fitting': 'Zweite Anprobe', pickup: 'Abholung' },
    minutes: m => `${m} min`, none: '–',
  },
  en: {
    logout: 'Sign out', loginTitle: 'Sales team sign-in (BETA)', email: 'Email', password: 'Password',
    login: 'Sign in', currentDeals: 'Current deals:', status: 'Status', all: 'all', stage: 'Stage (stage_id)',
    emailSearch: 'Search email', filter: 'Filter', previous: 'Previous', next: 'Next', updateDeal: 'Update deal',
    value: 'Value (EUR)', lostReason: 'Reason (when lost)', save: 'Save', conversation: 'Conversation',
    customerOrders: 'Orders of this deal', handoffs: 'Open handoffs', appointments: 'Upcoming appointments',
    orders: 'Orders by status', analytics: 'Analytics',
    details: 'Details', contact: 'Contact', update: 'Update', switchTo: 'Deutsch', stageShort: 'Stage',
    notBeta: 'This account is not on the sales team (BETA).', noDeals: 'No deals found.',
    page: (n, total) => `Page ${n} of ${Math.max(total, 1)}`, saved: 'Saved – Pipedrive follows.',
    noConversation: 'No chat conversation is linked to this deal (e.g. a lead the team entered).',
    noOrders: 'No order yet.', noHandoffs: 'No open handoffs.', noAppointments: 'No upcoming appointments.',
    reply: 'Reply to the customer', send: 'Send', release: 'Hand back to HENK', showChat: 'Show conversation',
    released: 'Back with HENK.', sent: 'Sent.', requested: 'requested', reason: 'Request',
    fields: { person: 'Customer', email: 'Email', phone: 'Phone', value: 'Value', status: 'Status', stage: 'Stage',
      created: 'Created', updated: 'Updated', sync: 'Pipedrive sync', pipedrive: 'Pipedrive id', lostReason: 'Reason' },
    who: { customer: 'Customer', henk: 'HENK', staff: 'Team' },
    kpi: { conversion: 'Anonymous → registered', sessionsLead: 'Sessions until lead', turnsLead: 'Messages until lead',
      henkP50: 'HENK response time (median)', humanMedian: 'Team first reply (median)', avgValue: 'Average deal value',
      winRate: 'Win rate (won / won+lost)', leads: 'Leads' },
    weekly: 'Leads, won and lost per week', dealsByStatus: 'Deals by status',
    series: { leads: 'leads', won: 'won', lost: 'lost', sessions: 'anonymous chats' },
    orderStatus: { confirmed: 'confirmed', measurement_taken: 'measurement taken', cutting: 'cutting',
      first_fitting: 'first fitting', second_fitting: 'second fitting', finishing: 'finishing',
      ready_for_pickup: 'ready for pickup', delivered: 'delivered' },
    orderCols: ['Order', 'Customer', 'Ready by'], types: { measurement: 'Measurement', consultation: 'Consultation',
      'first-fitting': 'First fitting', 'second-fitting': 'Second fitting', pickup: 'Pickup' },
    minutes: m => `${m} min`, none: '–',
  },
};

const $ = id => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';
let lang = (localStorage.getItem('henk.lang') || navigator.language || 'de').toLowerCase().startsWith('en') ? 'en' : 'de';
let auth = JSON.parse(sessionStorage.getItem('henk.dashboard.auth') || 'null');
let dealPage = 0;
let orders = [];
const germanText = {};
const t = () => TEXT[lang];

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs || {})) el.setAttribute(key, value);
  for (const child of children) el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return el;
}

class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.code = problem && problem.code;
  }
}

async function api(path, { method = 'GET', body, retry = true } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (auth) headers.Authorization = `Bearer ${auth.access_token}`;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401 && auth && retry && await refresh()) return api(path, { method, body, retry: false });
  const json = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : null;
  if (!response.ok) {
    if (response.status === 401) signOut();
    throw new ApiError(response.status, json);
  }
  return json;
}

async function refresh() {
  try {
    const tokens = await fetch('/api/auth/refresh', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refresh_token: auth.refresh_token }) });
    if (!tokens.ok) return false;
    saveAuth({ ...auth, ...(await tokens.json()) });
    return true;
  } catch (e) {
    return false;
  }
}

function saveAuth(value) {
  auth = value;
  if (value) sessionStorage.setItem('henk.dashboard.auth', JSON.stringify(value));
  else sessionStorage.removeItem('henk.dashboard.auth');
}

function toast(text) {
  $('toast').textContent = text;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { $('toast').textContent = ''; }, 4000);
}

const locale = () => (lang === 'de' ? 'de-DE' : 'en-GB');
const monthYear = iso => new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric' }).format(new Date(iso));
const dateTime = iso => new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
const day = iso => new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(new Date(`${iso}T12:00:00`));
const euro = v => (v === null || v === undefined ? t().none
  : new Intl.NumberFormat(locale(), { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(v));
const capital = word => (word ? word.charAt(0).toUpperCase() + word.slice(1) : '');

/** "Max Mustermann" → "Max M." as on the seed's dashboard screen. */
function shortName(deal) {
  const name = (deal.person_name || '').trim();
  if (!name) return deal.email || deal.phone || `#${deal.id}`;
  const parts = name.split(/\s+/);
  return parts.length > 1 ? `${parts[0]} ${parts[parts.length - 1].charAt(0)}.` : parts[0];
}

/** "2500€" as on the seed's screen (other currencies: "2500 CHF"). */
const dealValue = deal => `${Number(deal.value)}${deal.currency === 'EUR' ? '€' : ` ${deal.currency}`}`;

// ------------------------------------------------------------------ language

function applyLanguage() {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-i18n]').forEach(el => {
    const key = el.dataset.i18n;
    if (!(key in germanText)) germanText[key] = el.textContent;
    el.textContent = lang === 'de' ? germanText[key] : TEXT.en[key];
  });
  $('lang-switch').textContent = t().switchTo;
  $('lang-switch').lang = lang === 'de' ? 'en' : 'de';
}

// ------------------------------------------------------------------ login

async function login(event) {
  event.preventDefault();
  const data = Object.fromEntries(new FormData(event.target));
  $('login-error').textContent = '';
  try {
    const response = await fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: data.email, password: data.password, is_beta_user: true }) });
    const json = await response.json();
    if (!response.ok) throw new ApiError(response.status, json);
    saveAuth(json);
    showApp();
  } catch (e) {
    $('login-error').textContent = e.code === 'not_beta_user' ? t().notBeta : e.message;
  }
}

function signOut() {
  if (auth) {
    fetch('/api/auth/logout', { method: 'POST', headers: { 'Content-Type': 'application/json',
      Authorization: `Bearer ${auth.access_token}` }, body: JSON.stringify({ refresh_token: auth.refresh_token }) })
      .catch(() => {});
  }
  saveAuth(null);
  $('app').hidden = true;
  $('logout').hidden = true;
  $('login-view').hidden = false;
}

function showApp() {
  $('login-view').hidden = true;
  $('app').hidden = false;
  $('logout').hidden = false;
  refreshAll();
}

function refreshAll() {
  return Promise.all([loadDeals(), loadHandoffs(), loadAppointments(), loadOrders(), loadAnalytics()]);
}

// ------------------------------------------------------------------ deals

async function loadDeals() {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData($('deal-filters'))) if (value) params.set(key, value);
  params.set('page', dealPage);
  params.set('size', 10);
  const list = $('deal-list');
  try {
    const result = await api(`/api/crm/deals?${params}`);
    list.replaceChildren(...result.deals.map(dealItem));
    if (!result.deals.length) list.append(h('li', { class: 'muted' }, t().noDeals));
    $('page-info').textContent = t().page(result.page.number + 1, result.page.total_pages);
    $('prev-page').disabled = result.page.number === 0;
    $('next-page').disabled = result.page.number + 1 >= result.page.total_pages;
  } catch (e) {
    list.replaceChildren(h('li', { class: 'error', role: 'alert' }, e.message));
  }
}

function dealItem(deal) {
  const contact = deal.email ? `mailto:${deal.email}` : deal.phone ? `tel:${deal.phone.replace(/\s+/g, '')}` : null;
  return h('li', { class: 'deal', 'data-deal-id': deal.id },
    h('div', {},
      h('p', { class: 'line' }, `${shortName(deal)} - ${deal.title} - ${dealValue(deal)}`),
      h('p', { class: 'meta' }, `Status: ${capital(deal.status)} | ${monthYear(deal.created_at)}`
        + (deal.stage_id ? ` · ${t().stageShort} ${deal.stage_id}` : ''))),
    h('div', { class: 'buttons' },
      h('button', { type: 'button', class: 'secondary', 'aria-label': `${t().details}: ${deal.title}`,
        onclick: () => openDeal(deal.id, false) }, t().details),
      contact ? h('a', { class: 'button-link', href: contact, 'aria-label': `${t().contact}: ${deal.person_name || ''}` },
        t().contact) : null,
      h('button', { type: 'button', 'aria-label': `${t().update}: ${deal.title}`,
        onclick: () => openDeal(deal.id, true) }, t().update)));
}

async function openDeal(id, editing) {
  const tx = t();
  const panel = $('deal-detail');
  panel.setAttribute('aria-busy', 'true');
  const deal = await api(`/api/crm/deal/${id}`);
  panel.dataset.dealId = id;
  $('detail-title').textContent = `${deal.title} – ${deal.person_name || deal.email || ''}`;
  const rows = [[tx.fields.person, deal.person_name], [tx.fields.email, deal.email], [tx.fields.phone, deal.phone],
    [tx.fields.value, euro(deal.value)], [tx.fields.status, capital(deal.status)], [tx.fields.stage, deal.stage_id],
    [tx.fields.lostReason, deal.lost_reason], [tx.fields.created, dateTime(deal.created_at)],
    [tx.fields.updated, dateTime(deal.updated_at)], [tx.fields.sync, deal.sync_status],
    [tx.fields.pipedrive, deal.pipedrive_deal_id]];
  $('detail-fields').replaceChildren(...rows.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
  const form = $('update-form');
  form.hidden = false;
  form.elements.stage_id.value = deal.stage_id ?? '';
  form.elements.value.value = deal.value ?? '';
  form.elements.status.value = deal.status;
  form.elements.lost_reason.value = deal.lost_reason ?? '';
  $('update-result').textContent = '';
  panel.hidden = false;
  loadConversation(id);
  const own = orders.filter(o => o.deal_id === Number(id));
  $('detail-orders').replaceChildren(own.length ? orderTable(own) : h('p', { class: 'muted' }, tx.noOrders));
  panel.setAttribute('aria-busy', 'false');
  if (editing) form.elements.status.focus(); else panel.focus();
  panel.scrollIntoView({ block: 'start' });
}

async function loadConversation(dealId) {
  const box = $('detail-conversation');
  box.replaceChildren();
  try {
    const linked = await api(`/api/crm/deal/${dealId}/sessions`);
    if (!linked.sessions.length) { box.append(h('p', { class: 'muted' }, t().noConversation)); return; }
    for (const summary of linked.sessions) {
      const session = await api(`/api/chat/sessions/${encodeURIComponent(summary.session_id)}`);
      box.append(...session.messages.map(messageItem));
    }
  } catch (e) {
    box.append(h('p', { class: 'error', role: 'alert' }, e.message));
  }
}

const messageItem = m => h('p', { class: `msg ${m.author}` },
  h('span', { class: 'who' }, `${t().who[m.author] || m.author}: `), m.content);

async function updateDeal(event) {
  event.preventDefault();
  const id = $('deal-detail').dataset.dealId;
  const f = event.target.elements;
  const body = { status: f.status.value };
  if (f.stage_id.value) body.stage_id = Number(f.stage_id.value);
  if (f.value.value) body.value = Number(f.value.value);
  if (f.status.value === 'lost' && f.lost_reason.value.trim()) body.lost_reason = f.lost_reason.value.trim();
  try {
    await api(`/api/crm/deal/${id}`, { method: 'PUT', body });
    $('update-result').textContent = t().saved;
    await Promise.all([loadDeals(), loadOrders(), loadAnalytics()]);
    await openDeal(id, false);
    $('update-result').textContent = t().saved;
  } catch (e) {
    $('update-result').textContent = e.message;
  }
}

// ------------------------------------------------------------------ handoffs

async function loadHandoffs() {
  const list = $('handoff-list');
  try {
    const { handoffs } = await api('/api/handoffs');
    list.replaceChildren(...handoffs.map(handoffItem));
    if (!handoffs.length) list.append(h('li', { class: 'muted' }, t().noHandoffs));
  } catch (e) {
    list.replaceChildren(h('li', { class: 'error', role: 'alert' }, e.message));
  }
}

function handoffItem(handoff) {
  const tx = t();
  const id = `reply-${handoff.id}`;
  const chat = h('div', { class: 'conversation', role: 'region', tabindex: '0',
    'aria-label': `${tx.conversation}: ${handoff.customer_name || handoff.customer_email || ''}` });
  const text = h('textarea', { id, rows: '2', maxlength: '2000' });
  const session = encodeURIComponent(handoff.session_id);
  const showChat = async () => {
    const s = await api(`/api/chat/sessions/${session}`);
    chat.replaceChildren(...s.messages.map(messageItem));
  };
  return h('li', { class: 'handoff' },
    h('p', {}, h('strong', {}, handoff.customer_name || handoff.session_id.slice(0, 8)),
      handoff.customer_email ? ` · ${handoff.customer_email}` : '',
      ` · ${handoff.status} · ${tx.requested} ${dateTime(handoff.requested_at)}`),
    handoff.reason ? h('p', {}, `${tx.reason}: ${handoff.reason}`) : null,
    h('button', { type: 'button', class: 'secondary', onclick: showChat }, tx.showChat), chat,
    h('p', { class: 'field' }, h('label', { for: id }, tx.reply), text),
    h('div', { class: 'buttons' },
      h('button', { type: 'button', onclick: async () => {
        if (!text.value.trim()) return;
        try {
          await api(`/api/chat/sessions/${session}/messages`, { method: 'POST', body: { content: text.value.trim() } });
          text.value = '';
          toast(tx.sent);
          await showChat();
        } catch (e) { toast(e.message); }
      } }, tx.send),
      h('button', { type: 'button', class: 'secondary', onclick: async () => {
        try {
          await api(`/api/chat/sessions/${session}/release`, { method: 'POST' });
          toast(tx.released);
          await loadHandoffs();
        } catch (e) { toast(e.message); }
      } }, tx.release)));
}

// ------------------------------------------------------------------ appointments and orders

async function loadAppointments() {
  const list = $('appointment-list');
  try {
    const { appointments } = await api('/api/appointments?size=100');
    const now = Date.now();
    const upcoming = appointments.filter(a => a.status !== 'cancelled' && new Date(a.starts_at).getTime() >= now)
      .sort((a, b) => new Date(a.starts_at) - new Date(b.starts_at)).slice(0, 10);
    list.replaceChildren(...upcoming.map(a => h('li', { class: 'handoff' },
      h('strong', {}, `${day(a.date)} ${String(a.time).slice(0, 5)}`),
      ` · ${t().types[a.type] || a.type} · ${a.customer_name || a.customer_email || ''}`)));
    if (!upcoming.length) list.append(h('li', { class: 'muted' }, t().noAppointments));
  } catch (e) {
    list.replaceChildren(h('li', { class: 'error', role: 'alert' }, e.message));
  }
}

const orderTable = list => h('table', {},
  h('thead', {}, h('tr', {}, t().orderCols.map(c => h('th', { scope: 'col' }, c)))),
  h('tbody', {}, list.map(o => h('tr', {}, h('td', {}, `#${o.id} ${o.title}`),
    h('td', {}, o.customer_name || o.customer_email || ''),
    h('td', {}, o.expected_ready_date ? day(o.expected_ready_date) : t().none)))));

async function loadOrders() {
  const box = $('orders');
  try {
    ({ orders } = await api('/api/orders?size=100'));
    const byStatus = new Map(Object.keys(t().orderStatus).map(k => [k, []]));
    for (const o of orders) (byStatus.get(o.status) || byStatus.set(o.status, []).get(o.status)).push(o);
    box.replaceChildren(...[...byStatus].filter(([, list]) => list.length).map(([status, list]) =>
      h('section', { 'aria-label': t().orderStatus[status] || status },
        h('h3', {}, `${t().orderStatus[status] || status} (${list.length})`), orderTable(list))));
    if (!orders.length) box.append(h('p', { class: 'muted' }, t().noOrders));
  } catch (e) {
    box.replaceChildren(h('p', { class: 'error', role: 'alert' }, e.message));
  }
}

// ------------------------------------------------------------------ analytics

async function loadAnalytics() {
  try {
    const a = await api('/api/analytics/summary');
    const tx = t();
    const pct = v => (v === null || v === undefined ? tx.none : new Intl.NumberFormat(locale(), { style: 'percent',
      maximumFractionDigits: 1 }).format(v));
    const num = v => (v === null || v === undefined ? tx.none : new Intl.NumberFormat(locale(),
      { maximumFractionDigits: 1 }).format(v));
    const kpis = [[tx.kpi.conversion, pct(a.conversion.rate)], [tx.kpi.leads, a.lead_quality.leads],
      [tx.kpi.sessionsLead, num(a.lead_quality.sessions_until_lead)], [tx.kpi.turnsLead, num(a.lead_quality.turns_until_lead)],
      [tx.kpi.henkP50, a.response_times.henk_p50_ms === null ? tx.none : `${a.response_times.henk_p50_ms} ms`],
      [tx.kpi.humanMedian, a.response_times.human_first_reply_median_minutes === null ? tx.none
        : tx.minutes(num(a.response_times.human_first_reply_median_minutes))],
      [tx.kpi.avgValue, euro(a.deals.average_value)], [tx.kpi.winRate, pct(a.deals.win_rate)]];
    $('kpis').replaceChildren(h('dl', { class: 'kpis' }, kpis.map(([k, v]) => h('div', { class: 'kpi' },
      h('dt', {}, k), h('dd', {}, v)))));
    $('charts').replaceChildren(
      barChart('chart-weekly', tx.weekly, a.weekly.map(w => day(w.week_starting).replace(/\s?\d{4}$/, '')),
        [[tx.series.leads, a.weekly.map(w => w.leads)], [tx.series.won, a.weekly.map(w => w.won)],
          [tx.series.lost, a.weekly.map(w => w.lost)], [tx.series.sessions, a.weekly.map(w => w.anonymous_sessions)]]),
      barChart('chart-status', tx.dealsByStatus, ['Open', 'Won', 'Lost'],
        [[tx.status, [a.deals.open, a.deals.won, a.deals.lost]]]));
  } catch (e) {
    $('kpis').replaceChildren(h('p', { class: 'error', role: 'alert' }, e.message));
  }
}

/** Grouped bar chart as inline SVG; the numbers are also in the SVG's accessible description. */
function barChart(id, caption, labels, series) {
  const colours = ['#1f3a5f', '#2f7d32', '#b3261e', '#8a94a3'];
  const width = 640, height = 220, left = 32, bottom = 40, top = 10;
  const max = Math.max(1, ...series.flatMap(([, values]) => values));
  const groupWidth = (width - left) / labels.length;
  const barWidth = Math.max(2, (groupWidth * 0.8) / series.length);
  const y = v => top + (height - top - bottom) * (1 - v / max);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`,
    id });
  const description = labels.map((label, i) => `${label}: ${series.map(([name, v]) => `${name} ${v[i]}`).join(', ')}`)
    .join('; ');
  svg.append(s('title', { id: `${id}-title` }, caption), s('desc', { id: `${id}-desc` }, description));
  for (const tick of [0, Math.round(max / 2), max]) {
    svg.append(s('line', { x1: left, x2: width, y1: y(tick), y2: y(tick), stroke: '#dfe3e8' }),
      s('text', { x: left - 4, y: y(tick) + 4, 'text-anchor': 'end', 'font-size': '11', fill: '#4a5563' }, tick));
  }
  labels.forEach((label, i) => {
    const x0 = left + i * groupWidth + groupWidth * 0.1;
    series.forEach(([name, values], k) => {
      const v = values[i] || 0;
      svg.append(s('rect', { x: x0 + k * barWidth, y: y(v), width: barWidth - 1, height: Math.max(0, y(0) - y(v)),
        fill: colours[k % colours.length] }, s('title', {}, `${label} · ${name}: ${v}`)));
    });
    if (labels.length <= 14 && (labels.length <= 7 || i % 2 === 0)) {
      svg.append(s('text', { x: x0 + (barWidth * series.length) / 2, y: height - bottom + 16, 'text-anchor': 'middle',
        'font-size': '11', fill: '#4a5563' }, label));
    }
  });
  const legend = h('ul', { class: 'legend' }, series.map(([name], k) => h('li', {},
    h('span', { class: `swatch c${k % colours.length}`, 'aria-hidden': 'true' }), name)));
  return h('figure', {}, h('figcaption', {}, caption), svg, series.length > 1 ? legend : null);
}

// ------------------------------------------------------------------ start

document.addEventListener('DOMContentLoaded', () => {
  applyLanguage();
  $('lang-switch').addEventListener('click', () => {
    lang = lang === 'de' ? 'en' : 'de';
    localStorage.setItem('henk.lang', lang);
    applyLanguage();
    if (auth) refreshAll();
  });
  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', signOut);
  $('deal-filters').addEventListener('submit', e => { e.preventDefault(); dealPage = 0; loadDeals(); });
  $('prev-page').addEventListener('click', () => { dealPage = Math.max(0, dealPage - 1); loadDeals(); });
  $('next-page').addEventListener('click', () => { dealPage += 1; loadDeals(); });
  $('update-form').addEventListener('submit', updateDeal);
  if (auth) showApp();
});
