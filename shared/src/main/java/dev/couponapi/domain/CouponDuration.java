package dev.couponapi.domain;

import java.util.Locale;

/** How long a discount created from a coupon keeps applying. */
public enum CouponDuration {
  FOREVER,
  ONCE,
  REPEATING;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CouponDuration fromWire(String value) {
    for (CouponDuration duration : values()) {
      if (duration.wireName().equals(value)) {
        return duration;
      }
    }
    throw new IllegalArgumentException("unknown duration " + value);
  }
}
