package dev.couponapi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.couponapi.app.WebhookSettings;
import dev.couponapi.domain.Tenant;
import dev.couponapi.domain.WebhookDelivery;
import dev.couponapi.service.WebhookDeliveries.Outcome;
import dev.couponapi.testing.Receiver;
import dev.couponapi.testing.TestClient;
import dev.couponapi.testing.TestApp;
import dev.couponapi.wire.Json;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fan-out and delivery (docs/events.md, "Delivery") to a receiver on loopback, the fan-out run as
 * the stream trigger runs it and each attempt as the delivery function runs it, held to their IAM policies.
 */
class WebhookDeliveryTest {

  private static final Tenant TENANT = new Tenant("acct_deliver", false);

  private TestApp test = new TestApp();
  private TestClient client() {
    return test.client(TENANT);
  }

  private final Receiver receiver = new Receiver(500, 200);

  @AfterEach
  void stop() {
    receiver.close();
  }

  private Map<String, Object> endpoint(String events, String more) {
    return client().ok("/v1/webhook_endpoints", "url=" + receiver.url("/hook") + "&" + events + more);
  }

  private List<Map<String, Object>> events(String query) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> data = (List<Map<String, Object>>) client().okGet("/v1/events" + query).get("data");
    return data;
  }

  private static Map<String, Object> body(Receiver.Received received) {
    return Json.readObject(received.body());
  }

  @Test
  void aFailedAttempt_isTriedAgain_withTheSameEvent_signedAfresh_andCountedOnce() throws Exception {
    String secret = (String) endpoint("enabled_events[]=coupon.created", "").get("secret");
    client().ok("/v1/coupons", "id=HOOKED&percent_off=10");
    assertThat(test.fanOut(TENANT)).isEqualTo(1);
    assertThat(events("").get(0)).containsEntry("pending_webhooks", 1);
    assertThat(events("?delivery_success=false")).hasSize(1);

    var job = test.deliveryQueue.take().get(0).job();
    Outcome first = test.calls.as(TestApp.DELIVERY_WORKER, () -> test.app.deliveries().attempt(job));
    assertThat(first).isInstanceOf(Outcome.RetryAfter.class);
    // the test schedule's first wait, 1 s, ±20 %
    assertThat(((Outcome.RetryAfter) first).delay()).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
    test.clock.advance(Duration.ofSeconds(2));
    test.deliveryQueue.send(job, Duration.ZERO);
    assertThat(test.runDeliveries()).containsExactly(new Outcome.Done(WebhookDelivery.Status.SUCCEEDED));

    List<Receiver.Received> received = receiver.received();
    assertThat(received).hasSize(2);
    assertThat(body(received.get(0)).get("id")).isEqualTo(body(received.get(1)).get("id"));
    assertThat(received.get(0).header("Stripe-Signature")).isNotEqualTo(received.get(1).header("Stripe-Signature"));
    for (Receiver.Received each : received) {
      assertThat(each.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
      String signature = each.header("Stripe-Signature");
      assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
      String t = signature.substring(2, signature.indexOf(','));
      assertThat(signature).endsWith("v1=" + hmac(secret, t + "." + each.body()));
      assertThat(body(each)).containsEntry("type", "coupon.created").containsEntry("pending_webhooks", 1)
          .containsEntry("api_version", "2025-09-30.clover");
    }
    assertThat(events("").get(0)).containsEntry("pending_webhooks", 0);
    assertThat(events("?delivery_success=true")).hasSize(1);
    assertThat(events("?delivery_success=false")).isEmpty();
  }

  @Test
  void theStreamAndTheQueueDeliveringTwice_stillPostOnce_andCountDownOnce() {
    endpoint("enabled_events[]=*", "");
    client().ok("/v1/coupons", "id=TWICE&percent_off=10");
    String event = (String) events("").get(0).get("id");
    test.calls.as(TestApp.FAN_OUT, () -> test.app.fanOut().fanOut(TENANT, event));
    test.calls.as(TestApp.FAN_OUT, () -> test.app.fanOut().fanOut(TENANT, event));
    var jobs = test.deliveryQueue.take();
    assertThat(jobs).hasSize(2).extracting(sent -> sent.job()).containsOnly(jobs.get(0).job());
    jobs.forEach(sent -> test.deliveryQueue.send(sent.job(), Duration.ZERO));
    jobs.forEach(sent -> test.deliveryQueue.send(sent.job(), Duration.ZERO));
    List<Outcome> outcomes = test.runDeliveries();
    assertThat(outcomes).filteredOn(outcome -> outcome instanceof Outcome.RetryAfter).hasSize(1);
    assertThat(outcomes).filteredOn(new Outcome.Done(WebhookDelivery.Status.SUCCEEDED)::equals).hasSize(4);
    assertThat(receiver.received()).hasSize(2);
    assertThat(events("").get(0)).containsEntry("pending_webhooks", 0);
  }

  @Test
  void aStreamBatch_readsItsEventsAndTheEndpointsOnce_andFansEachOutOnce() {
    endpoint("enabled_events[]=coupon.created", "");
    for (String id : List.of("B1", "B2", "B3")) {
      client().ok("/v1/coupons", "id=" + id + "&percent_off=10");
    }
    client().ok("/v1/coupons/B1", "name=not sent");
    List<Map<String, Object>> records = new java.util.ArrayList<>();
    test.snapshot().stream().map(item -> item.get("pk").s()).filter(pk -> pk.contains("#evt#")).forEach(pk -> {
      records.add(streamRecord("INSERT", pk, records.size()));
      records.add(streamRecord("MODIFY", pk, records.size()));
    });
    records.add(streamRecord("INSERT", pkOf(records.get(0)), records.size())); // handed over twice
    var run = test.app.fanOutRun();
    test.calls.reset();
    Map<String, Object> answer = test.calls.as(TestApp.FAN_OUT, () -> run.run(Map.of("Records", records), () -> true));
    assertThat(answer).isEqualTo(Map.of("batchItemFailures", List.of()));
    // the endpoints once, four events read together; three are sent (one delivery each), the update is not
    List<String> operations = test.calls.operations();
    assertThat(operations.subList(0, 3)).containsExactly("Query", "BatchGetItem", "BatchGetItem");
    assertThat(operations.subList(3, operations.size())).containsExactlyInAnyOrder("TransactWriteItems",
        "TransactWriteItems", "TransactWriteItems", "UpdateItem");
    assertThat(test.deliveryQueue.take()).hasSize(3);

    test.calls.reset();
    test.calls.as(TestApp.FAN_OUT, () -> run.run(Map.of("Records", records), () -> true));
    assertThat(test.calls.operations()).containsExactly("Query", "BatchGetItem", "BatchGetItem");
    assertThat(test.deliveryQueue.take()).hasSize(3);
    assertThat(events("?delivery_success=false")).hasSize(3);
  }

  @Test
  void aTenantWithoutEndpoints_hasItsEventsMarkedSentToNone_unread() {
    client().ok("/v1/coupons", "id=ALONE&percent_off=10");
    client().ok("/v1/coupons/ALONE", "name=still alone");
    test.calls.reset();
    assertThat(test.fanOut(TENANT)).isEqualTo(2);
    // per event: the endpoints' keys (none), then one update of the event; the event is never read
    assertThat(test.calls.operations()).containsExactly("Query", "UpdateItem", "Query", "UpdateItem");
    assertThat(test.deliveryQueue.take()).isEmpty();
    assertThat(events("?delivery_success=true")).hasSize(2).allSatisfy(event ->
        assertThat(event).containsEntry("pending_webhooks", 0));
    // handed over again: nothing changes
    List<Map<String, Object>> before = events("");
    test.calls.as(TestApp.FAN_OUT, () -> test.app.fanOut().fanOut(TENANT, (String) before.get(0).get("id")));
    assertThat(events("")).isEqualTo(before);
  }

  private static Map<String, Object> streamRecord(String eventName, String pk, int sequence) {
    return Map.of("eventName", eventName, "dynamodb", Map.of("Keys", Map.of("pk", Map.of("S", pk)),
        "SequenceNumber", String.valueOf(sequence)));
  }

  @SuppressWarnings("unchecked")
  private static String pkOf(Map<String, Object> record) {
    return (String) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) record.get("dynamodb"))
        .get("Keys")).get("pk")).get("S");
  }

  @Test
  void aScheduleRunOut_endsTheDeliveryFailed_andTheEventStaysPending() {
    try (Receiver failing = new Receiver(500)) {
      client().ok("/v1/webhook_endpoints", "url=" + failing.url("/down") + "&enabled_events[]=*");
      client().ok("/v1/coupons", "id=LOST&percent_off=10");
      test.fanOut(TENANT);
      List<Outcome> outcomes = test.runDeliveries();
      assertThat(outcomes).hasSize(4).last().isEqualTo(new Outcome.Done(WebhookDelivery.Status.FAILED));
      assertThat(failing.received()).hasSize(4);
    }
    assertThat(events("").get(0)).containsEntry("pending_webhooks", 1);
    assertThat(events("?delivery_success=false")).hasSize(1);
  }

  @Test
  void aDisabledOrDeletedEndpoint_getsNoMoreAttempts_andReEnabledInTimeItDoes() {
    String id = (String) endpoint("enabled_events[]=*", "").get("id");
    client().ok("/v1/coupons", "id=OFF&percent_off=10");
    test.fanOut(TENANT);
    var job = test.deliveryQueue.take().get(0).job();
    assertThat(test.app.deliveries().attempt(job)).isInstanceOf(Outcome.RetryAfter.class);
    client().ok("/v1/webhook_endpoints/" + id, "disabled=true");
    client().ok("/v1/webhook_endpoints/" + id, "disabled=false");
    assertThat(test.app.deliveries().attempt(job)).isEqualTo(new Outcome.Done(WebhookDelivery.Status.SUCCEEDED));
    assertThat(receiver.received()).hasSize(2);

    client().ok("/v1/coupons/OFF", "name=again");
    test.fanOut(TENANT);
    client().ok("/v1/webhook_endpoints/" + id, "disabled=true");
    assertThat(test.runDeliveries()).containsExactly(new Outcome.Done(WebhookDelivery.Status.ABANDONED));
    client().ok("/v1/coupons/OFF", "name=once more");
    client().ok("/v1/webhook_endpoints/" + id, "disabled=false");
    test.fanOut(TENANT);
    TestClient.ok(client().delete("/v1/webhook_endpoints/" + id));
    assertThat(test.runDeliveries()).containsExactly(new Outcome.Done(WebhookDelivery.Status.ABANDONED));
    assertThat(receiver.received()).hasSize(2);
  }

  @Test
  void anEndpointFailingForFiveDays_isDisabled_andReEnabledItHasFiveDaysAgain() {
    try (Receiver failing = new Receiver(500); Receiver repaired = new Receiver(500)) {
      String id = (String) client().ok("/v1/webhook_endpoints",
          "url=" + failing.url("/down") + "&enabled_events[]=coupon.created").get("id");
      client().ok("/v1/coupons", "id=DOWN1&percent_off=10");
      test.fanOut(TENANT);
      assertThat(test.runDeliveries()).last().isEqualTo(new Outcome.Done(WebhookDelivery.Status.FAILED));
      test.clock.advance(Duration.ofDays(5).minusMinutes(1));
      client().ok("/v1/coupons", "id=DOWN2&percent_off=10");
      test.fanOut(TENANT);
      assertThat(test.runDeliveries()).last().isEqualTo(new Outcome.Done(WebhookDelivery.Status.FAILED));
      assertThat(endpointStatus(id)).isEqualTo("enabled");

      test.clock.advance(Duration.ofMinutes(1));
      client().ok("/v1/coupons", "id=DOWN3&percent_off=10");
      test.fanOut(TENANT);
      // the failure that completes five days disables it: its retries are abandoned
      List<Outcome> outcomes = test.runDeliveries();
      assertThat(outcomes).hasSize(2).last().isEqualTo(new Outcome.Done(WebhookDelivery.Status.ABANDONED));
      assertThat(outcomes.get(0)).isInstanceOf(Outcome.RetryAfter.class);
      assertThat(endpointStatus(id)).isEqualTo("disabled");
      client().ok("/v1/coupons", "id=DOWN4&percent_off=10");
      assertThat(test.fanOut(TENANT)).isEqualTo(1);
      assertThat(test.deliveryQueue.take()).isEmpty();
      assertThat(failing.received()).hasSize(9);

      client().ok("/v1/webhook_endpoints/" + id, "disabled=false&url=" + repaired.url("/up"));
      client().ok("/v1/coupons", "id=DOWN5&percent_off=10");
      test.fanOut(TENANT);
      test.clock.advance(Duration.ofDays(1));
      assertThat(test.runDeliveries()).last().isEqualTo(new Outcome.Done(WebhookDelivery.Status.FAILED));
      assertThat(endpointStatus(id)).isEqualTo("enabled");
    }
  }

  @Test
  void aSuccess_endsTheFailingDays() {
    try (Receiver flaky = new Receiver(500, 200, 500)) {
      String id = (String) client().ok("/v1/webhook_endpoints",
          "url=" + flaky.url("/flaky") + "&enabled_events[]=coupon.created").get("id");
      client().ok("/v1/coupons", "id=FLAKY1&percent_off=10");
      test.fanOut(TENANT);
      assertThat(test.runDeliveries()).last().isEqualTo(new Outcome.Done(WebhookDelivery.Status.SUCCEEDED));
      test.clock.advance(Duration.ofDays(6));
      client().ok("/v1/coupons", "id=FLAKY2&percent_off=10");
      test.fanOut(TENANT);
      assertThat(test.runDeliveries()).last().isEqualTo(new Outcome.Done(WebhookDelivery.Status.FAILED));
      assertThat(endpointStatus(id)).isEqualTo("enabled");
    }
  }

  private String endpointStatus(String id) {
    return (String) client().okGet("/v1/webhook_endpoints/" + id).get("status");
  }

  @Test
  void onlyTheEnabledTypes_areSent_andANewEndpointGetsOnlyNewEvents() {
    client().ok("/v1/coupons", "id=EARLY&percent_off=10");
    test.fanOut(TENANT);
    endpoint("enabled_events[]=coupon.deleted", "");
    client().ok("/v1/coupons/EARLY", "name=x");
    TestClient.ok(client().delete("/v1/coupons/EARLY"));
    assertThat(test.fanOut(TENANT)).isEqualTo(2);
    test.runDeliveries();
    assertThat(receiver.received()).extracting(each -> body(each).get("type"))
        .containsExactly("coupon.deleted", "coupon.deleted");
    assertThat(events("?type=coupon.updated").get(0)).containsEntry("pending_webhooks", 0);
  }

  @Test
  @SuppressWarnings("unchecked")
  void twoEndpointsOnTwoVersions_receiveTheTwoShapesOfOneEvent() {
    try (Receiver acacia = new Receiver(200); Receiver clover = new Receiver(200)) {
      client().ok("/v1/webhook_endpoints", "url=" + acacia.url("/old")
          + "&enabled_events[]=promotion_code.created&api_version=2025-02-24.acacia");
      client().ok("/v1/webhook_endpoints", "url=" + clover.url("/new")
          + "&enabled_events[]=promotion_code.created");
      client().ok("/v1/coupons", "id=SHAPE&percent_off=10");
      client().ok("/v1/promotion_codes", "promotion[type]=coupon&promotion[coupon]=SHAPE"
          + "&code=SHAPED");
      test.fanOut(TENANT);
      test.runDeliveries();
      Map<String, Object> old = body(acacia.received().get(0));
      Map<String, Object> current = body(clover.received().get(0));
      assertThat(old.get("id")).isEqualTo(current.get("id"));
      assertThat(old).containsEntry("api_version", "2025-02-24.acacia");
      assertThat(current).containsEntry("api_version", "2025-09-30.clover");
      Map<String, Object> oldCode = (Map<String, Object>) ((Map<String, Object>) old.get("data")).get("object");
      Map<String, Object> newCode = (Map<String, Object>) ((Map<String, Object>) current.get("data")).get("object");
      assertThat(((Map<String, Object>) oldCode.get("coupon")).get("id")).isEqualTo("SHAPE");
      assertThat(oldCode).doesNotContainKey("promotion");
      assertThat(newCode.get("promotion")).isEqualTo(Map.of("coupon", "SHAPE", "type", "coupon"));
      assertThat(newCode).doesNotContainKey("coupon");
    }
  }

  @Test
  void aRedirect_isAFailedAttempt_neverFollowed() {
    try (Receiver moved = new Receiver(308, 200)) {
      client().ok("/v1/webhook_endpoints", "url=" + moved.url("/moved")
          + "&enabled_events[]=*");
      client().ok("/v1/coupons", "id=MOVED&percent_off=10");
      test.fanOut(TENANT);
      assertThat(test.runDeliveries()).first().isInstanceOf(Outcome.RetryAfter.class);
      assertThat(moved.received()).extracting(Receiver.Received::path).containsExactly("/moved", "/moved");
    }
  }

  @Test
  void aNameThatResolvesToAPrivateAddress_isNotPosted_whereOnlyPublicReceiversAreAllowed() throws Exception {
    String host = InetAddress.getLocalHost().getHostName();
    InetAddress[] addresses = InetAddress.getAllByName(host);
    assumeThat(java.util.Arrays.stream(addresses).allMatch(a -> a.isLoopbackAddress() || a.isSiteLocalAddress()
        || a.isLinkLocalAddress())).as("this machine's name resolves to a private address").isTrue();
    test = TestApp.withWebhooks(WebhookSettings.STANDARD);
    client().ok("/v1/webhook_endpoints", "url=http://" + host + ":" + receiver.port()
        + "/hook&enabled_events[]=*");
    client().ok("/v1/coupons", "id=SSRF&percent_off=10");
    test.fanOut(TENANT);
    assertThat(test.app.deliveries().attempt(test.deliveryQueue.take().get(0).job()))
        .isInstanceOf(Outcome.RetryAfter.class);
    assertThat(receiver.received()).isEmpty();
  }

  @Test
  void callBudgets_ofTheFanOut_andOfADelivery() {
    endpoint("enabled_events[]=*", "");
    client().ok("/v1/coupons", "id=BUDGET&percent_off=10");
    String event = (String) events("").get(0).get("id");
    test.calls.reset();
    test.calls.as(TestApp.FAN_OUT, () -> test.app.fanOut().fanOut(TENANT, event));
    // the endpoints (their keys, then their items), the event, then its fan-out
    assertThat(test.calls.operations()).containsExactly("Query", "BatchGetItem", "BatchGetItem", "TransactWriteItems");
    test.calls.reset();
    test.runDeliveries();
    // the failed attempt records itself in one update and marks the endpoint failing in another; the
    // successful one ends in one transaction and clears the mark
    assertThat(test.calls.operations()).containsExactly("GetItem", "GetItem", "GetItem", "UpdateItem", "UpdateItem",
        "GetItem", "GetItem", "GetItem", "TransactWriteItems", "UpdateItem");

    // while the endpoint stays healthy (or stays failing), its mark costs nothing
    client().ok("/v1/coupons/BUDGET", "name=again");
    test.fanOut(TENANT);
    test.calls.reset();
    test.runDeliveries();
    assertThat(test.calls.operations()).containsExactly("GetItem", "GetItem", "GetItem", "TransactWriteItems");
  }

  private static String hmac(String secret, String payload) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    StringBuilder hex = new StringBuilder();
    for (byte b : mac.doFinal(payload.getBytes(StandardCharsets.UTF_8))) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }
}
