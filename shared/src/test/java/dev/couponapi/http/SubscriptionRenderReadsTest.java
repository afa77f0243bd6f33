package dev.couponapi.http;

import dev.couponapi.testing.TestApp;
import static dev.couponapi.http.DiscountFixture.ACACIA;
import static dev.couponapi.http.DiscountFixture.CLOVER;
import static dev.couponapi.http.DiscountFixture.ITEM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The subscription functions that render a discount's coupon (embedded before basil, or expanded)
 * read its count, so their IAM policies must allow the shards' read: each runs here as its function.
 */
class SubscriptionRenderReadsTest {

  private final DiscountFixture f = new DiscountFixture();

  @Test
  void retrieveCancelAndRemovingTheDiscount_renderTheCouponWithItsCount() {
    f.coupon("id=SHOWN&percent_off=10&duration=forever");
    String customer = f.customer("name=s");
    String subscription = (String) TestApp.body(f.client.version(CLOVER).post("/v1/subscriptions",
        "customer=" + customer
        + "&" + ITEM + "&discounts[0][coupon]=SHOWN")).get("id");
    Map<String, Object> old = TestApp.body(f.client.version(ACACIA).get("/v1/subscriptions/" + subscription));
    assertThat(old.get("discount").toString()).contains("times_redeemed=1");
    Map<String, Object> removed = TestApp.body(f.client.version(ACACIA)
        .delete("/v1/subscriptions/" + subscription + "/discount"));
    assertThat(removed).containsEntry("object", "discount");
    assertThat(removed.get("coupon").toString()).contains("times_redeemed=1");
    TestApp.body(f.client.version(ACACIA).post("/v1/subscriptions/" + subscription, "coupon=SHOWN"));
    Map<String, Object> canceled = TestApp.body(f.client.version(ACACIA).delete("/v1/subscriptions/" + subscription));
    assertThat(canceled).containsEntry("status", "canceled");
    assertThat(canceled.get("discount").toString()).contains("times_redeemed=2");
  }
}
