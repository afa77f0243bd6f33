package dev.couponapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.TestApp;
import dev.couponapi.testing.TestClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Promotion-code rules (docs/api.md §3) through the pipeline, in the shapes a client gets. */
class PromotionCodeRulesTest {

  private final PromotionCodeFixture fixture = new PromotionCodeFixture();
  private final TestApp test = fixture.test;
  private final TestClient client = fixture.client;
  private static final Tenant TENANT = PromotionCodeFixture.TENANT;
  private static final String ACACIA = PromotionCodeFixture.ACACIA;
  private static final String CLOVER = PromotionCodeFixture.CLOVER;

  private Map<String, Object> create(String body, String version) {
    return fixture.create(body, version);
  }

  private static Map<String, Object> error(Map<String, Object> body) {
    return PromotionCodeFixture.error(body);
  }

  @Test
  void aGeneratedCode_isEightUpperCaseLettersOrDigits() {
    Map<String, Object> created = create("coupon=TEN", ACACIA);
    assertThat((String) created.get("code")).matches("[A-Z0-9]{8}");
    assertThat((String) created.get("id")).matches("promo_[A-Za-z0-9]{24}");
    assertThat(created).containsEntry("active", true).containsEntry("times_redeemed", 0);
  }

  @Test
  void theCouponMustExist_andBeValid_reportedUnderTheParameterUsed() {
    assertThat(error(create("coupon=NOPE", ACACIA))).containsEntry("code", "resource_missing")
        .containsEntry("param", "coupon");
    assertThat(error(create("promotion[type]=coupon&promotion[coupon]=NOPE", CLOVER)))
        .containsEntry("param", "promotion[coupon]");
    test.clock.advance(Duration.ofHours(2));
    assertThat(error(create("coupon=LIMITED", ACACIA))).containsEntry("code", "coupon_expired");
  }

  @Test
  void theCustomerMustExist() {
    assertThat(error(create("coupon=TEN&customer=cus_missing", ACACIA))).containsEntry("code", "resource_missing")
        .containsEntry("param", "customer");
    test.seedCustomer(TENANT, "cus_known");
    assertThat(create("coupon=TEN&customer=cus_known", ACACIA)).containsEntry("customer", "cus_known");
  }

  @Test
  void expiresAt_inTheFuture_notAfterRedeemBy_andMaxRedemptions_notAboveTheCoupons() {
    long now = TestApp.START.getEpochSecond();
    assertThat(error(create("coupon=TEN&expires_at=" + now, ACACIA))).containsEntry("param", "expires_at");
    assertThat(error(create("coupon=LIMITED&expires_at=" + (now + 7200), ACACIA))).containsEntry("param", "expires_at");
    assertThat(error(create("coupon=LIMITED&max_redemptions=6", ACACIA))).containsEntry("param", "max_redemptions");
    assertThat(create("coupon=LIMITED&expires_at=" + (now + 60) + "&max_redemptions=5", ACACIA))
        .containsEntry("max_redemptions", 5);
  }

  @Test
  void aTakenCode_isRefusedUnderCode_evenInAnotherCase() {
    create("coupon=TEN&code=WELCOME", ACACIA);
    assertThat(error(create("coupon=LIMITED&code=welcome", ACACIA))).containsEntry("param", "code")
        .containsEntry("type", "invalid_request_error");
  }

  @Test
  void deletingTheCoupon_rendersItsCodesInactive() {
    String id = (String) create("coupon=TEN&code=GONE", ACACIA).get("id");
    client.version(CLOVER).delete("/v1/coupons/TEN");
    Map<String, Object> code = TestApp.body(client.version(ACACIA).get("/v1/promotion_codes/" + id));
    assertThat(code).containsEntry("active", false);
    assertThat(code.get("coupon").toString()).contains("valid=false").contains("id=TEN");
  }

  @Test
  void reactivation_isRefusedOnceTheCodeExpired() {
    long now = TestApp.START.getEpochSecond();
    String id = (String) create("coupon=TEN&code=SHORT&expires_at=" + (now + 60), ACACIA).get("id");
    client.version(ACACIA).post("/v1/promotion_codes/" + id, "active=false");
    test.clock.advance(Duration.ofMinutes(2));
    Map<String, Object> refused = TestApp.body(client.version(ACACIA).post("/v1/promotion_codes/" + id, "active=true"));
    assertThat(error(refused)).containsEntry("param", "active");
  }

  @Test
  void update_mergesMetadata_andAddsCurrencyOptions() {
    String id = (String) create("coupon=TEN&metadata[a]=1&restrictions[minimum_amount]=100"
        + "&restrictions[minimum_amount_currency]=usd", ACACIA).get("id");
    Map<String, Object> updated = TestApp.body(client.version(ACACIA).post("/v1/promotion_codes/" + id,
        "metadata[a]=&metadata[b]=2&restrictions[currency_options][eur][minimum_amount]=90"
            + "&expand[]=restrictions.currency_options"));
    assertThat(updated.get("metadata")).isEqualTo(Map.of("b", "2"));
    assertThat(((Map<?, ?>) updated.get("restrictions")).get("currency_options"))
        .isEqualTo(Map.of("eur", Map.of("minimum_amount", 90)));
    Map<String, Object> repeated = TestApp.body(client.version(ACACIA).post("/v1/promotion_codes/" + id,
        "restrictions[currency_options][usd][minimum_amount]=90"));
    assertThat(error(repeated)).containsEntry("param", "restrictions[currency_options]");
  }

  @SuppressWarnings("unchecked")
  List<String> codesOf(String query) {
    Map<String, Object> list = TestApp.body(client.version(ACACIA).send("GET", "/v1/promotion_codes", query));
    return ((List<Map<String, Object>>) list.get("data")).stream().map(code -> (String) code.get("code")).toList();
  }

  @Test
  void listFilters_code_coupon_customer_active_created() {
    test.seedCustomer(TENANT, "cus_1");
    create("coupon=TEN&code=ALPHA", ACACIA);
    create("coupon=LIMITED&code=BRAVO", ACACIA);
    create("coupon=TEN&code=CHARLIE&customer=cus_1", ACACIA);
    create("coupon=TEN&code=DELTA&active=false", ACACIA);
    assertThat(codesOf("limit=10")).containsExactly("DELTA", "CHARLIE", "BRAVO", "ALPHA");
    assertThat(codesOf("code=alpha")).containsExactly("ALPHA");
    assertThat(codesOf("coupon=TEN")).containsExactly("DELTA", "CHARLIE", "ALPHA");
    assertThat(codesOf("customer=cus_1")).containsExactly("CHARLIE");
    assertThat(codesOf("active=false")).containsExactly("DELTA");
    assertThat(codesOf("active=true&coupon=TEN")).containsExactly("CHARLIE", "ALPHA");
    assertThat(codesOf("created=" + TestApp.START.getEpochSecond() + "&limit=2")).containsExactly("DELTA", "CHARLIE");
    // a code whose coupon is no longer valid is not active, whatever its flag
    test.clock.advance(Duration.ofHours(2));
    assertThat(codesOf("active=true")).containsExactly("CHARLIE", "ALPHA");
  }

  @Test
  void list_paginatesWithCursors() {
    for (int i = 0; i < 5; i++) {
      create("coupon=TEN&code=PAGE" + i, ACACIA);
    }
    Map<String, Object> first = TestApp.body(client.version(ACACIA).send("GET", "/v1/promotion_codes", "limit=2"));
    assertThat(first).containsEntry("has_more", true).containsEntry("url", "/v1/promotion_codes");
    @SuppressWarnings("unchecked")
    String last = (String) ((List<Map<String, Object>>) first.get("data")).get(1).get("id");
    assertThat(codesOf("limit=2&starting_after=" + last)).containsExactly("PAGE2", "PAGE1");
    assertThat(error(TestApp.body(client.version(ACACIA).send("GET", "/v1/promotion_codes",
        "starting_after=promo_nope")))).containsEntry("param", "starting_after");
  }
}
