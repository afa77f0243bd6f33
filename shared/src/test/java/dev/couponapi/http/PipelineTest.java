package dev.couponapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.TestApp;
import dev.couponapi.api.ApiVersion;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineTest {

  private static final Tenant TENANT = new Tenant("acct_pipe", false);

  private final TestApp test = new TestApp();
  private final CouponResource coupons = test.app.resource(CouponResource.class);

  @Test
  void everyResponseHasARequestId_andTheResolvedVersion() {
    ApiResponse ok = test.handle(coupons.list(), TestApp.event("GET", "/v1/coupons", null, null, TENANT));
    ApiResponse error = test.handle(coupons.retrieve(), TestApp.event("GET", "/v1/coupons/x", Map.of("coupon", "x"),
        null,
        TENANT));
    assertThat(ok.headers().get("Request-Id")).matches("req_[A-Za-z0-9]{14}");
    assertThat(error.headers().get("Request-Id")).matches("req_[A-Za-z0-9]{14}").isNotEqualTo(ok.headers()
        .get("Request-Id"));
    assertThat(ok.headers()).containsEntry("Stripe-Version", ApiVersion.FALLBACK)
        .containsEntry("Content-Type", "application/json");
  }

  @Test
  void stripeVersionHeader_isValidatedAndEchoed() {
    Map<String, Object> event = TestApp.event("GET", "/v1/coupons", null, null, TENANT);
    event.put("headers", Map.of("stripe-version", "2024-06-20"));
    assertThat(test.handle(coupons.list(), event).headers()).containsEntry("Stripe-Version", "2024-06-20");
    event.put("headers", Map.of("Stripe-Version", "yesterday"));
    ApiResponse bad = test.handle(coupons.list(), event);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(TestApp.body(bad).toString()).contains("Invalid Stripe API version: yesterday");
  }

  @Test
  void withoutAnAuthorizerContext_401() {
    ApiResponse response = test.handle(coupons.list(), TestApp.event("GET", "/v1/coupons", null, null, null));
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.headers()).containsEntry("WWW-Authenticate", "Basic realm=\"Stripe\"");
  }

  @Test
  void jsonBodies_areRefused() {
    Map<String, Object> event = TestApp.event("POST", "/v1/coupons", null, "{\"percent_off\":10}", TENANT);
    event.put("headers", Map.of("Content-Type", "application/json"));
    ApiResponse response = test.handle(coupons.create(), event);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyText()).contains("form-encoded");
  }

  @Test
  void base64Bodies_areDecoded() {
    Map<String, Object> event = TestApp.event("POST", "/v1/coupons", null,
        java.util.Base64.getEncoder().encodeToString("percent_off=12".getBytes()), TENANT);
    event.put("isBase64Encoded", true);
    assertThat(test.handle(coupons.create(), event).bodyText()).contains("\"percent_off\":12");
  }

  @Test
  void unexpectedFailure_is500ApiError_andIsLogged() {
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    Pipeline pipeline = new Pipeline(ApiVersion.parse(ApiVersion.FALLBACK), test.clock,
        new Idempotency(new dev.couponapi.store.IdempotencyStore(test.dynamo, test.table), test.clock),
        new dev.couponapi.service.Events(new dev.couponapi.store.EventStore(test.dynamo, test.table,
            new dev.couponapi.store.EventSnapshots())),
        new RequestLog(new PrintStream(logged)));
    Operation broken = Operation.get("BrokenFunction", "/x", "broken").run(call -> {
      throw new IllegalStateException("boom");
    });
    ApiResponse response = pipeline.handle(broken, TestApp.event("GET", "/x", null, null, TENANT));
    assertThat(response.status()).isEqualTo(500);
    assertThat(TestApp.body(response).toString()).contains("type=api_error");
    assertThat(logged.toString()).contains("\"error\":\"java.lang.IllegalStateException\"").contains("\"status\":500");
  }

  @Test
  void expand_onlyDeclaredPaths() {
    Map<String, Object> event = TestApp.event("GET", "/v1/coupons", null, null, TENANT);
    event.put("multiValueQueryStringParameters", Map.of("expand[]", java.util.List.of("data.customer")));
    ApiResponse response = test.handle(coupons.list(), event);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyText()).contains("This property cannot be expanded (data.customer).")
        .contains("\"param\":\"expand\"");
  }
}
