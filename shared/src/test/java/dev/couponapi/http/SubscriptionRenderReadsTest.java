package dev.couponapi.http;

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
    f.coupon("id=SHOWN&percent_off=10");
    String customer = f.customer("name=s");
    String subscription = (String) f.post(f.subscriptions.create(), "/v1/subscriptions", "customer=" + customer
        + "&" + ITEM + "&discounts[0][coupon]=SHOWN", CLOVER).get("id");
    Map<String, Object> old = f.get(f.subscriptions.retrieve(), "/v1/subscriptions/" + subscription, ACACIA);
    assertThat(old.get("discount").toString()).contains("times_redeemed=1");
    Map<String, Object> removed = f.delete(f.subscriptions.deleteDiscount(),
        "/v1/subscriptions/" + subscription + "/discount", ACACIA);
    assertThat(removed).containsEntry("object", "discount");
    assertThat(removed.get("coupon").toString()).contains("times_redeemed=1");
    f.post(f.subscriptions.update(), "/v1/subscriptions/" + subscription, "coupon=SHOWN", ACACIA);
    Map<String, Object> canceled = f.delete(f.subscriptions.cancel(), "/v1/subscriptions/" + subscription, ACACIA);
    assertThat(canceled).containsEntry("status", "canceled");
    assertThat(canceled.get("discount").toString()).contains("times_redeemed=2");
  }
}
