package dev.couponapi.http;

import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.TestClient;
import dev.couponapi.testing.TestApp;
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
  /** The tenant's client; a test says the version of each request. */
  final TestClient client;

  DiscountFixture() {
    this(new TestApp());
  }

  DiscountFixture(TestApp test) {
    this.test = test;
    this.client = test.client(TENANT);
  }

  String coupon(String body) {
    return (String) TestApp.body(client.version(CLOVER).post("/v1/coupons", body)).get("id");
  }

  String customer(String body) {
    return (String) TestApp.body(client.version(CLOVER).post("/v1/customers", body)).get("id");
  }

  long timesRedeemed(String couponId) {
    return ((Number) TestApp.body(client.version(CLOVER).get("/v1/coupons/" + couponId)).get("times_redeemed")).longValue();
  }

  /** The events of {@code GET /v1/events} with this query string ("" or "?…"). */
  @SuppressWarnings("unchecked")
  java.util.List<Map<String, Object>> events(String query) {
    return (java.util.List<Map<String, Object>>) TestApp.body(client.version(CLOVER).get("/v1/events" + query))
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
