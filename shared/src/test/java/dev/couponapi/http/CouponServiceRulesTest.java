package dev.couponapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.TestApp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Coupon rules that need the clock or the store, seen through the pipeline as a client sees them. */
class CouponServiceRulesTest {

  private static final Tenant TENANT = new Tenant("acct_rules", false);

  private final TestApp test = new TestApp();
  private final CouponOperations coupons = test.app.coupons();

  private Map<String, Object> post(Operation operation, String id, String body) {
    String path = id == null ? "/v1/coupons" : "/v1/coupons/" + id;
    return TestApp.body(test.handle(operation,
        TestApp.event("POST", path, id == null ? null : Map.of("coupon", id), body, TENANT)));
  }

  private Map<String, Object> get(String id) {
    return TestApp.body(test.handle(coupons.retrieve(),
        TestApp.event("GET", "/v1/coupons/" + id, Map.of("coupon", id), null, TENANT)));
  }

  @Test
  void redeemBy_mustBeFuture_andAtMostFiveYearsAhead() {
    long now = TestApp.START.getEpochSecond();
    assertThat(post(coupons.create(), null, "percent_off=5&redeem_by=" + now).toString()).contains("param=redeem_by");
    assertThat(post(coupons.create(), null, "percent_off=5&redeem_by=" + (now + 6L * 366 * 86400)).toString())
        .contains("at most 5 years");
    assertThat(post(coupons.create(), null, "percent_off=5&redeem_by=" + (now + 60))).containsEntry("valid", true);
  }

  @Test
  void validIsComputedFromTheClock_noSweepNeeded() {
    long now = TestApp.START.getEpochSecond();
    post(coupons.create(), null, "id=SOON&percent_off=5&redeem_by=" + (now + 60));
    assertThat(get("SOON")).containsEntry("valid", true);
    test.clock.advance(Duration.ofSeconds(60));
    assertThat(get("SOON")).containsEntry("valid", false);
  }

  @Test
  void generatedIds_areEightAlphanumerics() {
    assertThat((String) post(coupons.create(), null, "percent_off=5").get("id")).matches("[A-Za-z0-9]{8}");
  }

  @Test
  void update_onlyNameMetadataAndCurrencyOptions() {
    post(coupons.create(), null, "id=U&percent_off=5");
    Map<String, Object> refused = post(coupons.update(), "U", "percent_off=10&duration=forever");
    assertThat(refused.toString()).contains("parameter_unknown").contains("percent_off, duration");
    assertThat(get("U")).containsEntry("percent_off", 5);
  }

  @Test
  void updateWithNothingToChange_returnsTheCoupon() {
    post(coupons.create(), null, "id=U2&percent_off=5&name=keep");
    assertThat(post(coupons.update(), "U2", "")).containsEntry("name", "keep");
  }

  @Test
  void deletedCoupons_are404_forRetrieveUpdateDelete() {
    post(coupons.create(), null, "id=D&percent_off=5");
    test.handle(coupons.delete(), TestApp.event("DELETE", "/v1/coupons/D", Map.of("coupon", "D"), null,
        TENANT));
    assertThat(get("D").toString()).contains("No such coupon: 'D'");
    assertThat(post(coupons.update(), "D", "name=x").toString()).contains("resource_missing");
    assertThat(test.handle(coupons.delete(), TestApp.event("DELETE", "/v1/coupons/D",
        Map.of("coupon", "D"), null, TENANT)).status()).isEqualTo(404);
  }
}
