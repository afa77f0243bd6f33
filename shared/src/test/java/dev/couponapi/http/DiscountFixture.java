package dev.couponapi.http;

import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.Requests;
import dev.couponapi.testing.TestApp;
import java.util.LinkedHashMap;
import java.util.Map;

/** Discount tests' setup: coupons and customers made through the pipeline, requests in a chosen version. */
final class DiscountFixture {

  static final Tenant TENANT = new Tenant("acct_disc", false);
  static final String ACACIA = "2025-02-24.acacia";
  static final String BASIL = "2025-03-31.basil";
  static final String CLOVER = "2025-09-30.clover";
  static final String ITEM = "items[0][price_data][currency]=usd&items[0][price_data][product]=prod_A"
      + "&items[0][price_data][unit_amount]=2000&items[0][price_data][recurring][interval]=month";

  final TestApp test;
  final CouponOperations coupons;
  final PromotionCodeOperations codes;
  final CustomerOperations customers;
  final SubscriptionOperations subscriptions;

  DiscountFixture() {
    this(new TestApp());
  }

  DiscountFixture(TestApp test) {
    this.test = test;
    this.coupons = test.app.coupons();
    this.codes = test.app.promotionCodes();
    this.customers = test.app.customers();
    this.subscriptions = test.app.subscriptions();
  }

  ApiResponse send(Operation operation, String path, String body, String version, String... headers) {
    Map<String, Object> event = Requests.event(operation, path, body, TENANT);
    Map<String, String> headerMap = new LinkedHashMap<>();
    headerMap.put("Content-Type", "application/x-www-form-urlencoded");
    headerMap.put("Stripe-Version", version);
    for (int i = 0; i < headers.length; i += 2) {
      headerMap.put(headers[i], headers[i + 1]);
    }
    event.put("headers", headerMap);
    return test.handle(operation, event);
  }

  Map<String, Object> post(Operation operation, String path, String body, String version, String... headers) {
    return TestApp.body(send(operation, path, body, version, headers));
  }

  Map<String, Object> get(Operation operation, String path, String version) {
    return TestApp.body(send(operation, path, null, version));
  }

  Map<String, Object> delete(Operation operation, String path, String version) {
    return TestApp.body(send(operation, path, null, version));
  }

  String coupon(String body) {
    return (String) post(coupons.create(), "/v1/coupons", body, CLOVER).get("id");
  }

  String customer(String body) {
    return (String) post(customers.create(), "/v1/customers", body, CLOVER).get("id");
  }

  long timesRedeemed(String couponId) {
    return ((Number) get(coupons.retrieve(), "/v1/coupons/" + couponId, CLOVER).get("times_redeemed"))
        .longValue();
  }

  /** The events of {@code GET /v1/events} with this query string ("" or "?…"). */
  @SuppressWarnings("unchecked")
  java.util.List<Map<String, Object>> events(String query) {
    return (java.util.List<Map<String, Object>>) get(test.app.events().list(), "/v1/events" + query, CLOVER)
        .get("data");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> eventData(Map<String, Object> event) {
    return (Map<String, Object>) event.get("data");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> eventObject(Map<String, Object> event) {
    return (Map<String, Object>) eventData(event).get("object");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> error(Map<String, Object> body) {
    return (Map<String, Object>) body.get("error");
  }
}
