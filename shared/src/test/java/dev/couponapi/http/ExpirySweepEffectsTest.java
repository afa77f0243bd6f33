package dev.couponapi.http;

import dev.couponapi.testing.TestApp;
import static dev.couponapi.http.DiscountFixture.CLOVER;
import static dev.couponapi.http.DiscountFixture.ITEM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.service.ExpirySweep;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the sweep changes in the stored state, object by object, as clients and lists then see it. */
class ExpirySweepEffectsTest {

  private final DiscountFixture f = new DiscountFixture();

  private Map<String, AttributeValue> stored(String type, String id) {
    return f.test.snapshot().stream().filter(item -> item.get("pk").s().endsWith("#" + type + "#" + id)).findFirst()
        .orElseThrow();
  }

  private ExpirySweep.Summary sweep() {
    // as the sweep's function: its calls are held to its IAM policy in template.yaml
    return f.test.calls.as("ExpirySweepFunction", () -> f.test.app.sweep().run(1000));
  }

  @Test
  void aRepeatingCustomerDiscount_isAbsentWhenReadBeforeTheSweep_andGoneFromTheStoredCustomerAfter() {
    f.coupon("id=MONTH&percent_off=10&duration=repeating&duration_in_months=1");
    String customer = f.customer("coupon=MONTH");
    f.test.clock.advance(Duration.ofDays(32));

    assertThat(TestApp.body(f.client.version(CLOVER).get("/v1/customers/" + customer)))
        .containsEntry("discount", null);
    assertThat(stored("customer", customer)).containsKey("discount");

    assertThat(sweep().customerDiscountsEnded()).isEqualTo(1);
    assertThat(stored("customer", customer)).doesNotContainKeys("discount", "gsi6pk");
    assertThat(sweep().examined()).isZero();
    // recorded as automatic, once
    assertThat(events("customer.discount.deleted")).singleElement().satisfies(event -> {
      assertThat(event.get("request")).isEqualTo(nulls());
      assertThat(((Map<?, ?>) ((Map<?, ?>) event.get("data")).get("object")).get("customer")).isEqualTo(customer);
    });
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> events(String type) {
    return (List<Map<String, Object>>) TestApp.body(f.client.version(CLOVER).get("/v1/events?type=" + type))
        .get("data");
  }

  private static Map<String, Object> nulls() {
    return dev.couponapi.testing.JsonMaps.of("id", null, "idempotency_key", null);
  }

  @Test
  void aCustomerDiscountReplacedBeforeItsEnd_isNotTouched() {
    f.coupon("id=SHORT&percent_off=10&duration=repeating&duration_in_months=1");
    f.coupon("id=LONG&percent_off=10&duration=repeating&duration_in_months=12");
    String customer = f.customer("coupon=SHORT");
    TestApp.body(f.client.version(CLOVER).post("/v1/customers/" + customer, "coupon=LONG"));
    f.test.clock.advance(Duration.ofDays(32));
    sweep();
    assertThat(TestApp.body(f.client.version(CLOVER).get("/v1/customers/" + customer)).get("discount").toString())
        .contains("coupon=LONG");
  }

  @Test
  void aPromotionCodePastExpiresAt_isSwitchedOff_andItsTextFreed() {
    f.coupon("id=OPEN&percent_off=10");
    long now = f.test.clock.instant().getEpochSecond();
    String code = (String) TestApp.body(f.client.version(CLOVER).post("/v1/promotion_codes",
        "promotion[type]=coupon&promotion[coupon]=OPEN&code=FLASH&expires_at=" + (now + 60))).get("id");
    f.test.clock.advance(Duration.ofMinutes(2));
    assertThat(sweep().promotionCodesSwitchedOff()).isEqualTo(1);
    assertThat(TestApp.body(f.client.version(CLOVER).get("/v1/promotion_codes/" + code))).containsEntry("active",
        false);
    assertThat(events("promotion_code.updated")).singleElement().satisfies(event -> {
      assertThat(event.get("request")).isEqualTo(nulls());
      assertThat(((Map<?, ?>) event.get("data")).get("previous_attributes")).isEqualTo(Map.of("active", true));
    });
    assertThat(TestApp.body(f.client.version(CLOVER).post("/v1/promotion_codes",
        "promotion[type]=coupon&promotion[coupon]=OPEN&code=flash"))).containsEntry("active", true);
  }

  @Test
  void aCouponPastRedeemBy_storesValidFalse_andItsCodesAreSwitchedOff_soListsAgree() {
    long now = f.test.clock.instant().getEpochSecond();
    f.coupon("id=SEASON&percent_off=10&redeem_by=" + (now + 60));
    String code = (String) TestApp.body(f.client.version(CLOVER).post("/v1/promotion_codes",
        "promotion[type]=coupon&promotion[coupon]=SEASON&code=SEASONAL")).get("id");
    f.test.clock.advance(Duration.ofMinutes(2));
    ExpirySweep.Summary summary = sweep();
    assertThat(summary.couponsExpired()).isEqualTo(1);
    assertThat(summary.promotionCodesSwitchedOff()).isEqualTo(1);
    assertThat(stored("coupon", "SEASON").get("valid").bool()).isFalse();
    assertThat(f.client.get("/v1/promotion_codes?active=false").bodyText()).contains(code);
  }

  @Test
  void aSubscriptionKeepsItsDiscountsInEffect_andLosesTheEndedOnes() {
    f.coupon("id=BRIEF&percent_off=10&duration=repeating&duration_in_months=1");
    f.coupon("id=ALWAYS&percent_off=5&duration=forever");
    String customer = f.customer("name=s");
    Map<String, Object> subscription = TestApp.body(f.client.version(CLOVER).post("/v1/subscriptions",
        "customer=" + customer + "&" + ITEM + "&discounts[0][coupon]=BRIEF&discounts[1][coupon]=ALWAYS"
            + "&items[0][discounts][0][coupon]=BRIEF&expand[]=discounts"));
    String id = (String) subscription.get("id");
    f.test.clock.advance(Duration.ofDays(32));
    assertThat(sweep().subscriptionsUpdated()).isEqualTo(1);
    Map<String, Object> after = TestApp.body(f.client.version(CLOVER).get("/v1/subscriptions/" + id));
    assertThat((List<?>) after.get("discounts")).hasSize(1);
    assertThat(after.get("items").toString()).contains("discounts=[]");
    // what stays in the expiry index is its next renewal, the end of the period it renewed into
    assertThat(((software.amazon.awssdk.services.dynamodb.model.AttributeValue) stored("sub", id).get("gsi6sk")).s())
        .startsWith(String.format("%010d#", ((Number) ((Map<?, ?>) ((List<?>) ((Map<?, ?>) after.get("items")).get("data")).get(0))
            .get("current_period_end")).longValue()));
  }

  /**
   * One coupon with 250 codes expires beside another account's 30 coupons: runs of 100 items page
   * through its codes (each a run's item), each run going on where the last stopped, and the other
   * account's expiries are handled in the first runs, not after the big coupon.
   */
  @Test
  void aCouponWithManyCodes_isPagedAcrossRuns_andOtherAccountsAreNotKeptWaiting() {
    long now = f.test.clock.instant().getEpochSecond();
    f.coupon("id=BIG&percent_off=10&redeem_by=" + (now + 60));
    for (int i = 0; i < 250; i++) {
      assertThat(f.client.version(CLOVER).post("/v1/promotion_codes", "promotion[type]=coupon&promotion[coupon]=BIG"
          + "&code=BIG" + i).status()).isEqualTo(200);
    }
    var other = f.client.as(new dev.couponapi.domain.Tenant("acct_other_sweep", false)).version(CLOVER);
    for (int i = 0; i < 30; i++) {
      assertThat(other.post("/v1/coupons", "id=SMALL" + i + "&percent_off=5&redeem_by=" + (now + 60)).status())
          .isEqualTo(200);
    }
    f.test.clock.advance(Duration.ofMinutes(2));
    List<ExpirySweep.Summary> runs = new java.util.ArrayList<>();
    do {
      runs.add(f.test.calls.as("ExpirySweepFunction", () -> f.test.app.sweep().run(100)));
      assertThat(runs.get(runs.size() - 1).examined()).isLessThanOrEqualTo(100);
      assertThat(runs.get(runs.size() - 1).promotionCodesSwitchedOff()).as("the codes count toward the run's 100")
          .isLessThan(100);
      assertThat(runs).hasSizeLessThan(10);
    } while (!runs.get(runs.size() - 1).complete());
    assertThat(runs.stream().mapToLong(ExpirySweep.Summary::promotionCodesSwitchedOff).sum()).isEqualTo(250);
    assertThat(runs.stream().mapToLong(ExpirySweep.Summary::couponsExpired).sum()).isEqualTo(31);
    assertThat(runs.stream().mapToLong(ExpirySweep.Summary::examined).sum()).as("no code read twice")
        .isLessThanOrEqualTo(250 + 31 + runs.size());
    assertThat(stored("coupon", "BIG").get("valid").bool()).isFalse();
    assertThat(f.client.version(CLOVER).list("/v1/promotion_codes?coupon=BIG&active=true&limit=100")).isEmpty();
  }
}
