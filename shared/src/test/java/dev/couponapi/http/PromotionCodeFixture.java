package dev.couponapi.http;

import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.Requests;
import dev.couponapi.testing.TestApp;
import java.util.Map;

/** Promotion-code tests' setup: two coupons, and requests through the pipeline in a chosen version. */
final class PromotionCodeFixture {

  static final Tenant TENANT = new Tenant("acct_promo", false);
  static final String ACACIA = "2025-02-24.acacia";
  static final String CLOVER = "2025-09-30.clover";

  final TestApp test = new TestApp();
  final PromotionCodeOperations codes = test.app.promotionCodes();
  final CouponOperations coupons = test.app.coupons();

  PromotionCodeFixture() {
    long now = TestApp.START.getEpochSecond();
    send(coupons.create(), "/v1/coupons", "id=TEN&percent_off=10", CLOVER);
    send(coupons.create(), "/v1/coupons",
        "id=LIMITED&percent_off=20&max_redemptions=5&redeem_by=" + (now + 3600), CLOVER);
  }

  /** A request routed by the operation's declaration; a GET's {@code body} is its query string. */
  ApiResponse send(Operation operation, String path, String body, String version) {
    boolean query = operation.method().equals("GET") && body != null;
    Map<String, Object> event = Requests.event(operation, query ? path + "?" + body : path, query ? null : body,
        TENANT);
    event.put("headers", Map.of("Content-Type", "application/x-www-form-urlencoded", "Stripe-Version", version));
    return test.handle(operation, event);
  }

  Map<String, Object> create(String body, String version) {
    return TestApp.body(send(codes.create(), "/v1/promotion_codes", body, version));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> error(Map<String, Object> body) {
    return (Map<String, Object>) body.get("error");
  }

}
