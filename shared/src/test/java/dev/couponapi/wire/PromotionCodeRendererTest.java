package dev.couponapi.wire;

import dev.couponapi.api.ApiVersion;
import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.CouponDuration;
import dev.couponapi.domain.PromotionCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromotionCodeRendererTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Coupon COUPON = new Coupon("SUMMER", 1767225600L, new BigDecimal("15"), null, null, Map.of(),
      CouponDuration.ONCE, null, null, null, null, Map.of(), null, 2, null, false);
  private static final PromotionCode CODE = new PromotionCode("promo_1", "SUMMER15", "SUMMER", "rev", 1767225700L,
      null, null, 10L, 2, true, Map.of(), new PromotionCode.Restrictions(false, 1000L, "usd", Map.of("eur", 900L)),
      false);

  @Test
  void beforeClover_theCouponIsEmbedded() {
    String json = Json.writeString(PromotionCodeRenderer.render(CODE, COUPON, ApiVersion.parse("2025-03-31.basil"), NOW,
        Set.of()));
    assertThat(json).isEqualTo("{\"id\":\"promo_1\",\"object\":\"promotion_code\",\"active\":true,\"code\":\"SUMMER15\","
        + "\"coupon\":" + Json.writeString(CouponRenderer.render(COUPON, NOW, Set.of())) + ","
        + "\"created\":1767225700,\"customer\":null,\"customer_account\":null,\"expires_at\":null,\"livemode\":false,"
        + "\"max_redemptions\":10,\"metadata\":{},\"restrictions\":{\"first_time_transaction\":false,"
        + "\"minimum_amount\":1000,\"minimum_amount_currency\":\"usd\"},\"times_redeemed\":2}");
  }

  @Test
  void fromClover_promotionNamesTheCoupon() {
    String json = Json.writeString(PromotionCodeRenderer.render(CODE, COUPON, ApiVersion.parse("2025-09-30.clover"),
        NOW, Set.of()));
    assertThat(json).contains("\"metadata\":{},\"promotion\":{\"coupon\":\"SUMMER\",\"type\":\"coupon\"},"
        + "\"restrictions\":").doesNotContain("\"coupon\":{");
  }

  @Test
  void expansions_inEachShape() {
    String clover = Json.writeString(PromotionCodeRenderer.render(CODE, COUPON, ApiVersion.parse("2026-09-30.endive"),
        NOW, Set.of("promotion.coupon", "restrictions.currency_options")));
    assertThat(clover).contains("\"promotion\":{\"coupon\":{\"id\":\"SUMMER\",\"object\":\"coupon\"")
        .contains("\"currency_options\":{\"eur\":{\"minimum_amount\":900}},\"first_time_transaction\":false");
  }
}
