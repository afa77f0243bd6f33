// Webhooks from the local API, verified by stripe-node 23.1's own stripe.webhooks.constructEvent:
// a receiver on this machine refuses the first delivery, and the retry brings the same event.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import Stripe from 'stripe';

const url = new URL(process.env.COUPONAPI_URL);
const stripe = new Stripe(process.env.COUPONAPI_KEY, {
  host: url.hostname, port: Number(url.port), protocol: url.protocol.replace(':', ''), maxNetworkRetries: 0,
});

/** A receiver that answers 500 to the first delivery and 200 after, keeping each raw body and signature. */
async function receiver() {
  const received = [];
  let waiting = null;
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: request.headers['stripe-signature'] });
      response.writeHead(received.length === 1 ? 500 : 200).end();
      if (waiting && received.length >= waiting.count) waiting.resolve();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/stripe`,
    received,
    until: (count, ms) => new Promise((resolve, reject) => {
      if (received.length >= count) return resolve();
      waiting = { count, resolve };
      setTimeout(() => reject(new Error(`only ${received.length} of ${count} deliveries in ${ms} ms`)), ms);
    }),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

test('a delivery refused once comes again as the same event, and constructEvent verifies both', async () => {
  const hooks = await receiver();
  try {
    const endpoint = await stripe.webhookEndpoints.create({ url: hooks.url, enabled_events: ['coupon.created'] });
    assert.match(endpoint.secret, /^whsec_/);
    assert.equal(endpoint.status, 'enabled');
    const coupon = await stripe.coupons.create({ percent_off: 30, duration: 'once', name: 'Node hook' });
    await hooks.until(2, 20000);
    const events = hooks.received.slice(0, 2).map(({ body, signature }) =>
      stripe.webhooks.constructEvent(body, signature, endpoint.secret));
    assert.equal(events[0].id, events[1].id);
    assert.equal(events[1].type, 'coupon.created');
    assert.equal(events[1].data.object.id, coupon.id);
    assert.equal(events[1].data.object.name, 'Node hook');
    assert.throws(() => stripe.webhooks.constructEvent(hooks.received[1].body, hooks.received[1].signature, 'whsec_wrong'),
      (error) => error.type === 'StripeSignatureVerificationError');
    const listed = await stripe.events.list({ type: 'coupon.*', limit: 5 });
    assert.equal(listed.data[0].id, events[0].id);
    assert.equal((await stripe.events.retrieve(events[0].id)).type, 'coupon.created');
    assert.deepEqual(await stripe.webhookEndpoints.del(endpoint.id), { id: endpoint.id, object: 'webhook_endpoint', deleted: true });
  } finally {
    await hooks.close();
  }
});
