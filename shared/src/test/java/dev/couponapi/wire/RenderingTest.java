package dev.couponapi.wire;

import dev.couponapi.api.Errors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.CouponDuration;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RenderingTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static Coupon percent(String percent) {
    return new Coupon("SPRING25", 1767225600L, new BigDecimal(percent), null, null, Map.of(), CouponDuration.REPEATING,
        3, null, null, "Spring 25%", Map.of("b", "2", "a", "1"), List.of("prod_A"), 0, null, false);
  }

  @Test
  void couponMatchesTheSpecExample_keyOrderAndNumbers() {
    Coupon coupon = new Coupon("SPRING25", 1767225600L, new BigDecimal("25.50"), null, null, Map.of(),
        CouponDuration.REPEATING, 3, null, null, "Spring 25%", Map.of(), null, 0, null, false);
    assertThat(Json.writeString(CouponRenderer.render(coupon, NOW, Set.of()))).isEqualTo(
        "{\"id\":\"SPRING25\",\"object\":\"coupon\",\"amount_off\":null,\"created\":1767225600,\"currency\":null,"
            + "\"duration\":\"repeating\",\"duration_in_months\":3,\"livemode\":false,\"max_redemptions\":null,"
            + "\"metadata\":{},\"name\":\"Spring 25%\",\"percent_off\":25.5,\"redeem_by\":null,\"times_redeemed\":0,"
            + "\"valid\":true}");
  }

  @Test
  void wholePercentsHaveNoTrailingZero_andNoExponent() {
    assertThat(Json.writeString(CouponRenderer.render(percent("10.00"), NOW, Set.of()))).contains("\"percent_off\":10,");
    assertThat(Json.writeString(CouponRenderer.render(percent("100"), NOW, Set.of()))).contains("\"percent_off\":100,");
  }

  @Test
  void includableFieldsOnlyWhenExpanded_metadataAlphabetical() {
    String plain = Json.writeString(CouponRenderer.render(percent("5"), NOW, Set.of()));
    assertThat(plain).doesNotContain("applies_to").contains("\"metadata\":{\"a\":\"1\",\"b\":\"2\"}");
    String expanded = Json.writeString(CouponRenderer.render(percent("5"), NOW, Set.of("applies_to")));
    assertThat(expanded).contains("\"applies_to\":{\"products\":[\"prod_A\"]},\"created\"");
  }

  @Test
  void currencyOptionsIncludeTheCouponsOwnCurrency() {
    Coupon amount = new Coupon("A", 1L, null, 500L, "usd", Map.of("eur", 450L), CouponDuration.ONCE, null, null, null,
        null, Map.of(), null, 0, null, true);
    assertThat(Json.writeString(CouponRenderer.render(amount, NOW, Set.of("currency_options"))))
        .contains("\"currency_options\":{\"eur\":{\"amount_off\":450},\"usd\":{\"amount_off\":500}}")
        .contains("\"livemode\":true");
  }

  @Test
  void deletedStub() {
    assertThat(Json.writeString(CouponRenderer.renderDeleted("X"))).isEqualTo(
        "{\"id\":\"X\",\"object\":\"coupon\",\"deleted\":true}");
  }

  @Test
  void errorKeysInAlphabeticalOrder_withDocUrl() {
    String error = Json.writeString(ErrorRenderer.render(Errors.noSuch("coupon", "X", "id", 404)));
    assertThat(error).isEqualTo("{\"error\":{\"code\":\"resource_missing\","
        + "\"doc_url\":\"https://stripe.com/docs/error-codes/resource-missing\",\"message\":\"No such coupon: 'X'\","
        + "\"param\":\"id\",\"type\":\"invalid_request_error\"}}");
  }

  @Test
  void listEnvelopeOrder() {
    assertThat(Json.writeString(ListParams.envelope(List.of(), false, "/v1/coupons", x -> x)))
        .isEqualTo("{\"object\":\"list\",\"data\":[],\"has_more\":false,\"url\":\"/v1/coupons\"}");
  }
}
