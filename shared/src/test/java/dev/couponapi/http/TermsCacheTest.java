package dev.couponapi.http;

import static dev.couponapi.http.DiscountFixture.CLOVER;
import static dev.couponapi.http.DiscountFixture.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.app.RedemptionSettings;
import dev.couponapi.testing.TestApp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A container keeps the terms of what it redeems for a while (docs/design.md, "Hot codes"): a hot
 * code is not read on every redemption, and what is kept never decides: a coupon deleted or a code
 * switched off meanwhile is refused all the same, with the error a fresh read gives.
 */
class TermsCacheTest {

  private final DiscountFixture f = new DiscountFixture(TestApp.with(new RedemptionSettings(8, Duration.ofSeconds(2))));

  @Test
  void withinTheTime_aRedemptionReadsNeitherCodeNorCouponNorShards_afterItReadsThemAgain() {
    f.coupon("id=KEPT&percent_off=10&max_redemptions=100");
    String code = code("KEPT");
    f.customer("promotion_code=" + code);
    f.test.calls.reset();
    f.customer("promotion_code=" + code);
    assertThat(f.test.calls.operations()).containsExactly("TransactWriteItems");
    f.test.clock.advance(Duration.ofSeconds(2));
    f.test.calls.reset();
    f.customer("promotion_code=" + code);
    assertThat(f.test.calls.operations()).containsExactly("GetItem", "GetItem", "BatchGetItem", "TransactWriteItems");
    assertThat(f.timesRedeemed("KEPT")).isEqualTo(3);
  }

  @Test
  void aCouponDeletedWhileItsTermsAreKept_isRefusedAsMissing_andCountsNothing() {
    f.coupon("id=GONE&percent_off=10");
    f.customer("coupon=GONE");
    TestApp.body(f.client.version(CLOVER).delete("/v1/coupons/GONE"));
    var refused = TestApp.body(f.client.version(CLOVER).post("/v1/customers", "coupon=GONE"));
    assertThat(error(refused)).containsEntry("code", "resource_missing").containsEntry("param", "coupon");
    long withDiscount = f.test.snapshot().stream().filter(item -> item.get("pk").s().contains("#customer#")
        && item.containsKey("discount") && !item.get("discount").m().isEmpty()).count();
    assertThat(withDiscount).isEqualTo(1);
  }

  @Test
  void aCodeSwitchedOffWhileItsTermsAreKept_isRefusedAsInactive() {
    f.coupon("id=OFF&percent_off=10");
    String code = code("OFF");
    f.customer("promotion_code=" + code);
    TestApp.body(f.client.version(CLOVER).post("/v1/promotion_codes/" + code, "active=false"));
    assertThat(error(TestApp.body(f.client.version(CLOVER).post("/v1/customers", "promotion_code=" + code))))
        .containsEntry("message", "This promotion code is inactive.").containsEntry("param", "promotion_code");
    assertThat(TestApp.body(f.client.version(CLOVER).get("/v1/promotion_codes/" + code)))
        .containsEntry("times_redeemed", 1);
  }

  @Test
  void aCapReachedElsewhere_isRefusedWithTheCouponsError_thoughTheKeptCountIsLower() {
    f.coupon("id=LAST&percent_off=10&max_redemptions=2");
    f.customer("coupon=LAST");
    // another container takes the last unit: this one's kept count still says 1
    dev.couponapi.app.App other = new dev.couponapi.app.App(f.test.dynamo, f.test.table, f.test.clock,
        dev.couponapi.api.ApiVersion.parse(CLOVER), new RedemptionSettings(8, Duration.ofSeconds(2)));
    var event = dev.couponapi.testing.Requests.event(other.operation("CreateCustomerFunction"), "/v1/customers", "coupon=LAST",
        DiscountFixture.TENANT);
    assertThat(other.pipeline().handle(other.operation("CreateCustomerFunction"), event).status()).isEqualTo(200);
    assertThat(error(TestApp.body(f.client.version(CLOVER).post("/v1/customers", "coupon=LAST"))))
        .containsEntry("code", "coupon_expired");
    assertThat(f.timesRedeemed("LAST")).isEqualTo(2);
  }

  private String code(String coupon) {
    return (String) TestApp.body(f.client.version(CLOVER).post("/v1/promotion_codes",
        "promotion[type]=coupon&promotion[coupon]=" + coupon)).get("id");
  }
}
