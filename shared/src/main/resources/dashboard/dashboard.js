// The coupon dashboard (docs/dashboard.md): a thin client of the public /v1 API. The key (secret,
// or restricted: what to hand to marketing staff) lives in this module's memory only; every call
// sends it as a Bearer header, with credentials "omit" (a 401 answered with WWW-Authenticate: Basic
// would otherwise make the browser wait for a login prompt that never comes). What the key may do
// is asked once, at sign-in (GET /v1/key_permissions), and only that is offered.
import { html, render, useState, useEffect } from './vendor/htm-preact-3.1.1.mjs';

const VERSION = '2025-09-30.clover';
const POLL_MS = 3000;
let secretKey = null;
/** The signed-in key's permissions: group → none | read | write. */
let permissions = {};

/** Whether the signed-in key may read (or write) a group: coupons, promotion_codes, … */
function may(group, level = 'read') {
  const granted = permissions[group] || 'none';
  return level === 'read' ? granted !== 'none' : granted === 'write';
}

/** The API's base, relative to this page: ../v1 (under the stage on AWS). */
const API = new URL('../v1/', document.baseURI);

function encode(params, prefix, out = []) {
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    const name = prefix ? `${prefix}[${key}]` : key;
    if (Array.isArray(value)) value.forEach((item) => out.push(`${encodeURIComponent(name + '[]')}=${encodeURIComponent(item)}`));
    else if (typeof value === 'object') encode(value, name, out);
    else out.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  }
  return out;
}

class ApiError extends Error {
  constructor(status, error) {
    super((error && error.message) || `The API answered ${status}.`);
    this.status = status;
    this.param = error && error.param;
  }
}

/** One call of the public API; resolves with the parsed body (or the raw response for a file). */
async function api(method, path, params = {}, { key = secretKey, raw = false } = {}) {
  const query = method === 'GET' ? encode(params).join('&') : '';
  const url = new URL(path + (query ? `?${query}` : ''), API);
  const init = {
    method,
    credentials: 'omit',
    headers: { Authorization: `Bearer ${key}`, 'Stripe-Version': VERSION },
  };
  if (method === 'POST') {
    init.headers['Content-Type'] = 'application/x-www-form-urlencoded';
    init.body = encode(params).join('&');
  }
  const response = await fetch(url, init);
  if (raw && response.ok) return response;
  let body = null;
  try { body = await response.json(); } catch (unreadable) { body = null; }
  if (!response.ok) throw new ApiError(response.status, body && body.error);
  return body;
}

// ---------- formatting ----------

function money(amount, currency) {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).format(amount / 100);
  } catch (unknown) {
    return `${amount} ${currency}`;
  }
}

/** [{currency, amount}] as {currency: amount}. */
function amountsByCurrency(list) {
  const amounts = {};
  (list || []).forEach((each) => { amounts[each.currency] = each.amount; });
  return amounts;
}

/** {currency: amount} as "$12.00 · €3.00"; a dash for nothing. */
function moneyList(amounts) {
  const entries = Object.entries(amounts || {}).filter(([, amount]) => amount > 0);
  return entries.length ? entries.map(([currency, amount]) => money(amount, currency)).join(' · ') : '—';
}

function terms(coupon) {
  const off = coupon.percent_off != null ? `${coupon.percent_off} % off` : `${money(coupon.amount_off, coupon.currency)} off`;
  const how = coupon.duration === 'repeating' ? `${coupon.duration_in_months} months` : coupon.duration;
  const each = coupon.max_redemptions_per_customer ? `, ${coupon.max_redemptions_per_customer} per customer` : '';
  return `${off}, ${how}${each}`;
}

function date(seconds) {
  return seconds == null ? '—' : new Date(seconds * 1000).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

function couponStatus(coupon) {
  if (coupon.deleted) return 'deleted';
  if (coupon.valid) return 'valid';
  if (coupon.max_redemptions != null && coupon.times_redeemed >= coupon.max_redemptions) return 'used up';
  return 'expired';
}

function seconds(local) {
  return local ? Math.floor(new Date(local).getTime() / 1000) : undefined;
}

function lines(text) {
  const map = {};
  for (const line of (text || '').split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) map[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return map;
}

function Meter({ used, cap, label, big }) {
  const text = `${used} / ${cap == null ? '∞' : cap}`;
  return html`<span class=${big ? 'big meter' : 'meter'}>
    ${cap != null && html`<meter min="0" max=${cap} value=${used} aria-label=${label}></meter>`}
    <span>${text}</span></span>`;
}

function Alert({ error }) {
  return error ? html`<p role="alert">${error.message || String(error)}</p>` : null;
}

function download(name, text) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/** Runs {@code load} now and every few seconds while the tab is visible. */
function usePolling(load, deps) {
  useEffect(() => {
    let stopped = false;
    const tick = () => { if (!stopped && document.visibilityState === 'visible') load(); };
    load();
    const timer = setInterval(tick, POLL_MS);
    return () => { stopped = true; clearInterval(timer); };
  }, deps);
}

function useRoute() {
  const [hash, setHash] = useState(location.hash || '#/coupons');
  useEffect(() => {
    const changed = () => setHash(location.hash || '#/coupons');
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return hash.slice(2).split('/').map(decodeURIComponent);
}

// ---------- sign-in ----------

function SignIn({ onSignIn }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  async function submit(event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const trimmed = key.trim();
      const granted = await api('GET', 'key_permissions', {}, { key: trimmed });
      secretKey = trimmed;
      permissions = granted.permissions;
      onSignIn({ live: granted.livemode, restricted: granted.type === 'restricted', key: granted.key });
    } catch (failed) {
      setError(failed);
    } finally {
      setBusy(false);
    }
  }
  return html`<form class="card signin" onSubmit=${submit}>
    <h1>Coupons dashboard</h1>
    <div class="field"><label for="key">Secret key</label>
      <input id="key" type="password" autocomplete="off" value=${key} onInput=${(e) => setKey(e.target.value)}
        placeholder="sk_test_… or rk_test_…" /></div>
    <p class="muted">The key stays in this tab's memory: reloading the page signs you out. Prefer a test key, or a
      restricted key that may do only what you need.</p>
    <button class="primary" type="submit" disabled=${busy}>Sign in</button>
    <${Alert} error=${error} />
  </form>`;
}

// ---------- coupons list ----------

function CouponList() {
  const [coupons, setCoupons] = useState([]);
  const [more, setMore] = useState(false);
  const [codes, setCodes] = useState({ counts: {}, partial: false });
  const [filter, setFilter] = useState('all');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState('newest');
  const [discounted, setDiscounted] = useState({});
  const [error, setError] = useState(null);
  async function load(after) {
    try {
      const page = await api('GET', 'coupons', { limit: 25, starting_after: after });
      setCoupons((shown) => (after ? shown.concat(page.data) : page.data));
      setMore(page.has_more);
      if (!page.data.length) return;
      // what each coupon of the page took off so far: one call for the page, not one per row
      const stats = await api('GET', 'coupon_stats', { coupons: page.data.map((coupon) => coupon.id), days: 1 });
      setDiscounted((known) => {
        const more = { ...known };
        stats.data.forEach((each) => { more[each.coupon] = amountsByCurrency(each.all_time.amount_discounted); });
        return more;
      });
    } catch (failed) { setError(failed); }
  }
  useEffect(() => {
    if (!may('coupons')) return;
    load();
    // the code counts of the page: one list call for all rows, not one per row
    if (!may('promotion_codes')) return;
    api('GET', 'promotion_codes', { limit: 100 }).then((page) => {
      const counts = {};
      page.data.forEach((code) => { counts[code.promotion.coupon] = (counts[code.promotion.coupon] || 0) + 1; });
      setCodes({ counts, partial: page.has_more });
    }).catch(setError);
  }, []);
  if (!may('coupons')) {
    return html`<section><h1>Coupons</h1><p class="muted">This key may not read coupons.</p></section>`;
  }
  const needle = search.trim().toLowerCase();
  const shown = coupons.filter((coupon) => (filter === 'all' || couponStatus(coupon) === filter)
    && (!needle || coupon.id.toLowerCase().includes(needle) || (coupon.name || '').toLowerCase().includes(needle)));
  // amounts in different currencies do not compare: the list sorts by one currency at a time
  const currencies = [...new Set(Object.values(discounted).flatMap((amounts) => Object.keys(amounts)))].sort();
  if (sort !== 'newest') {
    const currency = sort.slice('discounted:'.length);
    const amount = (coupon) => (discounted[coupon.id] || {})[currency] || 0;
    shown.sort((a, b) => amount(b) - amount(a));
  }
  return html`<section>
    <div class="toolbar"><h1 class="grow">Coupons</h1>
      ${may('coupons', 'write') && html`<button class="primary" onClick=${() => { location.hash = '#/new-coupon'; }}>New coupon</button>`}</div>
    <div class="toolbar">
      <div><label for="status">Status</label>
        <select id="status" value=${filter} onChange=${(e) => setFilter(e.target.value)}>
          <option value="all">All</option><option value="valid">Valid</option>
          <option value="expired">Expired</option><option value="used up">Used up</option></select></div>
      <div class="grow"><label for="search">Search</label>
        <input id="search" type="search" placeholder="id or name, among the coupons loaded" value=${search}
          onInput=${(e) => setSearch(e.target.value)} /></div>
      <div><label for="sort">Sort</label>
        <select id="sort" value=${sort} onChange=${(e) => setSort(e.target.value)}>
          <option value="newest">Newest first</option>
          ${currencies.map((currency) => html`<option value=${'discounted:' + currency}>Amount discounted (${currency.toUpperCase()}), most first</option>`)}
        </select></div>
    </div>
    <${Alert} error=${error} />
    <table>
      <thead><tr><th>Coupon</th><th>Terms</th><th>Redeemed / cap</th>${may('promotion_codes') && html`<th>Codes</th>`}<th>Discounted</th><th>Redeem by</th><th>Status</th></tr></thead>
      <tbody>${shown.map((coupon) => html`<tr key=${coupon.id}>
        <td><a href=${'#/coupons/' + encodeURIComponent(coupon.id)}>${coupon.name || coupon.id}</a>
          ${coupon.name && html`<div class="muted">${coupon.id}</div>`}</td>
        <td>${terms(coupon)}</td>
        <td><${Meter} used=${coupon.times_redeemed} cap=${coupon.max_redemptions} label=${'Redemptions of ' + coupon.id} /></td>
        ${may('promotion_codes') && html`<td>${(codes.counts[coupon.id] || 0) + (codes.partial ? '+' : '')}</td>`}
        <td class="discounted">${moneyList(discounted[coupon.id])}</td>
        <td>${date(coupon.redeem_by)}</td>
        <td><span class=${'status ' + couponStatus(coupon).split(' ')[0]}>${couponStatus(coupon)}</span></td>
      </tr>`)}</tbody>
    </table>
    ${!shown.length && html`<p class="muted">No coupons${coupons.length ? ' match' : ' yet'}.</p>`}
    ${more && html`<p><button onClick=${() => load(coupons[coupons.length - 1].id)}>Load more</button></p>`}
  </section>`;
}

// ---------- create coupon ----------

/** The form's fields, each with the API parameter its errors name. */
const COUPON_FIELDS = [
  ['id', 'ID', 'text'], ['name', 'Name', 'text'], ['percent_off', 'Percent off', 'number'],
  ['amount_off', 'Amount off', 'number'], ['currency', 'Currency', 'text'], ['duration', 'Duration', 'select'],
  ['duration_in_months', 'Duration in months', 'number'], ['max_redemptions', 'Max redemptions', 'number'],
  ['max_redemptions_per_customer', 'Limit per customer', 'number'], ['redeem_by', 'Redeem by', 'datetime-local'], ['products', 'Applies to products', 'text'],
  ['currency_options', 'Currency options', 'textarea'], ['metadata', 'Metadata', 'textarea'],
];

function couponParams(form) {
  return {
    id: form.id || undefined,
    name: form.name || undefined,
    percent_off: form.percent_off || undefined,
    amount_off: form.amount_off || undefined,
    currency: form.currency || undefined,
    duration: form.duration || 'once',
    duration_in_months: form.duration === 'repeating' ? form.duration_in_months || undefined : undefined,
    max_redemptions: form.max_redemptions || undefined,
    max_redemptions_per_customer: form.max_redemptions_per_customer || undefined,
    redeem_by: seconds(form.redeem_by),
    applies_to: form.products ? { products: form.products.split(',').map((p) => p.trim()).filter(Boolean) } : undefined,
    currency_options: form.currency_options ? Object.fromEntries(Object.entries(lines(form.currency_options))
      .map(([currency, amount]) => [currency, { amount_off: amount }])) : undefined,
    metadata: form.metadata ? lines(form.metadata) : undefined,
  };
}

function curl(params) {
  const base = new URL('coupons', API).href;
  return [`curl ${base} -u $KEY:`].concat(encode(params).map((pair) => `  -d "${decodeURIComponent(pair)}"`))
    .join(' \\\n');
}

/** Which field an API error belongs to: the field its param names (metadata[x] → Metadata). */
function fieldOf(param) {
  if (!param) return null;
  const root = param.split('[')[0];
  if (root === 'applies_to') return 'products';
  return COUPON_FIELDS.some(([name]) => name === root) ? root : null;
}

function NewCoupon() {
  const [form, setForm] = useState({ duration: 'once' });
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const set = (name) => (event) => {
    setForm({ ...form, [name]: event.target.value });
    // an error shown at this field is about what was there before
    if (error && fieldOf(error.param) === name) setError(null);
  };
  const params = couponParams(form);
  async function submit(event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const coupon = await api('POST', 'coupons', params);
      location.hash = '#/coupons/' + encodeURIComponent(coupon.id);
    } catch (failed) {
      setError(failed);
    } finally {
      setBusy(false);
    }
  }
  const at = error && fieldOf(error.param);
  return html`<section>
    <h1>New coupon</h1>
    <div class="row">
      <form class="card" onSubmit=${submit}>
        <div class="grid">${COUPON_FIELDS.map(([name, label, type]) => html`<div class="field" key=${name}>
          <label for=${'coupon-' + name}>${label}</label>
          ${type === 'select' ? html`<select id=${'coupon-' + name} value=${form[name]} onChange=${set(name)}>
              <option value="once">once</option><option value="repeating">repeating</option>
              <option value="forever">forever</option></select>`
            : type === 'textarea' ? html`<textarea id=${'coupon-' + name} value=${form[name] || ''} onInput=${set(name)}
              placeholder=${name === 'metadata' ? 'key=value, one a line' : 'eur=450, one a line'}></textarea>`
            : html`<input id=${'coupon-' + name} type=${type} value=${form[name] || ''} onInput=${set(name)}
              step=${name === 'percent_off' ? 'any' : undefined} />`}
          ${at === name && html`<${Alert} error=${error} />`}
        </div>`)}</div>
        ${error && !at && html`<${Alert} error=${error} />`}
        <button class="primary" type="submit" disabled=${busy}>Create coupon</button>
        <button type="button" onClick=${() => { location.hash = '#/coupons'; }}>Cancel</button>
      </form>
      <div><h2>The same with curl</h2><pre aria-label="Equivalent curl command">${curl(params)}</pre></div>
    </div>
  </section>`;
}

// ---------- coupon detail ----------

/** Redemptions per day as bars, oldest left; each bar says its day and count on hover and to a screen reader. */
function DayBars({ days }) {
  const most = Math.max(1, ...days.map((day) => day.count));
  const width = 1000 / days.length;
  const total = days.reduce((sum, day) => sum + day.count, 0);
  return html`<svg class="bars" viewBox="0 0 1000 160" role="img"
      aria-label=${`Redemptions per day, ${days[0].date} to ${days[days.length - 1].date}: ${total} in all`}>
    <line class="axis" x1="0" y1="140" x2="1000" y2="140" />
    ${days.map((day, i) => {
      const height = (day.count / most) * 120;
      return html`<g key=${day.date} class="day" data-date=${day.date} data-count=${day.count}>
        <rect x=${i * width + width * 0.15} y=${140 - height} width=${width * 0.7} height=${height}><title>${day.date}: ${day.count}</title></rect>
        ${day.count > 0 && days.length <= 31 && html`<text x=${i * width + width / 2} y=${134 - height} text-anchor="middle">${day.count}</text>`}
      </g>`;
    })}
    <text x="0" y="156">${days[0].date}</text>
    <text x="1000" y="156" text-anchor="end">${days[days.length - 1].date}</text>
  </svg>`;
}

/** What the coupon cost, and when it was used: GET /v1/coupons/{id}/stats (docs/api.md §2.9). */
function Usage({ stats, days, onDays }) {
  return html`<section aria-labelledby="usage-heading">
    <div class="toolbar"><h2 id="usage-heading" class="grow">Usage</h2>
      <div><label for="usage-days">Days</label>
        <select id="usage-days" value=${days} onChange=${(e) => onDays(Number(e.target.value))}>
          ${[7, 30, 90, 366].map((n) => html`<option value=${n}>Last ${n} days</option>`)}</select></div></div>
    ${stats ? html`<div class="card">
        <${DayBars} days=${stats.redemptions_by_day} />
        <div class="row figures">
          <p><strong>Redemptions</strong> <span id="usage-redemptions">${stats.redemptions}</span> in ${stats.days} days
            · <span id="usage-all-redemptions">${stats.all_time.redemptions}</span> so far</p>
          <p><strong>Amount discounted so far</strong> <span id="usage-discounted">${moneyList(amountsByCurrency(stats.all_time.amount_discounted))}</span>${' '}
            <span class="muted">(${stats.amount_discounted.length ? moneyList(amountsByCurrency(stats.amount_discounted)) : 'nothing'} in ${stats.days} days)</span></p>
          <p><strong>Invoices discounted</strong> <span id="usage-invoices">${stats.all_time.invoices_discounted}</span></p>
        </div>
        <p class="muted">Counted from the change stream, seconds behind: paid invoices and redemptions, previews never.</p>
      </div>` : html`<p>Loading…</p>`}
  </section>`;
}

function Timeline({ coupon, codes }) {
  const now = Date.now() / 1000;
  const points = [{ at: now, label: 'now', kind: 'now' }];
  if (coupon.redeem_by) points.push({ at: coupon.redeem_by, label: `${coupon.id} redeem by`, kind: 'coupon' });
  codes.filter((code) => code.expires_at).forEach((code) => points.push({ at: code.expires_at, label: code.code, kind: 'code' }));
  if (points.length === 1) return html`<p class="muted">Nothing of this coupon or its codes expires.</p>`;
  const min = Math.min(...points.map((p) => p.at));
  const max = Math.max(...points.map((p) => p.at));
  const x = (at) => 40 + (max === min ? 0 : ((at - min) / (max - min)) * 920);
  return html`<svg class="timeline" viewBox="0 0 1000 120" role="img" aria-label="Expiry timeline">
    <line class="axis" x1="40" y1="60" x2="960" y2="60" />
    ${points.map((p, i) => p.kind === 'now'
      ? html`<g key="now"><line class="now" x1=${x(p.at)} y1="15" x2=${x(p.at)} y2="105" />
          <text x=${x(p.at) + 4} y="20">now</text></g>`
      : html`<g key=${i}><circle class=${p.kind} cx=${x(p.at)} cy="60" r="6" />
          <text x=${x(p.at) - 30} y=${i % 2 ? 85 : 42}>${p.label}</text>
          <text x=${x(p.at) - 30} y=${i % 2 ? 98 : 30}>${date(p.at).slice(0, 10)}</text></g>`)}
  </svg>`;
}

// A spreadsheet reads a cell that begins with = + - @, a tab or a carriage return as a formula: such a
// cell is written with a leading ' (and quoted when it needs quoting), so it opens as the text it is.
function csvCell(value) {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
  return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

function codesCsv(codes) {
  const rows = codes.map((code) => [code.id, code.code, code.active, code.times_redeemed,
    code.max_redemptions ?? '', code.expires_at ?? ''].map(csvCell).join(','));
  return ['id,code,active,times_redeemed,max_redemptions,expires_at'].concat(rows).join('\n') + '\n';
}

function NewPromotionCode({ coupon, onCreated }) {
  const [form, setForm] = useState({});
  const [error, setError] = useState(null);
  const set = (name) => (event) => setForm({ ...form, [name]: event.target.type === 'checkbox' ? event.target.checked : event.target.value });
  async function submit(event) {
    event.preventDefault();
    setError(null);
    try {
      await api('POST', 'promotion_codes', {
        promotion: { type: 'coupon', coupon: coupon.id },
        code: form.code || undefined,
        max_redemptions: form.max_redemptions || undefined,
        max_redemptions_per_customer: form.max_redemptions_per_customer || undefined,
        expires_at: seconds(form.expires_at),
        customer: form.customer || undefined,
        restrictions: form.first_time || form.minimum_amount ? {
          first_time_transaction: form.first_time ? 'true' : undefined,
          minimum_amount: form.minimum_amount || undefined,
          minimum_amount_currency: form.minimum_amount ? form.minimum_currency || undefined : undefined,
        } : undefined,
      });
      setForm({});
      onCreated();
    } catch (failed) { setError(failed); }
  }
  const field = (name, label, type = 'text') => html`<div class="field"><label for=${'code-' + name}>${label}</label>
    <input id=${'code-' + name} type=${type} value=${form[name] || ''} onInput=${set(name)} /></div>`;
  return html`<form class="card" onSubmit=${submit}>
    <div class="grid">
      ${field('code', 'Code')}${field('max_redemptions', 'Max redemptions', 'number')}
      ${field('max_redemptions_per_customer', 'Limit per customer', 'number')}
      ${field('expires_at', 'Expires at', 'datetime-local')}${field('customer', 'Customer')}
      ${field('minimum_amount', 'Minimum amount', 'number')}${field('minimum_currency', 'Minimum amount currency')}
      <div class="field"><label for="code-first_time">First-time customers only</label>
        <input id="code-first_time" type="checkbox" checked=${!!form.first_time} onChange=${set('first_time')} /></div>
    </div>
    <p class="muted">Leave Code empty to have one generated.</p>
    <${Alert} error=${error} />
    <button class="primary" type="submit">Create promotion code</button>
  </form>`;
}

function restrictionText(code) {
  const r = code.restrictions || {};
  const parts = [];
  if (code.customer) parts.push(`customer ${code.customer}`);
  if (code.max_redemptions_per_customer) parts.push(`${code.max_redemptions_per_customer} per customer`);
  if (r.first_time_transaction) parts.push('first-time only');
  if (r.minimum_amount) parts.push(`min ${money(r.minimum_amount, r.minimum_amount_currency)}`);
  return parts.join(', ') || '—';
}

function CouponDetail({ id }) {
  const [coupon, setCoupon] = useState(null);
  const [codes, setCodes] = useState([]);
  const [error, setError] = useState(null);
  const [adding, setAdding] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [edit, setEdit] = useState(null);
  const [saved, setSaved] = useState(null);
  const [stats, setStats] = useState(null);
  const [days, setDays] = useState(30);
  async function load() {
    try {
      setCoupon(await api('GET', 'coupons/' + encodeURIComponent(id)));
      setStats(await api('GET', 'coupons/' + encodeURIComponent(id) + '/stats', { days }));
      if (may('promotion_codes')) setCodes((await api('GET', 'promotion_codes', { coupon: id, limit: 100 })).data);
    } catch (failed) { setError(failed); }
  }
  usePolling(load, [id, days]);
  async function toggle(code) {
    try {
      await api('POST', 'promotion_codes/' + code.id, { active: code.active ? 'false' : 'true' });
      load();
    } catch (failed) { setError(failed); }
  }
  async function remove() {
    try {
      await api('DELETE', 'coupons/' + encodeURIComponent(id));
      location.hash = '#/coupons';
    } catch (failed) { setError(failed); }
  }
  async function save(event) {
    event.preventDefault();
    try {
      const metadata = lines(edit.metadata);
      Object.keys(coupon.metadata || {}).forEach((key) => { if (!(key in metadata)) metadata[key] = ''; });
      setCoupon(await api('POST', 'coupons/' + encodeURIComponent(id), { name: edit.name, metadata }));
      setSaved('Saved.');
      setEdit(null);
    } catch (failed) { setError(failed); }
  }
  if (!coupon) return html`<section><${Alert} error=${error} />${!error && html`<p>Loading…</p>`}</section>`;
  return html`<section>
    <p><a href="#/coupons">← Coupons</a></p>
    <h1>${coupon.name || coupon.id}</h1>
    <${Alert} error=${error} />
    <div class="row">
      <div class="card">
        <p>${terms(coupon)} · <span class=${'status ' + couponStatus(coupon).split(' ')[0]}>${couponStatus(coupon)}</span></p>
        <p class="muted">id ${coupon.id} · created ${date(coupon.created)} · redeem by ${date(coupon.redeem_by)}</p>
        <${Meter} big used=${coupon.times_redeemed} cap=${coupon.max_redemptions} label="Redemptions" />
        <p class="muted">Refreshed every ${POLL_MS / 1000} s while this tab is visible.</p>
      </div>
      <div class="card">
        ${edit ? html`<form onSubmit=${save}>
            <div class="field"><label for="edit-name">Name</label>
              <input id="edit-name" value=${edit.name} onInput=${(e) => setEdit({ ...edit, name: e.target.value })} /></div>
            <div class="field"><label for="edit-metadata">Metadata</label>
              <textarea id="edit-metadata" value=${edit.metadata}
                onInput=${(e) => setEdit({ ...edit, metadata: e.target.value })}></textarea></div>
            <button class="primary" type="submit">Save</button>
            <button type="button" onClick=${() => setEdit(null)}>Cancel</button></form>`
          : html`<p><strong>Name</strong> ${coupon.name || '—'}</p>
            <p><strong>Metadata</strong> ${Object.entries(coupon.metadata || {}).map(([k, v]) => `${k}=${v}`).join(', ') || '—'}</p>
            ${may('coupons', 'write') && html`<button onClick=${() => { setSaved(null); setEdit({ name: coupon.name || '', metadata: Object.entries(coupon.metadata || {}).map(([k, v]) => `${k}=${v}`).join('\n') }); }}>Edit name and metadata</button>`}
            ${saved && html`<span class="muted"> ${saved}</span>`}`}
      </div>
    </div>
    <${Usage} stats=${stats} days=${days} onDays=${setDays} />
    <h2>Expiry timeline</h2>
    <${Timeline} coupon=${coupon} codes=${codes} />
    ${may('promotion_codes') && html`<section aria-labelledby="codes-heading">
      <div class="toolbar"><h2 id="codes-heading" class="grow">Promotion codes</h2>
        ${may('promotion_codes', 'write') && html`<button onClick=${() => setAdding(!adding)}>New promotion code</button>`}
        <button onClick=${() => download(coupon.id + '-promotion-codes.csv', codesCsv(codes))}>Export CSV</button></div>
      ${adding && html`<${NewPromotionCode} coupon=${coupon} onCreated=${() => { setAdding(false); load(); }} />`}
      <table>
        <thead><tr><th>Code</th><th>Redeemed / cap</th><th>Status</th><th>Restrictions</th><th>Expires</th><th></th></tr></thead>
        <tbody>${codes.map((code) => html`<tr key=${code.id}>
          <td><strong>${code.code}</strong><div class="muted">${code.id}</div></td>
          <td><${Meter} used=${code.times_redeemed} cap=${code.max_redemptions} label=${'Redemptions of ' + code.code} /></td>
          <td><span class=${'status ' + (code.active ? 'active' : 'inactive')}>${code.active ? 'active' : 'inactive'}</span></td>
          <td>${restrictionText(code)}</td><td>${date(code.expires_at)}</td>
          <td>${may('promotion_codes', 'write') && html`<button onClick=${() => toggle(code)}>${code.active ? 'Switch off' : 'Switch on'}</button>`}</td>
        </tr>`)}</tbody>
      </table>
      ${!codes.length && html`<p class="muted">No promotion codes yet.</p>`}
    </section>`}
    ${may('coupons', 'write') && html`<h2>Delete</h2>
    <div class="card">
      <p>Deleting stops new redemptions; discounts customers already have stay.</p>
      ${confirming ? html`<div class="field"><label for="confirm-id">Type the coupon id to confirm</label>
          <input id="confirm-id" value=${typed} onInput=${(e) => setTyped(e.target.value)} /></div>
          <button class="danger" disabled=${typed !== coupon.id} onClick=${remove}>Delete</button>`
        : html`<button class="danger" onClick=${() => setConfirming(true)}>Delete coupon</button>`}
    </div>`}
  </section>`;
}

// ---------- promotion-code batches ----------

function Batches() {
  const [batches, setBatches] = useState([]);
  const [form, setForm] = useState({ count: '100', max_redemptions: '1' });
  const [error, setError] = useState(null);
  async function load() {
    try { setBatches((await api('GET', 'promotion_code_batches', { limit: 25 })).data); } catch (failed) { setError(failed); }
  }
  usePolling(load, []);
  async function submit(event) {
    event.preventDefault();
    setError(null);
    try {
      await api('POST', 'promotion_code_batches', { promotion: { type: 'coupon', coupon: form.coupon },
        count: form.count, prefix: form.prefix || undefined, max_redemptions: form.max_redemptions || undefined });
      load();
    } catch (failed) { setError(failed); }
  }
  async function csv(batch) {
    let text = '';
    let path = `promotion_code_batches/${batch.id}/codes.csv`;
    let params = {};
    for (;;) {
      const response = await api('GET', path, params, { raw: true });
      text += await response.text();
      const next = (response.headers.get('Link') || '').match(/starting_after=([^>&]+)>/);
      if (!next) break;
      params = { starting_after: next[1] };
    }
    download(batch.id + '-codes.csv', text);
  }
  const set = (name) => (event) => setForm({ ...form, [name]: event.target.value });
  return html`<section>
    <h1>Promotion-code batches</h1>
    ${may('promotion_codes', 'write') ? html`<form class="card" onSubmit=${submit}><div class="grid">
      <div class="field"><label for="batch-coupon">Coupon</label><input id="batch-coupon" value=${form.coupon || ''} onInput=${set('coupon')} /></div>
      <div class="field"><label for="batch-count">Count</label><input id="batch-count" type="number" value=${form.count} onInput=${set('count')} /></div>
      <div class="field"><label for="batch-prefix">Prefix</label><input id="batch-prefix" value=${form.prefix || ''} onInput=${set('prefix')} /></div>
      <div class="field"><label for="batch-max">Max redemptions per code</label><input id="batch-max" type="number" value=${form.max_redemptions} onInput=${set('max_redemptions')} /></div>
    </div><${Alert} error=${error} /><button class="primary" type="submit">Create batch</button></form>`
      : html`<${Alert} error=${error} />`}
    <table><thead><tr><th>Batch</th><th>Coupon</th><th>Progress</th><th>Status</th><th></th></tr></thead>
      <tbody>${batches.map((batch) => html`<tr key=${batch.id}>
        <td>${batch.id}<div class="muted">${date(batch.created)}${batch.prefix ? ' · prefix ' + batch.prefix : ''}</div></td>
        <td><a href=${'#/coupons/' + encodeURIComponent(batch.coupon)}>${batch.coupon}</a></td>
        <td><span class="meter"><progress max=${batch.count} value=${batch.created_count} aria-label=${'Progress of ' + batch.id}></progress>
          <span>${batch.created_count} / ${batch.count}</span></span>
          ${batch.failure_message && html`<div class="muted">${batch.failure_message}</div>`}</td>
        <td><span class=${'status ' + batch.status}>${batch.status}</span></td>
        <td><button disabled=${!batch.created_count} onClick=${() => csv(batch).catch(setError)}>Download CSV</button></td>
      </tr>`)}</tbody></table>
    ${!batches.length && html`<p class="muted">No batches yet.</p>`}
  </section>`;
}

// ---------- the page ----------

function App() {
  const [session, setSession] = useState(null);
  const route = useRoute();
  if (!session) return html`<${SignIn} onSignIn=${setSession} />`;
  const [section, id] = route;
  let page;
  if (section === 'batches' && may('promotion_codes')) page = html`<${Batches} />`;
  // the form's route is no coupon's: an id cannot contain '/', so #/coupons/new is the coupon "new"
  else if (section === 'new-coupon' && may('coupons', 'write')) page = html`<${NewCoupon} />`;
  else if (id) page = html`<${CouponDetail} id=${id} key=${id} />`;
  else page = html`<${CouponList} />`;
  return html`<div>
    <header class="bar"><strong>Coupons</strong>
      <nav><a href="#/coupons">Coupons</a>${may('promotion_codes') && html`<a href="#/batches">Batches</a>`}</nav>
      <span class=${session.live ? 'badge live' : 'badge test'}>${session.live ? 'Live mode' : 'Test mode'}</span>
      ${session.restricted && html`<span class="badge" title=${'Restricted key ' + session.key}>Restricted key</span>`}
      <button onClick=${() => { secretKey = null; permissions = {}; setSession(null); }}>Sign out</button></header>
    ${page}
  </div>`;
}

const root = document.getElementById('app');
root.textContent = '';
render(html`<${App} />`, root);
