package dev.couponapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What API Gateway itself answers, from the Gateway Responses of template.yaml, and its routing. */
class LocalGatewayTest {

  private final LocalApi api = new LocalApi();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void noKey_401WithStripesMessageAndWwwAuthenticate() {
    HttpResponse<String> response = api.send("GET", "/v1/coupons", null, null);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Stripe\"");
    assertThat(response.body()).startsWith("{\"error\":{\"message\":\"You did not provide an API key.");
  }

  /** The dashboard's routes have no authorizer: the page loads without a key, the API it calls still needs one. */
  @Test
  void theDashboard_loadsWithoutAKey_andItsStrictPolicyComesWithIt() {
    HttpResponse<String> page = api.send("GET", "/dashboard/", null, null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'none'");
    assertThat(page.body()).contains("dashboard.js");
    HttpResponse<String> bare = api.send("GET", "/dashboard", null, null);
    assertThat(bare.statusCode()).isEqualTo(301);
    assertThat(bare.headers().firstValue("Location")).hasValue("dashboard/");
    assertThat(api.send("GET", "/dashboard/nothing.js", null, null).statusCode()).isEqualTo(404);
    assertThat(api.send("GET", "/v1/coupons", null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void unknownKey_401WithTheMaskedKey() {
    HttpResponse<String> response = api.send("GET", "/v1/coupons", "sk_test_00000000000000000000abcd", null);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"error\":{\"message\":\"Invalid API Key provided: "
        + "sk_test_********************abcd\",\"type\":\"invalid_request_error\"}}");
  }

  @Test
  void basicAuth_keyAsUserName_works() {
    String key = api.keyFor(new Tenant("acct_basic", false));
    String basic = Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = api.send("GET", "/v1/coupons", null, null, "Authorization", "Basic " + basic);
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void publishableKey_401SecretKeyRequired() {
    HttpResponse<String> response = api.send("GET", "/v1/coupons", "pk_test_00000000000000000000abcd", null);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("\"code\":\"secret_key_required\"");
  }

  @Test
  void unknownMethodOnAKnownPath_isStripes404_beforeAuthentication() {
    HttpResponse<String> response = api.send("PUT", "/v1/coupons", null, null);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("Unrecognized request URL (PUT: /v1/coupons).");
  }

  @Test
  void unknownPath_goesToTheCatchAllFunction_afterAuthentication() {
    String key = api.keyFor(new Tenant("acct_paths", false));
    assertThat(api.send("GET", "/v1/whatever", null, null).statusCode()).isEqualTo(401);
    HttpResponse<String> response = api.send("GET", "/v1/whatever", key, null);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Request-Id")).get().asString().startsWith("req_");
  }

  @Test
  void payloadOverTenMegabytes_413() {
    String key = api.keyFor(new Tenant("acct_big", false));
    HttpResponse<String> response = api.send("POST", "/v1/coupons", key, "x".repeat(LocalGateway.MAX_PAYLOAD + 1));
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("\"type\":\"invalid_request_error\"");
  }

  @Test
  void routing_mostSpecificResourceWins() {
    RouteTable routes = new RouteTable(LocalApi.template().routes());
    assertThat(routes.match("GET", List.of("v1", "coupons", "X"))).get()
        .satisfies(match -> {
          assertThat(match.route().functionId()).isEqualTo("RetrieveCouponFunction");
          assertThat(match.pathParameters()).containsEntry("coupon", "X");
        });
    assertThat(routes.match("GET", List.of("v1", "coupons"))).get()
        .extracting(match -> match.route().functionId()).isEqualTo("ListCouponsFunction");
    assertThat(routes.match("GET", List.of("v1", "other", "x"))).get()
        .extracting(match -> match.route().functionId()).isEqualTo("UnrecognizedRouteFunction");
    assertThat(routes.match("PATCH", List.of("v1", "coupons", "X"))).isEmpty();
  }
}
