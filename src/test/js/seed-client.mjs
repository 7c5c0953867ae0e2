// Runs the use case's frontend functions (seed-frontend.js, copied unchanged from
// ../shared/seed/use-case.de.md) against a running hub, the way a browser SPA would.
// The functions hard-code http://localhost:8000; the only adaptation is here, outside them:
// fetch is pointed at HUB_URL and localStorage is an in-memory map.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import assert from 'node:assert/strict';

const hub = process.env.HUB_URL;
const customerEmail = process.env.CUSTOMER_EMAIL;
const sales = { email: process.env.SALES_EMAIL, password: process.env.SALES_PASSWORD };

const store = new Map();
const localStorage = {
  getItem: (k) => (store.has(k) ? store.get(k) : null),
  setItem: (k, v) => store.set(k, String(v)),
  removeItem: (k) => store.delete(k),
};
const seen = [];
const hubFetch = async (url, options = {}) => {
  const target = url.replace('http://localhost:8000', hub);
  const response = await fetch(target, options);
  seen.push({ method: options.method ?? 'GET', path: new URL(target).pathname, status: response.status,
    authorization: options.headers?.Authorization });
  return response;
};

const context = vm.createContext({ fetch: hubFetch, localStorage, JSON, console });
const source = readFileSync(new URL('./seed-frontend.js', import.meta.url), 'utf8');
vm.runInContext(`${source}\n;globalThis.seed = { register, sendMessage, createLead, getDeals };`, context);
const { register, sendMessage, createLead, getDeals } = context.seed;

// 1. anonymous chat: no token yet, so the seed sends Authorization: ''
const first = await sendMessage('Ich suche einen Anzug für eine Hochzeit');
assert.equal(seen.at(-1).authorization, '');
assert.equal(seen.at(-1).status, 200);
assert.ok(first.session_id, 'a session id');
assert.match(first.reply, /Jahreszeit|Datum/);

// 2. registration stores the tokens
const registered = await register(customerEmail, 'Max Mustermann', 'SecurePass123!');
assert.equal(seen.at(-1).status, 201);
assert.ok(localStorage.getItem('access_token'));
assert.ok(localStorage.getItem('refresh_token'));
assert.ok(registered.user_id);

// 3. authenticated chat continuing the anonymous session (claimed on this turn)
const second = await sendMessage('Budget ist ca. 2500 Euro, Hochzeit im Juni', first.session_id);
assert.equal(seen.at(-1).status, 200);
assert.equal(second.session_id, first.session_id);
assert.equal(second.profile.budget_eur, 2500);

// 4. lead
const lead = await createLead({ name: 'Max Mustermann', email: customerEmail, phone: '+49 170 1234567',
  deal_title: 'Hochzeits-Anzug Juni 2025', deal_value: 2500 });
assert.equal(seen.at(-1).status, 201);
assert.equal(lead.deal.value, 2500);

// a customer's getDeals is refused with a readable problem document
const refused = await getDeals();
assert.equal(seen.at(-1).status, 403);
assert.equal(refused.code, 'forbidden');

// 5. the sales dashboard: a beta user's token in localStorage, then the seed's getDeals
const login = await hubFetch('http://localhost:8000/api/auth/login', { method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ email: sales.email, password: sales.password, is_beta_user: true }) });
assert.equal(login.status, 200);
localStorage.setItem('access_token', (await login.json()).access_token);
const deals = await getDeals();
assert.equal(seen.at(-1).status, 200);
const mine = deals.deals.find((d) => d.email === customerEmail);
assert.ok(mine, 'the new deal is on the dashboard');
assert.equal(mine.title, 'Hochzeits-Anzug Juni 2025');
assert.equal(mine.value, 2500);
assert.equal(mine.currency, 'EUR');
assert.equal(mine.person_name, 'Max Mustermann');

console.log(JSON.stringify({ ok: true, calls: seen.map((c) => `${c.method} ${c.path} ${c.status}`) }));
