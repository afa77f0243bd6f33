package dev.couponapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.TestApp;
import dev.couponapi.testing.TestClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Coupon rules that need the clock or the store, seen through the pipeline as a client sees them. */
class CouponServiceRulesTest {

  private static final Tenant TENANT = new Tenant("acct_rules", false);

  private final TestApp test = new TestApp();
  private final TestClient client = test.client(TENANT);

  @Test
  void redeemBy_mustBeFuture_andAtMostFiveYearsAhead() {
    long now = TestApp.START.getEpochSecond();
    assertThat(TestApp.body(client.post("/v1/coupons", "percent_off=5&redeem_by=" + now)).toString())
        .contains("param=redeem_by");
    assertThat(TestApp.body(client.post("/v1/coupons", "percent_off=5&redeem_by=" + (now + 6L * 366 * 86400)))
        .toString()).contains("at most 5 years");
    assertThat(TestApp.body(client.post("/v1/coupons", "percent_off=5&redeem_by=" + (now + 60))))
        .containsEntry("valid", true);
  }

  @Test
  void validIsComputedFromTheClock_noSweepNeeded() {
    long now = TestApp.START.getEpochSecond();
    client.post("/v1/coupons", "id=SOON&percent_off=5&redeem_by=" + (now + 60));
    assertThat(TestApp.body(client.get("/v1/coupons/SOON"))).containsEntry("valid", true);
    test.clock.advance(Duration.ofSeconds(60));
    assertThat(TestApp.body(client.get("/v1/coupons/SOON"))).containsEntry("valid", false);
  }

  @Test
  void generatedIds_areEightAlphanumerics() {
    assertThat((String) TestApp.body(client.post("/v1/coupons", "percent_off=5")).get("id")).matches("[A-Za-z0-9]{8}");
  }

  @Test
  void update_onlyNameMetadataAndCurrencyOptions() {
    client.post("/v1/coupons", "id=U&percent_off=5");
    Map<String, Object> refused = TestApp.body(client.post("/v1/coupons/U", "percent_off=10&duration=forever"));
    assertThat(refused.toString()).contains("parameter_unknown").contains("percent_off, duration");
    assertThat(TestApp.body(client.get("/v1/coupons/U"))).containsEntry("percent_off", 5);
  }

  @Test
  void updateWithNothingToChange_returnsTheCoupon() {
    client.post("/v1/coupons", "id=U2&percent_off=5&name=keep");
    assertThat(TestApp.body(client.post("/v1/coupons/U2", ""))).containsEntry("name", "keep");
  }

  @Test
  void deletedCoupons_are404_forRetrieveUpdateDelete() {
    client.post("/v1/coupons", "id=D&percent_off=5");
    client.delete("/v1/coupons/D");
    assertThat(TestApp.body(client.get("/v1/coupons/D")).toString()).contains("No such coupon: 'D'");
    assertThat(TestApp.body(client.post("/v1/coupons/D", "name=x")).toString()).contains("resource_missing");
    assertThat(client.delete("/v1/coupons/D").status()).isEqualTo(404);
  }
}
