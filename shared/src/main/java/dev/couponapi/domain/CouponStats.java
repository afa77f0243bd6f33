package dev.couponapi.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The statistics of one coupon or promotion code (docs/api.md §2.9) over the days {@code from} to
 * {@code to} (UTC, both in): redemptions each day (every day of the window, oldest first), the
 * invoices it took something off and the amounts per currency in the window, and the same since it
 * was made ({@code allTime}).
 */
public record CouponStats(LocalDate from, LocalDate to, SortedMap<LocalDate, Long> redemptionsByDay,
    Totals window, Totals allTime) {

  /** Redemptions, invoices discounted, and the amounts taken off per currency. */
  public record Totals(long redemptions, long invoices, Map<String, Long> amounts) {

    public static final Totals NONE = new Totals(0, 0, new TreeMap<>());

    public Totals {
      amounts = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(amounts));
    }

    public Totals plus(long moreRedemptions, long moreInvoices, Map<String, Long> moreAmounts) {
      Map<String, Long> sum = new TreeMap<>(amounts);
      moreAmounts.forEach((currency, amount) -> sum.merge(currency, amount, Long::sum));
      return new Totals(redemptions + moreRedemptions, invoices + moreInvoices, sum);
    }
  }

  public CouponStats {
    redemptionsByDay = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(redemptionsByDay));
  }

  /** The most days one answer covers, and how many by default. */
  public static final int MAX_DAYS = 366;
  public static final int DEFAULT_DAYS = 30;
}
