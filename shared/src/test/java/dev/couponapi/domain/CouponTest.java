package dev.couponapi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CouponTest {

  private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

  private static Coupon coupon(Long maxRedemptions, Long redeemBy, long timesRedeemed, Long deletedAt) {
    return new Coupon("C", NOW.getEpochSecond(), new BigDecimal("10"), null, null, Map.of(), CouponDuration.ONCE,
        null, maxRedemptions, redeemBy, null, Map.of(), null, timesRedeemed, deletedAt, false);
  }

  @Test
  void valid_whenNothingLimitsIt() {
    assertThat(coupon(null, null, 0, null).valid(NOW)).isTrue();
  }

  @Test
  void invalid_fromTheSecondOfRedeemBy() {
    long redeemBy = NOW.getEpochSecond() + 60;
    assertThat(coupon(null, redeemBy, 0, null).valid(NOW.plusSeconds(59))).isTrue();
    assertThat(coupon(null, redeemBy, 0, null).valid(NOW.plusSeconds(60))).isFalse();
  }

  @Test
  void invalid_whenMaxRedemptionsReached() {
    assertThat(coupon(3L, null, 2, null).valid(NOW)).isTrue();
    assertThat(coupon(3L, null, 3, null).valid(NOW)).isFalse();
  }

  @Test
  void invalid_onceDeleted() {
    assertThat(coupon(null, null, 0, NOW.getEpochSecond()).valid(NOW)).isFalse();
  }

  @Test
  void rejectsBothOrNeitherDiscountKind() {
    assertThatThrownBy(() -> new Coupon("C", 0, BigDecimal.ONE, 5L, "usd", Map.of(), CouponDuration.ONCE, null,
        null, null, null, Map.of(), null, 0, null, false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Coupon("C", 0, null, null, null, Map.of(), CouponDuration.ONCE, null,
        null, null, null, Map.of(), null, 0, null, false)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void repeatingNeedsMonths() {
    assertThatThrownBy(() -> new Coupon("C", 0, BigDecimal.ONE, null, null, Map.of(), CouponDuration.REPEATING, null,
        null, null, null, Map.of(), null, 0, null, false)).isInstanceOf(IllegalArgumentException.class);
  }
}
