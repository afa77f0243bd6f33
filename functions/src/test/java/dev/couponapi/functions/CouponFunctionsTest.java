package dev.couponapi.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.couponapi.domain.Tenant;
import dev.couponapi.functions.CouponFunctions.CreateCoupon;
import dev.couponapi.functions.CouponFunctions.DeleteCoupon;
import dev.couponapi.functions.CouponFunctions.ListCoupons;
import dev.couponapi.functions.CouponFunctions.RetrieveCoupon;
import dev.couponapi.functions.CouponFunctions.UpdateCoupon;
import dev.couponapi.testing.TestApp;
import dev.couponapi.wire.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each handler class through Lambda's stream interface, against DynamoDB Local. */
class CouponFunctionsTest {

  private static final Tenant TENANT = new Tenant("acct_fn", false);

  private final TestApp test = new TestApp();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> invoke(RequestStreamHandler handler, Map<String, Object> event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(Json.write(event)), out, null);
    return Json.readObject(out.toString(StandardCharsets.UTF_8));
  }

  private static Map<String, Object> body(Map<String, Object> response) {
    return Json.readObject((String) response.get("body"));
  }

  @Test
  void theCouponLifecycle_throughEachFunction() throws IOException {
    Map<String, Object> created = invoke(new CreateCoupon(test.app),
        TestApp.event("POST", "/v1/coupons", null, "id=FN10&percent_off=10&metadata[a]=1", TENANT));
    assertThat(created.get("statusCode")).isEqualTo(200);
    assertThat(body(created)).containsEntry("id", "FN10").containsEntry("percent_off", 10);

    Map<String, Object> retrieved = invoke(new RetrieveCoupon(test.app),
        TestApp.event("GET", "/v1/coupons/FN10", Map.of("coupon", "FN10"), null, TENANT));
    assertThat(body(retrieved)).containsEntry("metadata", Map.of("a", "1"));

    Map<String, Object> updated = invoke(new UpdateCoupon(test.app),
        TestApp.event("POST", "/v1/coupons/FN10", Map.of("coupon", "FN10"), "name=Ten", TENANT));
    assertThat(body(updated)).containsEntry("name", "Ten");

    Map<String, Object> listed = invoke(new ListCoupons(test.app), TestApp.event("GET", "/v1/coupons", null, null, TENANT));
    assertThat((List<?>) body(listed).get("data")).hasSize(1);

    Map<String, Object> deleted = invoke(new DeleteCoupon(test.app),
        TestApp.event("DELETE", "/v1/coupons/FN10", Map.of("coupon", "FN10"), null, TENANT));
    assertThat(body(deleted)).isEqualTo(Map.of("id", "FN10", "object", "coupon", "deleted", true));
  }

  @Test
  void aFunctionAnswersOnlyItsOwnMethod() throws IOException {
    Map<String, Object> response = invoke(new CreateCoupon(test.app),
        TestApp.event("GET", "/v1/coupons", null, null, TENANT));
    assertThat(response.get("statusCode")).isEqualTo(404);
  }

  @Test
  void anUnreadableEvent_isAnsweredNotThrown() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new RetrieveCoupon(test.app).handleRequest(new ByteArrayInputStream("not json".getBytes()), out, null);
    assertThat(Json.readObject(out.toString(StandardCharsets.UTF_8)).get("statusCode")).isEqualTo(404);
  }

  @Test
  void unrecognizedRoute_isStripes404() throws IOException {
    Map<String, Object> response = invoke(new UnrecognizedRoute(test.app),
        TestApp.event("GET", "/v1/nothing", null, null, TENANT));
    assertThat(response.get("statusCode")).isEqualTo(404);
    assertThat((String) ((Map<?, ?>) body(response).get("error")).get("message"))
        .startsWith("Unrecognized request URL (GET: /v1/nothing).");
  }
}
