// The official stripe-node 23.1 (pinned to 2026-10-28.endive) against the local API. Started by
// StripeNodeEndToEndTest, which passes the API's URL and a test key in the environment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Stripe from 'stripe';

const url = new URL(process.env.COUPONAPI_URL);
const stripe = new Stripe(process.env.COUPONAPI_KEY, {
  host: url.hostname, port: Number(url.port), protocol: url.protocol.replace(':', ''), maxNetworkRetries: 0,
});
const unique = (prefix) => `${prefix}${Date.now()}${Math.floor(Math.random() * 1e6)}`;

const item = (unitAmount) => ({
  price_data: { currency: 'usd', product: 'prod_basic', unit_amount: unitAmount, recurring: { interval: 'month' } },
});

test('coupons: create, retrieve, update, list with auto-pagination, delete, in the endive version', async () => {
  const id = unique('SPRING');
  const created = await stripe.coupons.create({ id, percent_off: 25.5, duration: 'repeating', duration_in_months: 3 });
  assert.equal(created.lastResponse.apiVersion, '2026-10-28.endive');
  assert.equal(created.percent_off, 25.5);
  assert.equal(created.valid, true);
  const amount = await stripe.coupons.create({ amount_off: 500, currency: 'usd', currency_options: { eur: { amount_off: 450 } },
    expand: ['currency_options'] });
  assert.deepEqual(amount.currency_options, { eur: { amount_off: 450 }, usd: { amount_off: 500 } });
  assert.equal((await stripe.coupons.retrieve(id)).duration_in_months, 3);
  const updated = await stripe.coupons.update(id, { name: 'Spring sale', metadata: { campaign: 'spring' } });
  assert.equal(updated.name, 'Spring sale');
  const seen = [];
  for await (const coupon of stripe.coupons.list({ limit: 1 })) {
    seen.push(coupon.id);
  }
  assert.deepEqual(seen.slice(0, 2), [amount.id, id]);
  assert.deepEqual(await stripe.coupons.del(amount.id), { id: amount.id, object: 'coupon', deleted: true });
  await assert.rejects(stripe.coupons.retrieve(amount.id), (error) => error.statusCode === 404
    && error.code === 'resource_missing' && error.type === 'StripeInvalidRequestError');
});

test('promotion codes name their coupon through promotion, which expands', async () => {
  const coupon = await stripe.coupons.create({ percent_off: 15, duration: 'once' });
  const text = unique('SUMMER');
  const code = await stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: coupon.id }, code: text,
    max_redemptions: 100, restrictions: { minimum_amount: 1000, minimum_amount_currency: 'usd' } });
  assert.deepEqual(code.promotion, { coupon: coupon.id, type: 'coupon' });
  assert.equal(code.customer_account, null);
  assert.equal('coupon' in code, false);
  const expanded = await stripe.promotionCodes.retrieve(code.id, { expand: ['promotion.coupon'] });
  assert.equal(expanded.promotion.coupon.id, coupon.id);
  await assert.rejects(stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: coupon.id }, code: text }),
    (error) => error.statusCode === 400 && error.param === 'code');
  assert.equal((await stripe.promotionCodes.update(code.id, { active: false })).active, false);
  const listed = await stripe.promotionCodes.list({ coupon: coupon.id, expand: ['data.promotion.coupon'] });
  assert.deepEqual(listed.data.map((c) => c.id), [code.id]);
  assert.equal(listed.data[0].promotion.coupon.id, coupon.id);
});

test('subscription discounts render with source, are removed by deleteDiscount, and count once', async () => {
  const coupon = await stripe.coupons.create({ percent_off: 20, duration: 'repeating', duration_in_months: 3,
    max_redemptions: 5 });
  const customer = await stripe.customers.create({ name: 'Jenny Rosen', email: 'jenny@example.com' });
  const subscription = await stripe.subscriptions.create({ customer: customer.id, items: [item(2000)],
    discounts: [{ coupon: coupon.id }], expand: ['discounts'] });
  assert.equal(subscription.discounts.length, 1);
  const discount = subscription.discounts[0];
  assert.deepEqual(discount.source, { coupon: coupon.id, type: 'coupon' });
  assert.equal(discount.subscription, subscription.id);
  assert.equal(discount.customer_account, null);
  assert.equal('discount' in subscription, false);
  assert.equal((await stripe.coupons.retrieve(coupon.id)).times_redeemed, 1);

  const removed = await stripe.subscriptions.deleteDiscount(subscription.id);
  assert.equal(removed.id, discount.id);
  assert.equal(removed.deleted, true);
  assert.equal('end' in removed, false);
  assert.deepEqual((await stripe.subscriptions.retrieve(subscription.id)).discounts, []);
  await assert.rejects(stripe.subscriptions.deleteDiscount(subscription.id), (error) => error.statusCode === 404);
  // endive: billing_cycle_anchor is an object on update
  const reanchored = await stripe.subscriptions.update(subscription.id, { billing_cycle_anchor: { type: 'now' } });
  assert.ok(reanchored.billing_cycle_anchor >= subscription.created);
  await assert.rejects(stripe.subscriptions.update(subscription.id, { billing_cycle_anchor: 'now' }),
    (error) => error.statusCode === 400 && error.param === 'billing_cycle_anchor');
  assert.deepEqual(reanchored.billing_schedules, []);
  assert.equal(reanchored.items.data[0].current_trial, null);
  assert.equal((await stripe.subscriptions.cancel(subscription.id)).status, 'canceled');
});

test('a customer discount (this API\'s extension parameter) is read back and deleted', async () => {
  const coupon = await stripe.coupons.create({ percent_off: 10, duration: 'forever' });
  const customer = await stripe.customers.create({ name: 'Ada', coupon: coupon.id });
  assert.deepEqual(customer.discount.source, { coupon: coupon.id, type: 'coupon' });
  const expanded = await stripe.customers.retrieve(customer.id, { expand: ['discount.source.coupon'] });
  assert.equal(expanded.discount.source.coupon.percent_off, 10);
  const removed = await stripe.customers.deleteDiscount(customer.id);
  assert.equal(removed.deleted, true);
  assert.equal((await stripe.customers.retrieve(customer.id)).discount, null);
});

test('invoice previews price the discounts, in the pricing shape, and redeem nothing', async () => {
  const coupon = await stripe.coupons.create({ percent_off: 10, duration: 'once', max_redemptions: 1 });
  const customer = await stripe.customers.create({ name: 'Preview' });
  const preview = await stripe.invoices.createPreview({ customer: customer.id,
    invoice_items: [{ amount: 1999, currency: 'usd' }], discounts: [{ coupon: coupon.id }] });
  assert.equal(preview.object, 'invoice');
  assert.equal(preview.subtotal, 1999);
  assert.equal(preview.total, 1799);
  assert.deepEqual(preview.total_discount_amounts.map((d) => d.amount), [200]);
  const line = preview.lines.data[0];
  assert.equal(line.subtotal, 1999);
  assert.equal(line.pricing.type, 'price_details');
  assert.equal('price' in line, false);
  assert.equal((await stripe.coupons.retrieve(coupon.id)).times_redeemed, 0);
  const later = Math.floor(Date.now() / 1000) + 86400;
  const anchored = await stripe.invoices.createPreview({ customer: customer.id,
    subscription_details: { items: [{ price_data: { currency: 'usd', product: 'prod_A', unit_amount: 1000 } }],
      billing_cycle_anchor: { type: 'timestamp', timestamp: later } } });
  assert.equal(anchored.period_start, later);
  assert.equal(anchored.customer_account, null);
});

test('errors are Stripe\'s: unknown parameters, a wrong key', async () => {
  await assert.rejects(stripe.coupons.create({ percent_off: 5, bogus: 1 }),
    (error) => error.code === 'parameter_unknown' && error.param === 'bogus');
  const stranger = new Stripe('sk_test_0000000000000000000000000000', {
    host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0 });
  await assert.rejects(stranger.coupons.list(), (error) => error.statusCode === 401
    && error.type === 'StripeAuthenticationError');
});
