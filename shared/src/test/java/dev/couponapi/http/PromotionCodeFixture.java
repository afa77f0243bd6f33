package dev.couponapi.http;

import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.TestApp;
import java.util.List;
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
    send(coupons.create(), "POST", "/v1/coupons", null, "id=TEN&percent_off=10", CLOVER);
    send(coupons.create(), "POST", "/v1/coupons", null,
        "id=LIMITED&percent_off=20&max_redemptions=5&redeem_by=" + (now + 3600), CLOVER);
  }

  ApiResponse send(Operation operation, String method, String path, String id, String body, String version) {
    Map<String, Object> event = TestApp.event(method, path, id == null ? null : Map.of("promotion_code", id,
        "coupon", id), body, TENANT);
    if (method.equals("GET") && body != null) {
      event.put("body", null);
      Map<String, List<String>> query = new java.util.LinkedHashMap<>();
      for (String pair : body.split("&")) {
        String[] parts = pair.split("=", 2);
        query.computeIfAbsent(parts[0], key -> new java.util.ArrayList<>()).add(parts.length > 1 ? parts[1] : "");
      }
      event.put("multiValueQueryStringParameters", query);
    }
    event.put("headers", Map.of("Content-Type", "application/x-www-form-urlencoded", "Stripe-Version", version));
    return test.app.pipeline().handle(operation, event);
  }

  Map<String, Object> create(String body, String version) {
    return TestApp.body(send(codes.create(), "POST", "/v1/promotion_codes", null, body, version));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> error(Map<String, Object> body) {
    return (Map<String, Object>) body.get("error");
  }

}
