package dev.couponapi.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A subscription's billing period (docs/api.md §7.1): the {@code index}-th interval after its billing
 * cycle anchor. Every boundary is counted from the anchor, never from the previous boundary, so a
 * period anchored on the 31st ends on the 30th of a 30-day month and on the 31st again after it
 * (month arithmetic clamped to the month's last day, as for discount ends; UTC, time of day kept).
 */
public record BillingPeriod(long start, long end, long index) {

  /** The first period of a subscription anchored at {@code anchor}. */
  public static BillingPeriod first(long anchor, String interval, long intervalCount) {
    return new BillingPeriod(anchor, boundary(anchor, interval, intervalCount, 1), 0);
  }

  /** The period after this one. */
  public BillingPeriod next(long anchor, String interval, long intervalCount) {
    return new BillingPeriod(end, boundary(anchor, interval, intervalCount, index + 2), index + 1);
  }

  /** {@code n} × {@code intervalCount} intervals after {@code at}. */
  public static long boundaryAfter(long at, String interval, long intervalCount, long n) {
    return boundary(at, interval, intervalCount, n);
  }

  /** The {@code n}-th boundary after {@code anchor}: n × count intervals later. */
  static long boundary(long anchor, String interval, long intervalCount, long n) {
    OffsetDateTime at = Instant.ofEpochSecond(anchor).atOffset(ZoneOffset.UTC);
    long steps = Math.multiplyExact(intervalCount, n);
    return switch (interval) {
      case "day" -> at.plusDays(steps).toEpochSecond();
      case "week" -> at.plusWeeks(steps).toEpochSecond();
      case "month" -> at.plusMonths(steps).toEpochSecond();
      case "year" -> at.plusYears(steps).toEpochSecond();
      default -> throw new IllegalArgumentException("no such interval: " + interval);
    };
  }
}
