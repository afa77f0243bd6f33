package dev.couponapi.http;

import static dev.couponapi.http.DiscountFixture.ACACIA;
import static dev.couponapi.http.DiscountFixture.BASIL;
import static dev.couponapi.http.DiscountFixture.CLOVER;
import static dev.couponapi.http.DiscountFixture.ITEM;
import static dev.couponapi.http.DiscountFixture.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.testing.TestApp;
import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.CouponDuration;
import dev.couponapi.domain.Discount;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Applying, reading and removing discounts (docs/api.md §4), through the pipeline as a client sees it. */
class DiscountRulesTest {

  private final DiscountFixture f = new DiscountFixture();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> discountOf(Map<String, Object> holder) {
    return (Map<String, Object>) holder.get("discount");
  }

  @Test
  void aCustomerDiscount_inBothShapes_withStartAndEnd() {
    f.coupon("id=REP&percent_off=10&duration=repeating&duration_in_months=3");
    Map<String, Object> old = TestApp.body(f.client.version(ACACIA).post("/v1/customers", "coupon=REP"));
    Map<String, Object> discount = discountOf(old);
    assertThat((String) discount.get("id")).matches("di_[A-Za-z0-9]{24}");
    assertThat(discount).containsEntry("customer", old.get("id")).containsEntry("subscription", null)
        .containsEntry("promotion_code", null).doesNotContainKey("source");
    assertThat((Map<String, Object>) discount.get("coupon")).containsEntry("id", "REP")
        .containsEntry("times_redeemed", 1);
    long start = ((Number) discount.get("start")).longValue();
    assertThat(((Number) discount.get("end")).longValue())
        .isEqualTo(Instant.ofEpochSecond(start).atOffset(java.time.ZoneOffset.UTC).plusMonths(3).toEpochSecond());

    String id = (String) old.get("id");
    Map<String, Object> clover = discountOf(TestApp.body(f.client.version(CLOVER).get("/v1/customers/" + id)));
    assertThat(clover).containsEntry("source", Map.of("coupon", "REP", "type", "coupon")).doesNotContainKey("coupon");
  }

  @Test
  void discountEnd_monthArithmeticClampsToTheMonthsLastDay() {
    Coupon repeating = new Coupon("R", 0, BigDecimal.ONE, null, null, Map.of(), CouponDuration.REPEATING, 1, null, null,
        null, Map.of(), null, 0, null, false);
    long jan31 = Instant.parse("2026-01-31T10:00:00Z").getEpochSecond();
    assertThat(Discount.endOf(repeating, jan31)).isEqualTo(Instant.parse("2026-02-28T10:00:00Z").getEpochSecond());
    Coupon once = new Coupon("O", 0, BigDecimal.ONE, null, null, Map.of(), CouponDuration.ONCE, null, null, null, null,
        Map.of(), null, 0, null, false);
    assertThat(Discount.endOf(once, jan31)).isNull();
  }

  @Test
  void aRepeatingDiscountIsGoneOnceItEnds_withoutASweep() {
    f.coupon("id=ONE_MONTH&percent_off=10&duration=repeating&duration_in_months=1");
    String id = f.customer("coupon=ONE_MONTH");
    f.test.clock.advance(Duration.ofDays(32));
    assertThat(TestApp.body(f.client.version(CLOVER).get("/v1/customers/" + id))).containsEntry("discount", null);
  }

  @Test
  void aNewDiscountReplacesTheOld_andTheOldRedemptionStaysCounted() {
    f.coupon("id=A&percent_off=10");
    f.coupon("id=B&percent_off=20");
    String id = f.customer("coupon=A");
    Map<String, Object> updated = TestApp.body(f.client.version(CLOVER).post("/v1/customers/" + id, "coupon=B"));
    assertThat(discountOf(updated).get("source")).isEqualTo(Map.of("coupon", "B", "type", "coupon"));
    assertThat(f.timesRedeemed("A")).isEqualTo(1);
    assertThat(f.timesRedeemed("B")).isEqualTo(1);
  }

  @Test
  void refusals_missingDeletedExpiredExhausted() {
    f.coupon("id=ONCE&percent_off=10&max_redemptions=1");
    assertThat(error(TestApp.body(f.client.version(CLOVER).post("/v1/customers", "coupon=NOPE"))))
        .containsEntry("code", "resource_missing").containsEntry("param", "coupon");
    f.customer("coupon=ONCE");
    assertThat(error(TestApp.body(f.client.version(CLOVER).post("/v1/customers", "coupon=ONCE"))))
        .containsEntry("code", "coupon_expired").containsEntry("message", "Coupon expired: ONCE");
    long now = f.test.clock.instant().getEpochSecond();
    f.coupon("id=SOON&percent_off=10&redeem_by=" + (now + 60));
    f.test.clock.advance(Duration.ofMinutes(2));
    assertThat(error(TestApp.body(f.client.version(CLOVER).post("/v1/customers", "coupon=SOON"))))
        .containsEntry("code", "coupon_expired");
    f.coupon("id=GONE&percent_off=10");
    TestApp.body(f.client.version(CLOVER).delete("/v1/coupons/GONE"));
    assertThat(error(TestApp.body(f.client.version(CLOVER).post("/v1/customers", "coupon=GONE"))))
        .containsEntry("code", "resource_missing");
    assertThat(f.test.snapshot()).noneMatch(item -> item.get("pk").s().contains("#customer#")
        && item.containsKey("discount") && !item.get("discount").m().get("coupon").s().equals("ONCE"));
  }

  @Test
  void deletingACoupon_leavesItsDiscountsWorking() {
    f.coupon("id=KEEP&percent_off=10&duration=forever");
    String id = f.customer("coupon=KEEP");
    TestApp.body(f.client.version(CLOVER).delete("/v1/coupons/KEEP"));
    Map<String, Object> old = discountOf(TestApp.body(f.client.version(ACACIA).get("/v1/customers/" + id)));
    assertThat((Map<String, Object>) old.get("coupon")).containsEntry("id", "KEEP").containsEntry("valid", false);
    Map<String, Object> expanded = TestApp.body(f.client.version(CLOVER).post("/v1/customers/" + id,
        "expand[]=discount.source.coupon"));
    assertThat(discountOf(expanded).get("source").toString()).contains("id=KEEP");
  }

  @Test
  void promotionCodes_restrictions_customerAndMinimumAmount() {
    f.coupon("id=TEN&percent_off=10&duration=forever");
    String alice = f.customer("name=alice");
    String bob = f.customer("name=bob");
    String forAlice = (String) TestApp.body(f.client.version(CLOVER).post("/v1/promotion_codes",
        "promotion[type]=coupon&promotion[coupon]=TEN&customer=" + alice)).get("id");
    assertThat(error(TestApp.body(f.client.version(CLOVER).post("/v1/customers/" + bob, "promotion_code=" + forAlice))))
        .containsEntry("param", "promotion_code");
    assertThat(discountOf(TestApp.body(f.client.version(CLOVER).post("/v1/customers/" + alice,
        "promotion_code=" + forAlice)))).containsEntry("promotion_code", forAlice);

    String minimum = (String) TestApp.body(f.client.version(CLOVER).post("/v1/promotion_codes",
        "promotion[type]=coupon&promotion[coupon]=TEN&restrictions[minimum_amount]=3000"
            + "&restrictions[minimum_amount_currency]=usd")).get("id");
    assertThat(error(TestApp.body(f.client.version(CLOVER).post("/v1/customers/" + bob, "promotion_code=" + minimum))))
        .containsEntry("param", "promotion_code");
    assertThat(error(TestApp.body(f.client.version(CLOVER).post("/v1/subscriptions", "customer=" + bob + "&" + ITEM
        + "&discounts[0][promotion_code]=" + minimum)))).containsEntry("param", "discounts[0][promotion_code]");
    Map<String, Object> big = TestApp.body(f.client.version(CLOVER).post("/v1/subscriptions",
        "customer=" + bob + "&" + ITEM
        + "&items[0][quantity]=2&discounts[0][promotion_code]=" + minimum));
    assertThat((List<?>) big.get("discounts")).hasSize(1);
  }

  @Test
  void subscriptions_discountsInEveryVersion_coupon_onlyBeforeBasil() {
    f.coupon("id=SUB10&percent_off=10&duration=forever");
    String customer = f.customer("name=s");
    Map<String, Object> legacy = TestApp.body(f.client.version(ACACIA).post("/v1/subscriptions",
        "customer=" + customer + "&" + ITEM + "&coupon=SUB10"));
    assertThat((Map<String, Object>) legacy.get("discount")).containsEntry("subscription", legacy.get("id"));
    assertThat((List<?>) legacy.get("discounts")).hasSize(1);
    assertThat(error(TestApp.body(f.client.version(BASIL).post("/v1/subscriptions",
        "customer=" + customer + "&" + ITEM + "&coupon=SUB10")))).containsEntry("code", "parameter_unknown");
    Map<String, Object> basil = TestApp.body(f.client.version(BASIL).post("/v1/subscriptions",
        "customer=" + customer + "&" + ITEM + "&discounts[0][coupon]=SUB10&items[0][discounts][0][coupon]=SUB10"));
    assertThat(basil).doesNotContainKey("discount");
    assertThat((List<?>) basil.get("discounts")).hasSize(1);
    assertThat(basil.get("items").toString()).contains("discounts=[di_");
    assertThat(f.timesRedeemed("SUB10")).isEqualTo(3);
  }

  @Test
  void basil_amountOffForever_cannotBeAppliedToSubscriptions() {
    String forever = (String) TestApp.body(f.client.version(ACACIA).post("/v1/coupons",
        "id=FOREVER5&amount_off=500&currency=usd&duration=forever")).get("id");
    String customer = f.customer("name=f");
    assertThat(error(TestApp.body(f.client.version(BASIL).post("/v1/subscriptions",
        "customer=" + customer + "&" + ITEM + "&discounts[0][coupon]=" + forever))))
        .containsEntry("param", "discounts[0][coupon]");
    assertThat(TestApp.body(f.client.version(ACACIA).post("/v1/subscriptions",
        "customer=" + customer + "&" + ITEM + "&coupon=" + forever))).containsKey("discount");
  }

  @Test
  void amountOffCoupons_needTheSubscriptionsCurrency() {
    f.coupon("id=EURO&amount_off=500&currency=eur");
    f.coupon("id=BOTH&amount_off=500&currency=eur&currency_options[usd][amount_off]=550");
    String customer = f.customer("name=c");
    assertThat(error(TestApp.body(f.client.version(CLOVER).post("/v1/subscriptions",
        "customer=" + customer + "&" + ITEM + "&discounts[0][coupon]=EURO"))))
        .containsEntry("param", "discounts[0][coupon]");
    assertThat(TestApp.body(f.client.version(CLOVER).post("/v1/subscriptions",
        "customer=" + customer + "&" + ITEM + "&discounts[0][coupon]=BOTH"))).containsKey("discounts");
  }

  @Test
  void updateReplacesSubscriptionDiscounts_discountElementsKeepThem_emptyRemovesThem() {
    f.coupon("id=X&percent_off=10&duration=forever");
    f.coupon("id=Y&percent_off=20&duration=forever");
    String customer = f.customer("coupon=X");
    @SuppressWarnings("unchecked")
    String customerDiscount = (String) discountOf(TestApp.body(f.client.version(CLOVER)
        .get("/v1/customers/" + customer))).get("id");
    Map<String, Object> created = TestApp.body(f.client.version(CLOVER).post("/v1/subscriptions",
        "customer=" + customer + "&" + ITEM + "&discounts[0][coupon]=Y"));
    String id = (String) created.get("id");
    String own = (String) ((List<?>) created.get("discounts")).get(0);
    Map<String, Object> kept = TestApp.body(f.client.version(CLOVER).post("/v1/subscriptions/" + id,
        "discounts[0][discount]=" + own + "&discounts[1][discount]=" + customerDiscount));
    assertThat(kept.get("discounts")).isEqualTo(List.of(own, customerDiscount));
    assertThat(f.timesRedeemed("X")).isEqualTo(1);
    assertThat(f.timesRedeemed("Y")).isEqualTo(1);
    Map<String, Object> removed = TestApp.body(f.client.version(CLOVER).post("/v1/subscriptions/" + id, "discounts="));
    assertThat((List<?>) removed.get("discounts")).isEmpty();
  }

  @Test
  void removingDiscounts_returnsTheDeletedDiscount_thenA404() {
    f.coupon("id=DEL&percent_off=10");
    String customer = f.customer("coupon=DEL");
    Map<String, Object> removed = TestApp.body(f.client.version(ACACIA)
        .delete("/v1/customers/" + customer + "/discount"));
    assertThat(removed).containsEntry("object", "discount").containsEntry("deleted", true).doesNotContainKey("end");
    assertThat((Map<String, Object>) removed.get("coupon")).containsEntry("id", "DEL");
    Map<String, Object> again = TestApp.body(f.client.version(ACACIA)
        .delete("/v1/customers/" + customer + "/discount"));
    assertThat(error(again)).containsEntry("code", "resource_missing")
        .containsEntry("message", "No active discount for customer: " + customer);
    assertThat(error(TestApp.body(f.client.version(ACACIA).delete("/v1/customers/cus_nope/discount"))))
        .containsEntry("message", "No such customer: 'cus_nope'");
    assertThat(f.timesRedeemed("DEL")).isEqualTo(1);
  }

  @Test
  void aRetriedRedemptionWithTheSameIdempotencyKey_countsOnce() {
    f.coupon("id=IDEM&percent_off=10");
    Map<String, Object> first = TestApp.body(f.client.version(CLOVER).header("Idempotency-Key", "signup-1")
        .post("/v1/customers", "coupon=IDEM"));
    Map<String, Object> retry = TestApp.body(f.client.version(CLOVER).header("Idempotency-Key", "signup-1")
        .post("/v1/customers", "coupon=IDEM"));
    assertThat(retry).isEqualTo(first);
    String customer = f.customer("name=later");
    TestApp.body(f.client.version(CLOVER).header("Idempotency-Key", "u-1").post("/v1/customers/" + customer,
        "coupon=IDEM"));
    TestApp.body(f.client.version(CLOVER).header("Idempotency-Key", "u-1").post("/v1/customers/" + customer,
        "coupon=IDEM"));
    assertThat(f.timesRedeemed("IDEM")).isEqualTo(2);
  }

  @Test
  void deletingACustomer_cancelsItsSubscriptions() {
    String customer = f.customer("name=leaving");
    String sub = (String) TestApp.body(f.client.version(CLOVER).post("/v1/subscriptions", "customer=" + customer + "&"
        + ITEM)).get("id");
    assertThat(TestApp.body(f.client.version(CLOVER).delete("/v1/customers/" + customer)))
        .containsEntry("deleted", true);
    assertThat(TestApp.body(f.client.version(CLOVER).get("/v1/subscriptions/" + sub)))
        .containsEntry("status", "canceled");
    assertThat(error(TestApp.body(f.client.version(CLOVER).get("/v1/customers/" + customer))))
        .containsEntry("code", "resource_missing");
  }

  /**
   * At most 20 discounts on a subscription, its items' included (Stripe's limit): 60 distinct
   * coupons used to pass the form's limits and fail DynamoDB's 100-item transaction with a 500.
   */
  @Test
  void moreThanTwentyDiscountsOnASubscription_is400_namingTheLimit_andWritesNothing() {
    for (int i = 0; i < 60; i++) {
      f.coupon("id=MANY" + i + "&percent_off=1");
    }
    String customer = f.customer("name=many");
    StringBuilder twentyOne = new StringBuilder("customer=" + customer + "&" + DiscountFixture.ITEM);
    for (int i = 0; i < 11; i++) {
      twentyOne.append("&discounts[").append(i).append("][coupon]=MANY").append(i);
    }
    for (int i = 0; i < 10; i++) {
      twentyOne.append("&items[0][discounts][").append(i).append("][coupon]=MANY").append(20 + i);
    }
    var before = f.test.snapshot();
    Map<String, Object> refused = TestApp.body(f.client.version(CLOVER).post("/v1/subscriptions",
        twentyOne.toString()));
    assertThat(error(refused)).containsEntry("type", "invalid_request_error").containsEntry("param", "discounts");
    assertThat((String) error(refused).get("message")).contains("at most 20 discounts").contains("21");
    assertThat(f.test.snapshot()).isEqualTo(before);

    StringBuilder twenty = new StringBuilder("customer=" + customer + "&" + DiscountFixture.ITEM);
    for (int i = 0; i < 20; i++) {
      twenty.append("&items[0][discounts][").append(i).append("][coupon]=MANY").append(40 + i);
    }
    assertThat(f.client.version(CLOVER).post("/v1/subscriptions", twenty.toString()).status()).isEqualTo(200);
  }
}
