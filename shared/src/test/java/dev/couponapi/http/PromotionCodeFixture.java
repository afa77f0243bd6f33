package dev.couponapi.http;

import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.TestClient;
import dev.couponapi.testing.TestApp;
import java.util.Map;

/** Promotion-code tests' setup: two coupons, and requests through the pipeline in a chosen version. */
final class PromotionCodeFixture {

  static final Tenant TENANT = new Tenant("acct_promo", false);
  static final String ACACIA = "2025-02-24.acacia";
  static final String CLOVER = "2025-09-30.clover";

  final TestApp test = new TestApp();
  final TestClient client = test.client(TENANT);

  PromotionCodeFixture() {
    long now = TestApp.START.getEpochSecond();
    client.version(CLOVER).post("/v1/coupons", "id=TEN&percent_off=10");
    client.version(CLOVER).post("/v1/coupons", "id=LIMITED&percent_off=20&max_redemptions=5&redeem_by=" + (now + 3600));
  }

  Map<String, Object> create(String body, String version) {
    return TestApp.body(client.version(version).post("/v1/promotion_codes", body));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> error(Map<String, Object> body) {
    return (Map<String, Object>) body.get("error");
  }

}
