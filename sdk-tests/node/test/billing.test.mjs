// Invoices, invoice items and subscription items (and a coupon's statistics) through the official stripe-node 23.1, unchanged
// (docs/api.md §7). Started by StripeNodeEndToEndTest with the API's URL and a test key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Stripe from 'stripe';

const url = new URL(process.env.COUPONAPI_URL);
const stripe = new Stripe(process.env.COUPONAPI_KEY, {
  host: url.hostname, port: Number(url.port), protocol: url.protocol.replace(':', ''), maxNetworkRetries: 0,
});

const monthly = (unitAmount, product = 'prod_basic') => ({
  price_data: { currency: 'usd', product, unit_amount: unitAmount, recurring: { interval: 'month' } },
});

test('a subscription is invoiced at once: its first invoice is paid, discounted, and listed', async () => {
  const coupon = await stripe.coupons.create({ percent_off: 10, duration: 'once' });
  const customer = await stripe.customers.create({ name: 'Billing' });
  const subscription = await stripe.subscriptions.create({ customer: customer.id, items: [monthly(2000)],
    discounts: [{ coupon: coupon.id }] });
  // the once coupon was used by the first invoice, and left the subscription with it
  assert.deepEqual(subscription.discounts, []);
  assert.ok(subscription.items.data[0].current_period_end > subscription.items.data[0].current_period_start);
  const invoice = await stripe.invoices.retrieve(subscription.latest_invoice);
  assert.equal(invoice.status, 'paid');
  assert.equal(invoice.total, 1800);
  assert.equal(invoice.billing_reason, 'subscription_create');
  assert.equal(invoice.parent.subscription_details.subscription, subscription.id);
  assert.equal(invoice.lines.data[0].parent.subscription_item_details.subscription_item,
    subscription.items.data[0].id);
  assert.deepEqual(invoice.total_pretax_credit_amounts.map((credit) => credit.amount), [200]);
  const listed = await stripe.invoices.list({ subscription: subscription.id });
  assert.deepEqual(listed.data.map((each) => each.id), [invoice.id]);
});

test('invoice items wait for an invoice: a one-off invoice bills them, is finalized and paid out of band', async () => {
  const coupon = await stripe.coupons.create({ amount_off: 300, currency: 'usd', duration: 'once' });
  const customer = await stripe.customers.create({ name: 'One-off' });
  const item = await stripe.invoiceItems.create({ customer: customer.id, amount: 2500, currency: 'usd',
    description: 'Setup' });
  assert.equal(item.invoice, null);
  assert.equal((await stripe.invoiceItems.list({ customer: customer.id, pending: true })).data.length, 1);
  const draft = await stripe.invoices.create({ customer: customer.id, pending_invoice_items_behavior: 'include',
    discounts: [{ coupon: coupon.id }], expand: ['discounts'] });
  assert.equal(draft.status, 'draft');
  assert.equal(draft.total, 2200);
  assert.equal(draft.discounts[0].invoice, draft.id);
  assert.equal((await stripe.invoiceItems.retrieve(item.id)).invoice, draft.id);
  const open = await stripe.invoices.finalizeInvoice(draft.id);
  assert.equal(open.status, 'open');
  assert.match(open.number, /^[A-Z0-9]{8}-0001$/);
  await assert.rejects(stripe.invoices.pay(draft.id), (error) => error.statusCode === 400
    && error.param === 'paid_out_of_band');
  const paid = await stripe.invoices.pay(draft.id, { paid_out_of_band: true });
  assert.equal(paid.status, 'paid');
  assert.equal(paid.amount_paid, 2200);

  await stripe.invoiceItems.create({ customer: customer.id, amount: 100, currency: 'usd' });
  const other = await stripe.invoices.create({ customer: customer.id, pending_invoice_items_behavior: 'include' });
  await stripe.invoices.finalizeInvoice(other.id);
  assert.equal((await stripe.invoices.markUncollectible(other.id)).status, 'uncollectible');
  assert.equal((await stripe.invoices.voidInvoice(other.id)).status, 'void');
  const gone = await stripe.invoices.create({ customer: customer.id });
  assert.equal((await stripe.invoices.del(gone.id)).deleted, true);
});

test('subscription items are added, changed, listed and removed', async () => {
  const coupon = await stripe.coupons.create({ percent_off: 50, duration: 'forever' });
  const customer = await stripe.customers.create({ name: 'Seats' });
  const subscription = await stripe.subscriptions.create({ customer: customer.id, items: [monthly(1000)] });
  const seats = await stripe.subscriptionItems.create({ subscription: subscription.id, quantity: 3,
    ...monthly(500, 'prod_seats'), discounts: [{ coupon: coupon.id }], proration_behavior: 'none' });
  assert.equal(seats.subscription, subscription.id);
  assert.equal(seats.discounts.length, 1);
  assert.equal((await stripe.subscriptionItems.update(seats.id, { quantity: 5 })).quantity, 5);
  assert.equal((await stripe.subscriptionItems.retrieve(seats.id)).quantity, 5);
  const items = await stripe.subscriptionItems.list({ subscription: subscription.id });
  assert.equal(items.data.length, 2);
  assert.equal((await stripe.subscriptionItems.del(subscription.items.data[0].id)).deleted, true);
  await assert.rejects(stripe.subscriptionItems.del(seats.id), (error) => error.statusCode === 400);
});

test('a year of invoices with each kind of coupon, seen today through a test clock', async () => {
  const start = Math.floor(Date.UTC(2027, 0, 31) / 1000);
  const monthsLater = (months) => {
    const at = new Date(start * 1000);
    const day = at.getUTCDate();
    at.setUTCDate(1);
    at.setUTCMonth(at.getUTCMonth() + months);
    const last = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
    at.setUTCDate(Math.min(day, last));
    return Math.floor(at.getTime() / 1000);
  };
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: start, name: 'a year' });
  assert.equal(clock.object, 'test_helpers.test_clock');
  const customer = await stripe.customers.create({ name: 'Clocked', test_clock: clock.id });
  assert.equal(customer.test_clock, clock.id);
  const once = await stripe.coupons.create({ percent_off: 50, duration: 'once' });
  const three = await stripe.coupons.create({ percent_off: 10, duration: 'repeating', duration_in_months: 3 });
  const always = await stripe.coupons.create({ percent_off: 5, duration: 'forever' });
  const subscriptions = [];
  for (const coupon of [once, three, always]) {
    subscriptions.push(await stripe.subscriptions.create({ customer: customer.id, items: [monthly(2000)],
      discounts: [{ coupon: coupon.id }] }));
  }
  for (let month = 1; month <= 12; month++) {
    const advanced = await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: monthsLater(month) });
    assert.equal(advanced.status, 'ready');
  }
  const totals = [];
  for (const subscription of subscriptions) {
    const invoices = await stripe.invoices.list({ subscription: subscription.id, limit: 100 });
    totals.push(invoices.data.map((invoice) => invoice.total).reverse());
  }
  assert.deepEqual(totals[0], [1000, ...Array(12).fill(2000)]);
  assert.deepEqual(totals[1], [1800, 1800, 1800, ...Array(10).fill(2000)]);
  assert.deepEqual(totals[2], Array(13).fill(1900));
  assert.equal((await stripe.testHelpers.testClocks.retrieve(clock.id)).frozen_time, monthsLater(12));
  assert.equal((await stripe.testHelpers.testClocks.del(clock.id)).deleted, true);
});

test('what a coupon cost (an extension): its statistics, counted from the stream, read with rawRequest', async () => {
  const coupon = await stripe.coupons.create({ amount_off: 400, currency: 'usd', duration: 'once' });
  const code = await stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: coupon.id } });
  const customer = await stripe.customers.create({ name: 'Counted' });
  await stripe.invoiceItems.create({ customer: customer.id, amount: 1500, currency: 'usd',
    discounts: [{ promotion_code: code.id }] });
  const invoice = await stripe.invoices.create({ customer: customer.id, pending_invoice_items_behavior: 'include' });
  await stripe.invoices.finalizeInvoice(invoice.id);
  await stripe.invoices.pay(invoice.id, { paid_out_of_band: true });
  let stats;
  for (let tries = 0; tries < 100; tries++) {
    stats = await stripe.rawRequest('GET', `/v1/promotion_codes/${code.id}/stats?days=7`, null);
    if (stats.invoices_discounted === 1) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.equal(stats.object, 'coupon_stats');
  assert.equal(stats.promotion_code, code.id);
  assert.equal(stats.redemptions, 1);
  assert.deepEqual(stats.amount_discounted, [{ currency: 'usd', amount: 400 }]);
  assert.equal(stats.redemptions_by_day.length, 7);
  const ofCoupon = await stripe.rawRequest('GET', `/v1/coupons/${coupon.id}/stats`, null);
  assert.equal(ofCoupon.days, 30);
  assert.deepEqual(ofCoupon.all_time, stats.all_time);
  await assert.rejects(stripe.rawRequest('GET', `/v1/coupons/${coupon.id}/stats?days=0`, null),
    (error) => error.statusCode === 400 && error.param === 'days');
});
