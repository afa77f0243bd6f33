package dev.couponapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.JsonMaps;
import dev.couponapi.testing.TestClient;
import dev.couponapi.testing.TestApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every committed change records one event with it; /v1/events shows them (docs/events.md). */
class EventRecordingTest {

  private static final Tenant TENANT = new Tenant("acct_events", false);
  private static final Tenant OTHER = new Tenant("acct_other", false);

  private final TestApp test = new TestApp();
  private final TestClient client = test.client(TENANT);

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> listed(String query) {
    return client.list("/v1/events" + query);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(Map<String, Object> event) {
    return (Map<String, Object>) event.get("data");
  }

  @Test
  void aCouponsLife_isThreeEvents_newestFirst_eachWithTheRequestThatMadeIt() {
    Map<String, Object> created = client.header("Idempotency-Key", "k-1").ok("/v1/coupons",
        "id=SPRING&percent_off=10&metadata[a]=1");
    client.ok("/v1/coupons/SPRING", "name=Spring&metadata[b]=2");
    TestClient.ok(client.delete("/v1/coupons/SPRING"));

    List<Map<String, Object>> all = listed("");
    assertThat(all).extracting(e -> e.get("type")).containsExactly("coupon.deleted", "coupon.updated",
        "coupon.created");
    Map<String, Object> first = all.get(2);
    assertThat(first.keySet()).containsExactly("id", "object", "api_version", "created", "data", "livemode",
        "pending_webhooks", "request", "type");
    assertThat((String) first.get("id")).matches("evt_[A-Za-z0-9]{24}");
    assertThat(first).containsEntry("object", "event").containsEntry("api_version", "2025-09-30.clover")
        .containsEntry("livemode", false).containsEntry("pending_webhooks", 0);
    assertThat(data(first).get("object")).isEqualTo(created);
    assertThat(data(first)).doesNotContainKey("previous_attributes");
    assertThat(obj(first.get("request"))).containsEntry("idempotency_key", "k-1")
        .hasEntrySatisfying("id", id -> assertThat(id.toString()).startsWith("req_"));

    Map<String, Object> updated = all.get(1);
    assertThat(data(updated).get("previous_attributes"))
        .isEqualTo(JsonMaps.of("name", null, "metadata", JsonMaps.of("b", null)));
    assertThat(((Map<?, ?>) data(updated).get("object")).get("name")).isEqualTo("Spring");
    assertThat(((Map<?, ?>) updated.get("request")).get("idempotency_key")).isNull();

    Map<String, Object> deleted = all.get(0);
    assertThat(obj(data(deleted).get("object"))).containsEntry("id", "SPRING").containsEntry("name", "Spring")
        .doesNotContainKey("deleted");

    assertThat(client.okGet("/v1/events/" + first.get("id"))).isEqualTo(first);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> obj(Object value) {
    return (Map<String, Object>) value;
  }

  @Test
  void aReplayARefusalAndANoOp_recordNothing() {
    client.header("Idempotency-Key", "k-2").ok("/v1/coupons", "id=ONCE&percent_off=10");
    client.header("Idempotency-Key", "k-2").ok("/v1/coupons", "id=ONCE&percent_off=10");
    assertThat(client.post("/v1/coupons", "id=ONCE&percent_off=10").status()).isEqualTo(400);
    assertThat(client.post("/v1/coupons", "percent_off=200").status()).isEqualTo(400);
    assertThat(client.post("/v1/coupons/ONCE", "currency_options[eur][amount_off]=5").status())
        .isEqualTo(400);
    client.ok("/v1/coupons/ONCE", "metadata[x]=");
    assertThat(listed("")).extracting(e -> e.get("type")).containsExactly("coupon.created");
  }

  @Test
  void promotionCodeEvents_renderInTheAccountsVersion_notTheRequests() {
    client.ok("/v1/coupons", "id=C&percent_off=10");
    Map<String, Object> code = client.header("Stripe-Version", "2025-02-24.acacia").ok("/v1/promotion_codes",
        "coupon=C&code=SAVE");
    assertThat(code).containsKey("coupon");
    client.ok("/v1/promotion_codes/" + code.get("id"), "active=false&metadata[k]=v");

    List<Map<String, Object>> all = listed("?type=promotion_code.*");
    assertThat(all).extracting(e -> e.get("type")).containsExactly("promotion_code.updated", "promotion_code.created");
    Map<String, Object> object = obj(data(all.get(1)).get("object"));
    assertThat(object.get("promotion")).isEqualTo(Map.of("coupon", "C", "type", "coupon"));
    assertThat(object).doesNotContainKey("coupon");
    assertThat(data(all.get(0)).get("previous_attributes"))
        .isEqualTo(JsonMaps.of("active", true, "metadata", JsonMaps.of("k", null)));
  }

  @Test
  void filters_byTypeWildcardTypesCreatedAndDeliverySuccess() {
    client.ok("/v1/coupons", "id=A&percent_off=10");
    test.clock.advance(Duration.ofSeconds(10));
    client.ok("/v1/coupons/A", "name=x");
    long updatedAt = test.clock.instant().getEpochSecond();
    assertThat(listed("?type=coupon.updated")).hasSize(1);
    assertThat(listed("?type=coupon.*")).hasSize(2);
    assertThat(listed("?type=*.created")).hasSize(1);
    assertThat(listed("?type=customer.*")).isEmpty();
    assertThat(listed("?types[]=coupon.created&types[]=coupon.deleted")).extracting(e -> e.get("type"))
        .containsExactly("coupon.created");
    assertThat(listed("?created[gte]=" + updatedAt)).extracting(e -> e.get("type")).containsExactly("coupon.updated");
    // not yet fanned out to any endpoint: still pending
    assertThat(listed("?delivery_success=false")).hasSize(2);
    assertThat(listed("?delivery_success=true")).isEmpty();

    ApiResponse both = client.get("/v1/events?type=coupon.created&types[]=coupon.created");
    assertThat(both.status()).isEqualTo(400);
    assertThat(TestApp.body(both).toString()).contains("type");
    StringBuilder many = new StringBuilder("?");
    for (int i = 0; i < 21; i++) {
      many.append("types[]=coupon.created&");
    }
    assertThat(client.get("/v1/events" + many).status()).isEqualTo(400);
    assertThat(client.get("/v1/events?delivery_success=maybe").status()).isEqualTo(400);
  }

  @Test
  void anotherTenantsEvents_areNotThere_andEventsAreKept30Days() {
    client.ok("/v1/coupons", "id=MINE&percent_off=10");
    String id = (String) listed("").get(0).get("id");
    assertThat(client.as(OTHER).get("/v1/events/" + id).status()).isEqualTo(404);
    assertThat(TestApp.body(client.as(OTHER).get("/v1/events")).get("data")).isEqualTo(List.of());
    assertThat(client.get("/v1/events/evt_nope").status()).isEqualTo(404);

    test.clock.advance(Duration.ofDays(30).minusSeconds(1));
    assertThat(listed("")).hasSize(1);
    test.clock.advance(Duration.ofSeconds(1));
    assertThat(listed("")).isEmpty();
    ApiResponse gone = client.get("/v1/events/" + id);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(TestApp.body(gone).toString()).contains("resource_missing").contains("No such event");
  }

  @Test
  void theEventRidesInTheChangesOwnTransaction_withTheIdempotencyRecord() {
    test.calls.reset();
    client.header("Idempotency-Key", "k-3").ok("/v1/coupons", "id=TX&percent_off=10");
    assertThat(test.calls.operations()).containsExactly("PutItem", "TransactWriteItems");
    var items = ((software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest) test.calls.requests()
        .get(1))
        .transactItems();
    assertThat(items).filteredOn(item -> item.put() != null && item.put().item().get("pk").s().contains("#evt#"))
        .singleElement().satisfies(item -> {
          assertThat(item.put().item().get("type").s()).isEqualTo("coupon.created");
          assertThat(item.put().conditionExpression()).isEqualTo("attribute_not_exists(pk)");
        });
    assertThat(items).anySatisfy(item -> assertThat(item.put() != null
        && item.put().item().get("pk").s().endsWith("#coupon#TX")).isTrue());
    assertThat(items).anySatisfy(item -> assertThat(item.update() != null
        && item.update().key().get("pk").s().contains("#idem#")).isTrue());
  }

  @Test
  @org.junit.jupiter.api.Timeout(value = 30, unit = java.util.concurrent.TimeUnit.SECONDS)
  void aTypeOfManyStars_isAnsweredAtOnce_withWhatItMatches() {
    client.ok("/v1/coupons", "id=STARRY&percent_off=10");
    assertThat(client.list("/v1/events?type=" + "*".repeat(99) + "Z")).isEmpty();
    assertThat(client.list("/v1/events?type=" + "*".repeat(98) + "d")).hasSize(1);
  }

  @Test
  void aTypeThatNoEventHas_isAnsweredWithoutReadingTheEvents() {
    client.ok("/v1/coupons", "id=UNREAD&percent_off=10");
    test.calls.reset();

    assertThat(client.list("/v1/events?type=*.deleted.*")).isEmpty();
    assertThat(client.list("/v1/events?types[]=no_such.type")).isEmpty();

    assertThat(test.calls.operations()).isEmpty();
  }
}
