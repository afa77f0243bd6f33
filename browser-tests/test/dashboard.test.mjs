// The coupon dashboard in a real browser: Debian's Chromium driven by playwright-core against
// ./run-local serve (started by DashboardBrowserTest, which gives API_URL and KEY). Elements are
// found by role and accessible name, the names docs/dashboard.md promises.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const API_URL = process.env.API_URL;
const KEY = process.env.KEY;
const DASHBOARD = `${API_URL}/dashboard/`;
const SHOTS = process.env.SCREENSHOTS;
let browser;

before(async () => {
  assert.ok(API_URL && KEY, 'API_URL and KEY come from DashboardBrowserTest');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  if (SHOTS) await mkdir(SHOTS, { recursive: true });
});

after(async () => { await browser?.close(); });

/** The public API, called as an integration would (for setup and for redemptions). */
async function api(method, path, body) {
  const response = await fetch(`${API_URL}/v1/${path}`, {
    method,
    headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/x-www-form-urlencoded',
      'Stripe-Version': '2025-09-30.clover' },
    body,
  });
  const json = await response.json();
  assert.ok(response.ok, JSON.stringify(json));
  return json;
}

/** A fresh page at 1280×800 that fails the test on any CSP violation or script error. */
async function openPage(t) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  t.after(async () => {
    await context.close();
    assert.deepEqual(problems, [], 'no CSP violation or script error');
  });
  return page;
}

async function signIn(page, key = KEY) {
  await page.goto(DASHBOARD);
  await page.getByLabel('Secret key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function shot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/dashboard-${name}.png` });
}

test('the page and its files come with a strict policy, and first load stays under 100 KB', async (t) => {
  const page = await openPage(t);
  let bytes = 0;
  const files = [];
  page.on('response', async (response) => {
    const body = await response.body().catch(() => Buffer.alloc(0));
    bytes += body.length;
    files.push(`${new URL(response.url()).pathname} ${body.length}`);
  });
  const response = await page.goto(DASHBOARD);
  await page.getByLabel('Secret key').waitFor();
  const headers = response.headers();
  assert.match(headers['content-security-policy'], /^default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'/);
  assert.equal(headers['x-frame-options'], 'DENY');
  assert.equal(headers['referrer-policy'], 'no-referrer');
  await page.waitForLoadState('networkidle');
  console.log(`first load: ${bytes} bytes uncompressed in ${files.length} files (${files.join(', ')})`);
  assert.ok(bytes < 100 * 1024, `${bytes} bytes`);
});

test('a wrong key shows the API\'s error at once, and a right one signs in to test mode', async (t) => {
  const page = await openPage(t);
  await signIn(page, 'sk_test_wrongKey0000000000000000');
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: 2000 });
  assert.match(await alert.textContent(), /Invalid API Key provided/);
  await page.getByLabel('Secret key').fill(KEY);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Test mode').waitFor();
  await page.getByRole('heading', { name: 'Coupons' }).waitFor();
});

test('a coupon made with the form is in the list; an API error shows at its field', async (t) => {
  const page = await openPage(t);
  await signIn(page);
  await page.getByRole('button', { name: 'New coupon' }).click();
  await page.getByLabel('Percent off').fill('150');
  await page.getByLabel('Duration', { exact: true }).selectOption('once');
  await page.getByRole('button', { name: 'Create coupon' }).click();
  const atField = page.locator('.field', { has: page.getByLabel('Percent off') }).getByRole('alert');
  await atField.waitFor();
  assert.match(await atField.textContent(), /percent_off/i);

  await page.getByLabel('Percent off').fill('25');
  await page.getByLabel('Limit per customer').fill('1001');
  await page.getByRole('button', { name: 'Create coupon' }).click();
  const atLimit = page.locator('.field', { has: page.getByLabel('Limit per customer') }).getByRole('alert');
  await atLimit.waitFor();
  assert.match(await atLimit.textContent(), /max_redemptions_per_customer/);

  await page.getByLabel('Limit per customer').fill('1');
  await page.getByLabel('ID', { exact: true }).fill('SPRING25');
  await page.getByLabel('Percent off').fill('25.5');
  await page.getByLabel('Duration', { exact: true }).selectOption('repeating');
  await page.getByLabel('Duration in months').fill('3');
  await page.getByLabel('Max redemptions').fill('20');
  await page.getByLabel('Name', { exact: true }).fill('Spring sale');
  assert.match(await page.getByLabel('Equivalent curl command').textContent(), /-d "percent_off=25.5"/);
  await shot(page, 'form');
  await page.getByRole('button', { name: 'Create coupon' }).click();
  await page.getByRole('heading', { name: 'Spring sale' }).waitFor();

  await page.getByRole('link', { name: 'Coupons' }).first().click();
  const row = page.getByRole('row', { name: /Spring sale/ });
  await row.waitFor();
  assert.match(await row.textContent(), /25\.5 % off, 3 months, 1 per customer/);
  assert.match(await row.textContent(), /0 \/ 20/);
  assert.equal((await api('GET', 'coupons/SPRING25')).max_redemptions_per_customer, 1);
});

test('on the detail page: a code is made, its meter moves with a redemption, CSV, then delete', async (t) => {
  await api('POST', 'coupons', 'id=FLASH&percent_off=10&max_redemptions=50&name=Flash+sale'
    + `&redeem_by=${Math.floor(Date.now() / 1000) + 30 * 86400}`);
  const page = await openPage(t);
  await signIn(page);
  await page.getByRole('link', { name: 'Flash sale' }).click();
  await page.getByRole('heading', { name: 'Flash sale' }).waitFor();
  const codes = page.getByRole('region', { name: 'Promotion codes' });
  await codes.getByRole('button', { name: 'New promotion code' }).click();
  await page.getByLabel('Code', { exact: true }).fill('FLASH10');
  await page.getByLabel('Max redemptions').fill('5');
  await page.getByLabel('Limit per customer').fill('2');
  // within the coupon's redeem_by, as the API requires (local time, as the input takes it)
  const inTenDays = new Date(Date.now() + 10 * 86400 * 1000);
  inTenDays.setSeconds(0, 0);
  const local = new Date(inTenDays.getTime() - inTenDays.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  await page.getByLabel('Expires at').fill(local);
  await page.getByRole('button', { name: 'Create promotion code' }).click();
  const codeRow = codes.getByRole('row', { name: /FLASH10/ });
  await codeRow.waitFor();
  assert.match(await codeRow.textContent(), /0 \/ 5/);
  assert.match(await codeRow.textContent(), /2 per customer/);
  assert.match(await codeRow.textContent(), new RegExp(new Date(inTenDays).toISOString().slice(0, 10)));
  await shot(page, 'detail');

  const [code] = (await api('GET', 'promotion_codes?code=FLASH10')).data;
  await api('POST', 'customers', `promotion_code=${code.id}`);
  await codes.getByRole('row', { name: /FLASH10/ }).getByText('1 / 5').waitFor({ timeout: 10000 });
  await page.getByText('1 / 50').waitFor({ timeout: 10000 });

  const [download] = await Promise.all([page.waitForEvent('download'),
    codes.getByRole('button', { name: 'Export CSV' }).click()]);
  const csv = await readFile(await download.path(), 'utf8');
  assert.equal(csv, `id,code,active,times_redeemed,max_redemptions,expires_at\n${code.id},FLASH10,true,1,5,`
    + `${code.expires_at}\n`);

  await codes.getByRole('row', { name: /FLASH10/ }).getByRole('button', { name: 'Switch off' }).click();
  await codes.getByRole('row', { name: /FLASH10/ }).getByText('inactive').waitFor();
  assert.equal((await api('GET', `promotion_codes/${code.id}`)).active, false);
  await codes.getByRole('row', { name: /FLASH10/ }).getByRole('button', { name: 'Switch on' }).click();
  await codes.getByRole('row', { name: /FLASH10/ }).getByRole('button', { name: 'Switch off' }).waitFor();
  assert.equal((await api('GET', `promotion_codes/${code.id}`)).active, true);

  await page.getByRole('button', { name: 'Edit name and metadata' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Flash sale, extended');
  await page.getByLabel('Metadata').fill('owner=growth');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'Flash sale, extended' }).waitFor();
  assert.deepEqual((await api('GET', 'coupons/FLASH')).metadata, { owner: 'growth' });

  await page.getByRole('button', { name: 'Delete coupon' }).click();
  const confirm = page.getByRole('button', { name: 'Delete', exact: true });
  assert.equal(await confirm.isDisabled(), true);
  await page.getByLabel('Type the coupon id to confirm').fill('FLASH');
  await confirm.click();
  await page.getByRole('heading', { name: 'Coupons' }).waitFor();
  assert.equal(await page.getByRole('link', { name: /Flash sale/ }).count(), 0);
  const deleted = await fetch(`${API_URL}/v1/coupons/FLASH`, { headers: { Authorization: `Bearer ${KEY}` } });
  assert.equal(deleted.status, 404);
});

test('a coupon whose id is "new" opens its own page, and a code that looks like a formula exports as text', async (t) => {
  await api('POST', 'coupons', 'id=new&percent_off=5');
  await api('POST', 'promotion_codes', 'promotion[type]=coupon&promotion[coupon]=new&code=-2-3');
  const page = await openPage(t);
  await signIn(page);
  await page.getByRole('link', { name: 'new', exact: true }).click();
  await page.getByRole('heading', { name: 'new', exact: true }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Create coupon' }).count(), 0);
  const codes = page.getByRole('region', { name: 'Promotion codes' });
  await codes.getByRole('row', { name: /-2-3/ }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'),
    codes.getByRole('button', { name: 'Export CSV' }).click()]);
  const csv = await readFile(await download.path(), 'utf8');
  assert.match(csv.split('\n')[1], /^promo_\w+,'-2-3,true,0,,$/);
});

test('the list of 25 coupons with their code counts and amounts discounted takes three API calls', async (t) => {
  for (let i = 0; i < 25; i++) await api('POST', 'coupons', `id=LIST${String(i).padStart(2, '0')}&amount_off=450&currency=eur&duration=once`);
  await api('POST', 'promotion_codes', 'promotion[type]=coupon&promotion[coupon]=LIST24&code=LISTED');
  const page = await openPage(t);
  await page.goto(DASHBOARD);
  await page.getByLabel('Secret key').fill(KEY);
  const calls = [];
  page.on('request', (request) => { if (request.url().includes('/v1/')) calls.push(new URL(request.url()).pathname); });
  await page.getByRole('button', { name: 'Sign in' }).click();
  const row = page.getByRole('row', { name: /LIST24/ });
  await row.waitFor();
  await page.waitForLoadState('networkidle');
  assert.match(await row.textContent(), /€4\.50 off, once/);
  assert.equal(await page.getByRole('row').count(), 26, 'a header row and 25 coupons');
  // the sign-in (what the key may do), then the page: the coupons and, for every row at once, the codes
  // and what each coupon took off so far
  assert.deepEqual(calls.slice(0, 2), ['/v1/key_permissions', '/v1/coupons']);
  assert.deepEqual(calls.slice(2).sort(), ['/v1/coupon_stats', '/v1/promotion_codes']);
  console.log(`list page of 25 coupons with code counts and amounts discounted: ${calls.length - 1} API calls (after the sign-in)`);
  await shot(page, 'list');
});

/** Waits until the coupon's statistics (counted from the stream, a moment behind) satisfy {@code done}. */
async function statsOf(coupon, done) {
  for (let tries = 0; tries < 100; tries++) {
    const stats = await api('GET', `coupons/${coupon}/stats?days=7`);
    if (done(stats)) return stats;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`the statistics of ${coupon} were not counted in 10 s`);
}

/** An invoice of {@code amount} for a new customer with the coupon on its one item, finalized and paid. */
async function paidInvoice(coupon, amount) {
  const customer = await api('POST', 'customers', 'name=Buyer');
  await api('POST', 'invoiceitems', `customer=${customer.id}&amount=${amount}&currency=usd&discounts[0][coupon]=${coupon}`);
  const invoice = await api('POST', 'invoices', `customer=${customer.id}&pending_invoice_items_behavior=include`);
  await api('POST', `invoices/${invoice.id}/finalize`, '');
  await api('POST', `invoices/${invoice.id}/pay`, 'paid_out_of_band=true');
}

test('a coupon\'s page charts its redemptions per day and what it took off; the list sorts by that', async (t) => {
  await api('POST', 'coupons', 'id=BIGSPEND&amount_off=2000&currency=usd&duration=once&name=Big+spender');
  await api('POST', 'coupons', 'id=WELCOME5&amount_off=500&currency=usd&duration=once&name=Welcome+five');
  await paidInvoice('BIGSPEND', 5000);
  for (let i = 0; i < 3; i++) await api('POST', 'customers', 'coupon=WELCOME5');
  await paidInvoice('WELCOME5', 3000);
  // a preview prices the coupon and counts nothing
  const previewer = await api('POST', 'customers', 'name=Looker');
  await api('POST', 'invoices/create_preview', `customer=${previewer.id}&invoice_items[0][amount]=1000`
    + '&invoice_items[0][currency]=usd&discounts[0][coupon]=WELCOME5');
  await statsOf('WELCOME5', (stats) => stats.redemptions === 4 && stats.invoices_discounted === 1);
  await statsOf('BIGSPEND', (stats) => stats.invoices_discounted === 1);

  const page = await openPage(t);
  await signIn(page);
  const rows = page.getByRole('row');
  // the Discounted cells (the terms cell says "$5.00 off, once")
  await page.getByRole('row', { name: /Welcome five/ }).getByRole('cell', { name: '$5.00', exact: true }).waitFor();
  await page.getByRole('row', { name: /Big spender/ }).getByRole('cell', { name: '$20.00', exact: true }).waitFor();
  const order = async () => (await rows.allTextContents()).map((text) => (/Welcome five|Big spender/.exec(text) || [])[0])
    .filter(Boolean);
  assert.deepEqual(await order(), ['Welcome five', 'Big spender'], 'newest first');
  await page.getByLabel('Sort').selectOption({ label: 'Amount discounted (USD), most first' });
  await rows.nth(1).filter({ hasText: 'Big spender' }).waitFor();
  assert.deepEqual(await order(), ['Big spender', 'Welcome five'], 'most discounted first');
  assert.match(await rows.nth(1).textContent(), /\$\d/, 'the top row took the most off');
  await shot(page, 'list-by-amount');

  await page.getByRole('link', { name: 'Welcome five' }).click();
  const usage = page.getByRole('region', { name: 'Usage' });
  const chart = usage.getByRole('img', { name: /Redemptions per day/ });
  await chart.waitFor();
  const today = new Date().toISOString().slice(0, 10);
  const bar = chart.locator(`g.day[data-date="${today}"]`);
  assert.equal(await bar.getAttribute('data-count'), '4');
  assert.equal(await chart.locator('g.day').count(), 30, 'a bar for each of the last 30 days');
  assert.match(await usage.locator('#usage-discounted').textContent(), /^\$5\.00$/);
  assert.equal(await usage.locator('#usage-invoices').textContent(), '1');
  await page.evaluate(() => document.getElementById('usage-heading').scrollIntoView());
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/dashboard-usage.png` });

  // one more redemption: the bar grows while the page is open (counted from the stream, then polled)
  await api('POST', 'customers', 'coupon=WELCOME5');
  await page.locator(`g.day[data-date="${today}"][data-count="5"]`).waitFor({ timeout: 15000 });
  await usage.getByLabel('Days').selectOption({ label: 'Last 7 days' });
  await page.waitForFunction(() => document.querySelectorAll('svg.bars g.day').length === 7);
});

test('a batch shows its progress and its codes download as CSV', async (t) => {
  await api('POST', 'coupons', 'id=BATCHED&percent_off=5');
  const page = await openPage(t);
  await signIn(page);
  await page.getByRole('link', { name: 'Batches' }).click();
  await page.getByLabel('Coupon', { exact: true }).fill('BATCHED');
  await page.getByLabel('Count').fill('120');
  await page.getByLabel('Prefix').fill('BB');
  await page.getByRole('button', { name: 'Create batch' }).click();
  await page.getByText('120 / 120').waitFor({ timeout: 30000 });
  await page.getByText('succeeded').waitFor({ timeout: 10000 });
  const [download] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click()]);
  const rows = (await readFile(await download.path(), 'utf8')).trim().split('\n');
  assert.equal(rows[0], 'id,code,active,times_redeemed,max_redemptions,expires_at');
  assert.equal(rows.length, 121);
  assert.ok(rows.slice(1).every((row) => /^promo_\w+,BB\w{10},true,0,1,$/.test(row)), rows[1]);
});

test('a restricted key signs in and is offered only what it may do', async (t) => {
  const readOnly = process.env.READ_ONLY_KEY;
  assert.ok(readOnly && readOnly.startsWith('rk_test_'), 'READ_ONLY_KEY (coupons=read) comes from DashboardBrowserTest');
  await api('POST', 'coupons', 'id=RK-VISIBLE&percent_off=10');
  const page = await openPage(t);
  await signIn(page, readOnly);
  await page.getByText('Restricted key').waitFor();
  const link = page.getByRole('link', { name: 'RK-VISIBLE', exact: true });
  await link.waitFor();
  assert.equal(await page.getByRole('button', { name: 'New coupon' }).count(), 0, 'no New coupon');
  assert.equal(await page.getByRole('link', { name: 'Batches' }).count(), 0, 'no batches: promotion_codes is none');
  await shot(page, 'restricted-list');

  await link.click();
  await page.getByRole('heading', { name: 'RK-VISIBLE' }).waitFor();
  for (const name of ['Delete coupon', 'Edit name and metadata', 'New promotion code', 'Export CSV']) {
    assert.equal(await page.getByRole('button', { name }).count(), 0, `no ${name}`);
  }
  assert.equal(await page.getByRole('heading', { name: 'Promotion codes' }).count(), 0, 'no codes section');

  // the form's route offers nothing either: the list shows instead
  await page.evaluate(() => { location.hash = '#/new-coupon'; });
  await page.getByRole('heading', { name: 'Coupons' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Create coupon' }).count(), 0, 'no create form');
  await shot(page, 'restricted-detail');
});
