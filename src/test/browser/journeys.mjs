// The two journeys of the hub's web pages in headless Chromium (Debian's package, driven by playwright-core), run
// by de.henk.hub.pages.BrowserJourneyTest against a started hub:
//   customer: anonymous chat -> fabric recommendations -> register -> personalised turn -> lead ("someone will
//             contact you") -> a time booked -> ask for a person;
//   embedded: the widget on another site (one script tag, cross-origin API calls);
//   sales:    BETA login -> deals -> details with the conversation -> update to won -> answer the handoff.
// axe-core runs on each page load and after a chat turn; serious or critical violations fail the run, and so
// does any Content-Security-Policy violation. Screenshots go to OUT_DIR. Prints one JSON line "RESULT {...}".
//
// env: HUB_URL, SHOP_URL (another site embedding the widget), CUSTOMER_EMAIL, SALES_EMAIL, SALES_PASSWORD, OUT_DIR, CHROMIUM (default /usr/bin/chromium)
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const HUB = process.env.HUB_URL;
const OUT = process.env.OUT_DIR;
const CUSTOMER_EMAIL = process.env.CUSTOMER_EMAIL;
const PASSWORD = 'SecurePass123!';
const STEP_TIMEOUT = 30000; // generous: CI machines are shared
mkdirSync(OUT, { recursive: true });

const result = { axe: [], csp: [], steps: [], screenshots: [] };
const step = name => { result.steps.push(name); console.log(`step: ${name}`); };

let axeRunning = false;

async function accessibility(page, label) {
  // evaluated over the DevTools protocol, so the page's CSP (no inline script) stays in force for the page itself;
  // axe itself sets inline styles while it measures, which that CSP reports: those reports are axe's, not the page's
  axeRunning = true;
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const run = await window.axe.run(document, { resultTypes: ['violations'] });
    window.henkAxePasses = run.passes.length;
    return run.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }));
  });
  await page.waitForTimeout(200);
  axeRunning = false;
  const blocking = found.filter(v => v.impact === 'serious' || v.impact === 'critical');
  const passes = await page.evaluate(() => window.henkAxePasses);
  result.axe.push({ label, rulesPassed: passes, violations: found.length, blocking });
  if (blocking.length) throw new Error(`axe (${label}): ${JSON.stringify(blocking)}`);
}

async function shot(page, name) {
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  result.screenshots.push(path);
}

function watch(page) {
  page.on('console', message => {
    if (!axeRunning && /Content Security Policy|Refused to/i.test(message.text())) result.csp.push(message.text());
  });
  page.on('pageerror', error => result.csp.push(`page error: ${error.message}`));
}

async function customerJourney(browser) {
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  watch(page);
  await page.goto(`${HUB}/`);
  const chat = page.locator('henk-chat');
  await chat.locator('.mode').filter({ hasText: 'Chat ohne Login' }).waitFor();
  step('widget loaded, anonymous');
  await accessibility(page, 'chat page load');

  const henkReplies = chat.locator('.msg.henk');
  const say = async text => {
    const before = await henkReplies.count();
    await chat.getByLabel('Ihre Nachricht an HENK').fill(text);
    await chat.getByLabel('Ihre Nachricht an HENK').press('Enter');
    await page.waitForFunction(n => document.querySelector('henk-chat').shadowRoot
      .querySelectorAll('.msg.henk').length > n, before);
    await chat.locator('.send:not([disabled])').waitFor();
  };
  await say('Ich suche einen Anzug für eine Hochzeit');
  step('anonymous turn answered');
  await accessibility(page, 'after a chat turn');
  await say('Im Juni, Budget ca. 2500 Euro');
  await say('klassisch, gern blau');
  const cards = chat.locator('.fabric');
  await cards.first().waitFor();
  const fabrics = await cards.count();
  const reasons = await cards.first().locator('.reasons li').count();
  if (fabrics < 1 || reasons < 1) throw new Error(`fabric cards ${fabrics}, reasons ${reasons}`);
  result.fabrics = fabrics;
  step(`fabric recommendations shown (${fabrics} cards)`);
  await accessibility(page, 'after the recommendations');
  await shot(page, 'widget-recommendations');

  await chat.getByRole('button', { name: 'Registrieren' }).first().click();
  await chat.getByLabel('Name').fill('Max Mustermann');
  await chat.getByLabel('E-Mail', { exact: true }).fill(CUSTOMER_EMAIL);
  await chat.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
  await chat.locator('.account-form button[type=submit]').click();
  await chat.locator('.mode').filter({ hasText: 'Personalisierter Chat' }).waitFor();
  step('registered; the chat is personalised');

  await say('Ja, gerne einen Termin zum Maßnehmen');
  await chat.locator('.lead-banner').filter({ hasText: 'Jemand kontaktiert Sie' }).waitFor();
  step('lead created: "Jemand kontaktiert Sie"');
  await chat.locator('button.slot').first().waitFor();
  await chat.locator('button.slot').first().click();
  await chat.locator('.msg.booked').waitFor();
  step('a measuring time booked in the chat');
  await accessibility(page, 'after lead and booking');
  await shot(page, 'widget-lead');

  await chat.getByRole('button', { name: 'Mit einem Menschen sprechen' }).click();
  await chat.locator('.msg.notice').filter({ hasText: 'Ein Mitarbeiter übernimmt' }).waitFor();
  step('asked for a person');

  await chat.getByRole('button', { name: /English/ }).click();
  await chat.locator('.mode').filter({ hasText: 'Personalised chat' }).waitFor();
  await page.locator('h1').filter({ hasText: 'your made-to-measure concierge' }).waitFor();
  step('switched to English');
  result.sessionId = await page.evaluate(() => localStorage.getItem('henk.session'));
  await context.close();
}

async function embeddedJourney(browser) {
  // the widget on another site (SHOP_URL, an allowed CORS origin): one script tag, a floating button, the API
  // reached cross-origin
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  watch(page);
  await page.goto(process.env.SHOP_URL);
  const chat = page.locator('henk-chat');
  await chat.getByRole('button', { name: 'Open chat with HENK' }).click();
  await chat.getByLabel('Your message to HENK').fill('I am looking for a suit for a wedding');
  await chat.getByLabel('Your message to HENK').press('Enter');
  await chat.locator('.msg.henk').nth(1).waitFor();
  await chat.locator('.send:not([disabled])').waitFor();
  step('embedded on another site: HENK answers');
  await accessibility(page, 'widget embedded on another site');
  await shot(page, 'widget-embedded');
  await context.close();
}

async function salesJourney(browser) {
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  watch(page);
  await page.goto(`${HUB}/dashboard`);
  await page.getByRole('heading', { name: 'Dashboard - Sales Team' }).waitFor();
  await accessibility(page, 'dashboard login page');
  await page.getByLabel('E-Mail', { exact: true }).fill(process.env.SALES_EMAIL);
  await page.getByLabel('Passwort', { exact: true }).fill(process.env.SALES_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('heading', { name: /Aktuelle Deals/ }).waitFor();
  step('signed in as BETA');

  await page.getByLabel('E-Mail suchen').fill(CUSTOMER_EMAIL);
  await page.getByRole('button', { name: 'Filtern' }).click();
  const deal = page.locator('.deal').filter({ hasText: 'Max M. - ' });
  await deal.first().waitFor();
  const line = await deal.first().locator('.line').innerText();
  const meta = await deal.first().locator('.meta').innerText();
  if (!/^• ?Max M\. - .+ - \d+€$/.test(line.trim()) && !/^Max M\. - .+ - \d+€$/.test(line.trim())) {
    throw new Error(`deal line "${line}"`);
  }
  if (!/^Status: Open \| /.test(meta)) throw new Error(`deal meta "${meta}"`);
  for (const label of ['Details', 'Contact', 'Update']) {
    if (!await deal.first().getByText(label, { exact: true }).count()) throw new Error(`no [${label}]`);
  }
  result.dealLine = `${line} / ${meta}`;
  step(`deal listed: ${line} | ${meta}`);
  await page.locator('#kpis .kpi').first().waitFor();
  await page.locator('#chart-weekly').waitFor();
  await page.locator('#handoff-list .handoff').filter({ hasText: CUSTOMER_EMAIL }).waitFor();
  await page.locator('#appointment-list .handoff').first().waitFor();
  await accessibility(page, 'dashboard with data');
  await shot(page, 'dashboard');

  await deal.first().getByRole('button', { name: /^Details/ }).click();
  await page.locator('#deal-detail[aria-busy=false]').waitFor();
  await page.locator('#detail-conversation .msg.customer').filter({ hasText: 'Hochzeit' }).first().waitFor();
  step('deal details show the conversation it came from');
  await deal.first().getByRole('button', { name: /^Update/ }).click();
  await page.locator('#deal-detail[aria-busy=false]').waitFor();
  await page.getByLabel('Wert (EUR)').fill('2800');
  await page.locator('#update-status').selectOption('won');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.locator('#update-result').filter({ hasText: 'Gespeichert' }).waitFor();
  await page.locator('.deal .meta').filter({ hasText: 'Status: Won' }).first().waitFor();
  step('deal updated to won (2800)');
  await page.locator('#orders table').first().waitFor();
  step('the won deal appears among the orders');
  await accessibility(page, 'dashboard after update');
  await shot(page, 'dashboard-deal-won');

  const handoff = page.locator('#handoff-list .handoff').filter({ hasText: CUSTOMER_EMAIL });
  await handoff.getByLabel('Antwort an den Kunden').fill('Guten Tag, hier ist das Team – gern helfe ich weiter.');
  await handoff.getByRole('button', { name: 'Senden' }).click();
  await page.locator('#toast').filter({ hasText: 'Gesendet' }).waitFor();
  await handoff.locator('.msg.staff').first().waitFor();
  step('answered the handoff');
  await handoff.getByRole('button', { name: 'An HENK zurückgeben' }).click();
  await page.locator('#toast').filter({ hasText: 'Zurück bei HENK' }).waitFor();
  step('released the handoff');
  await context.close();
}

const profile = mkdtempSync(join(tmpdir(), 'henk-chromium-'));
const started = Date.now();
let browser;
let failure = null;
try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // a fresh profile: playwright launches Chromium with a new temporary --user-data-dir of its own (it refuses the
    // flag in args); the downloads go to our own temporary folder
    downloadsPath: profile,
  });
  result.browser = browser.version();
  await customerJourney(browser);
  await embeddedJourney(browser);
  await salesJourney(browser);
  if (result.csp.length) throw new Error(`CSP violations or page errors: ${result.csp.join(' | ')}`);
} catch (e) {
  failure = e;
} finally {
  if (browser) await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
result.seconds = (Date.now() - started) / 1000;
result.ok = !failure;
if (failure) result.error = String(failure.stack || failure);
console.log(`RESULT ${JSON.stringify(result)}`);
process.exit(failure ? 1 : 0);
