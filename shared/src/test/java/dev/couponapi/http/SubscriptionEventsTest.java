package dev.couponapi.http;

import dev.couponapi.testing.TestApp;
import static dev.couponapi.http.DiscountFixture.CLOVER;
import static dev.couponapi.http.DiscountFixture.ITEM;
import static dev.couponapi.http.DiscountFixture.eventData;
import static dev.couponapi.http.DiscountFixture.eventObject;
import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.testing.JsonMaps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Subscription events, and the discount events of subscription discounts (docs/events.md). */
class SubscriptionEventsTest {

  private final DiscountFixture f = new DiscountFixture();

  private String subscription(String customer, String more) {
    return (String) TestApp.body(f.client.version(CLOVER).post("/v1/subscriptions",
        "customer=" + customer + "&" + ITEM + more)).get("id");
  }

  @Test
  void aSubscriptionsLife_isItsEvents_withItsDiscountsOwn() {
    f.coupon("id=SUB&percent_off=10&duration=forever");
    String customer = f.customer("name=Cy");
    String subscription = subscription(customer, "&discounts[0][coupon]=SUB");
    TestApp.body(f.client.version(CLOVER).post("/v1/subscriptions/" + subscription, "metadata[plan]=pro"));
    TestApp.body(f.client.version(CLOVER).delete("/v1/subscriptions/" + subscription + "/discount"));
    TestApp.body(f.client.version(CLOVER).delete("/v1/subscriptions/" + subscription));

    List<Map<String, Object>> all = f.events("?types[]=customer.subscription.created&types[]=customer.subscription"
        + ".updated&types[]=customer.subscription.deleted&types[]=customer.discount.created&types[]=customer.discount"
        + ".deleted");
    assertThat(all).extracting(e -> e.get("type")).containsExactly(
        "customer.subscription.deleted",
        "customer.subscription.updated", "customer.discount.deleted",
        "customer.subscription.updated",
        "customer.discount.created", "customer.subscription.created");
    assertThat(eventObject(all.get(5))).containsEntry("id", subscription).containsEntry("status", "active");
    assertThat(eventObject(all.get(4))).containsEntry("subscription", subscription).containsEntry("customer", customer);
    assertThat(eventData(all.get(3)).get("previous_attributes")).isEqualTo(JsonMaps.of("metadata",
        JsonMaps.of("plan", null)));
    assertThat(eventObject(all.get(2))).containsEntry("subscription", subscription);
    assertThat(((Map<?, ?>) eventData(all.get(1)).get("previous_attributes")).get("discounts")).asList().hasSize(1);
    assertThat(eventObject(all.get(0))).containsEntry("status", "canceled");
  }

  @Test
  void deletingTheCustomer_cancelsItsSubscriptions_eachWithItsEvent() {
    String customer = f.customer("name=Di");
    String first = subscription(customer, "");
    String second = subscription(customer, "");
    TestApp.body(f.client.version(CLOVER).delete("/v1/customers/" + customer));
    assertThat(f.events("?type=customer.subscription.deleted")).extracting(e -> eventObject(e).get("id"))
        .containsExactlyInAnyOrder(first, second);
    assertThat(f.events("?type=customer.deleted")).hasSize(1);
  }
}
