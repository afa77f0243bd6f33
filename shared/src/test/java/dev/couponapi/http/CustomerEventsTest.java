package dev.couponapi.http;

import dev.couponapi.testing.TestApp;
import static dev.couponapi.http.DiscountFixture.ACACIA;
import static dev.couponapi.http.DiscountFixture.CLOVER;
import static dev.couponapi.http.DiscountFixture.eventData;
import static dev.couponapi.http.DiscountFixture.eventObject;
import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.testing.JsonMaps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Customer and customer-discount events (docs/events.md), each in the transaction of its change. */
class CustomerEventsTest {

  private final DiscountFixture f = new DiscountFixture();

  @Test
  void aCustomersLife_withItsDiscount_isItsEvents_eachPairSharingItsRequest() {
    f.coupon("id=FIRST&percent_off=10&duration=forever");
    f.coupon("id=SECOND&percent_off=20&duration=forever");
    String customer = f.customer("email=ada@example.com&coupon=FIRST");
    TestApp.body(f.client.version(CLOVER).post("/v1/customers/" + customer, "name=Ada"));
    TestApp.body(f.client.version(CLOVER).post("/v1/customers/" + customer, "coupon=SECOND"));
    TestApp.body(f.client.version(CLOVER).delete("/v1/customers/" + customer + "/discount"));
    TestApp.body(f.client.version(CLOVER).delete("/v1/customers/" + customer));

    List<Map<String, Object>> all = f.events("?type=customer.*");
    assertThat(all).extracting(e -> e.get("type")).containsExactly(
        "customer.deleted",
        "customer.updated", "customer.discount.deleted",
        "customer.discount.updated", "customer.updated",
        "customer.updated",
        "customer.discount.created", "customer.created");

    Map<String, Object> created = all.get(7);
    Map<String, Object> discountCreated = all.get(6);
    assertThat(created.get("request")).isEqualTo(discountCreated.get("request"));
    assertThat(eventObject(created)).containsEntry("id", customer).containsEntry("email", "ada@example.com");
    assertThat(((Map<?, ?>) eventObject(created).get("discount")).get("source"))
        .isEqualTo(Map.of("coupon", "FIRST", "type", "coupon"));
    assertThat(eventObject(discountCreated)).containsEntry("object", "discount").containsEntry("customer", customer)
        .containsEntry("source", Map.of("coupon", "FIRST", "type", "coupon"));

    assertThat(eventData(all.get(5)).get("previous_attributes")).isEqualTo(JsonMaps.of("name", null));

    Map<String, Object> replaced = all.get(3);
    assertThat(eventObject(replaced).get("source")).isEqualTo(Map.of("coupon", "SECOND", "type", "coupon"));
    assertThat(((Map<?, ?>) eventData(replaced).get("previous_attributes")).get("source"))
        .isEqualTo(Map.of("coupon", "FIRST"));
    // inside a changed hash, only what changed
    assertThat(((Map<?, ?>) ((Map<?, ?>) eventData(all.get(4)).get("previous_attributes")).get("discount"))
        .get("source"))
        .isEqualTo(Map.of("coupon", "FIRST"));

    assertThat(eventObject(all.get(2))).containsEntry("source", Map.of("coupon", "SECOND", "type", "coupon"));
    assertThat(eventData(all.get(1)).get("previous_attributes")).isInstanceOf(Map.class);
    assertThat(eventObject(all.get(1)).get("discount")).isNull();
    assertThat(eventObject(all.get(0))).containsEntry("id", customer).containsEntry("name", "Ada");
  }

  @Test
  void anEventRendersInTheAccountsVersion_theDiscountEmbeddingItsCouponBeforeClover() {
    f.coupon("id=OLD&percent_off=10&duration=forever");
    TestApp.body(f.client.version(ACACIA).post("/v1/customers", "coupon=OLD"));
    Map<String, Object> discount = f.events("?type=customer.discount.created").get(0);
    // the account's default is clover: the request's acacia does not shape the event
    assertThat(discount).containsEntry("api_version", CLOVER);
    assertThat(eventObject(discount)).containsKey("source").doesNotContainKey("coupon");
  }

  @Test
  void aRefusedDiscountOrANoOpUpdate_recordsNothing() {
    String customer = f.customer("name=Bo");
    f.client.version(CLOVER).post("/v1/customers/" + customer, "coupon=NOPE");
    TestApp.body(f.client.version(CLOVER).post("/v1/customers/" + customer, "name=Bo"));
    f.client.version(CLOVER).delete("/v1/customers/" + customer + "/discount");
    assertThat(f.events("?type=customer.*")).extracting(e -> e.get("type")).containsExactly("customer.created");
  }
}
