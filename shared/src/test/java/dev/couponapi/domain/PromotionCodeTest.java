package dev.couponapi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromotionCodeTest {

  private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

  private static Coupon coupon(Long redeemBy, Long maxRedemptions, long timesRedeemed, Long deletedAt) {
    return new Coupon("C", 0, BigDecimal.TEN, null, null, Map.of(), CouponDuration.ONCE, null, maxRedemptions,
        redeemBy, null, Map.of(), null, timesRedeemed, deletedAt, false);
  }

  private static PromotionCode code(boolean active, Long expiresAt, Long maxRedemptions, long timesRedeemed) {
    return new PromotionCode("promo_1", "Summer-25", "C", "rev", 0, null, expiresAt, maxRedemptions, timesRedeemed,
        active, Map.of(), PromotionCode.Restrictions.NONE, false);
  }

  @Test
  void active_isTheFlag_andOnlyWhileTheCouponIsValid() {
    assertThat(code(true, null, null, 0).active(coupon(null, null, 0, null), NOW)).isTrue();
    assertThat(code(false, null, null, 0).active(coupon(null, null, 0, null), NOW)).isFalse();
    assertThat(code(true, null, null, 0).active(coupon(null, null, 0, 1L), NOW)).as("deleted coupon").isFalse();
    assertThat(code(true, null, null, 0).active(coupon(NOW.getEpochSecond(), null, 0, null), NOW))
        .as("coupon past redeem_by").isFalse();
    assertThat(code(true, null, null, 0).active(coupon(null, 5L, 5, null), NOW)).as("coupon used up").isFalse();
  }

  @Test
  void codesCompareWithoutCase() {
    assertThat(code(true, null, null, 0).normalizedCode()).isEqualTo("summer-25");
  }

  @Test
  void expiry_andExhaustion_areTheirOwn() {
    long at = NOW.getEpochSecond();
    assertThat(code(true, at + 1, null, 0).expired(NOW)).isFalse();
    assertThat(code(true, at, null, 0).expired(NOW)).isTrue();
    assertThat(code(true, null, 3L, 2).exhausted()).isFalse();
    assertThat(code(true, null, 3L, 3).exhausted()).isTrue();
  }

  @Test
  void reactivation_needsAValidCoupon_andANeitherExpiredNorUsedUpCode() {
    Coupon valid = coupon(null, null, 0, null);
    assertThat(code(false, null, null, 0).reactivationRefusal(valid, NOW)).isNull();
    assertThat(code(false, null, null, 0).reactivationRefusal(coupon(null, null, 0, 1L), NOW)).contains("coupon");
    assertThat(code(false, NOW.getEpochSecond(), null, 0).reactivationRefusal(valid, NOW)).contains("expired");
    assertThat(code(false, null, 1L, 1).reactivationRefusal(valid, NOW)).contains("max_redemptions");
  }
}
