package dev.couponapi.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one change added to the statistics of one coupon or promotion code on one day (UTC)
 * (docs/api.md §2.9): redemptions, invoices it took something off, and the amounts it took off per
 * currency. {@code subject} names a coupon by its record ({@link #coupon}) or a code by its id
 * ({@link #code}), so a coupon deleted and made again under the same id starts afresh.
 */
public record CouponUsage(String subject, LocalDate day, long redemptions, long invoices, Map<String, Long> amounts) {

  private static final String COUPON = "coupon.";
  private static final String CODE = "code.";

  public CouponUsage {
    amounts = Map.copyOf(amounts);
  }

  /** The subject of a coupon record ({@code Discount.couponRev}). */
  public static String coupon(String rev) {
    return COUPON + rev;
  }

  /** The subject of a promotion code. */
  public static String code(String id) {
    return CODE + id;
  }

  public static LocalDate dayOf(long epochSecond) {
    return Instant.ofEpochSecond(epochSecond).atZone(ZoneOffset.UTC).toLocalDate();
  }

  /** The redemptions a change made, {@code counts} by subject, on the day it happened. */
  public static List<CouponUsage> redeemed(Map<String, Long> counts, long at) {
    LocalDate day = dayOf(at);
    return counts.entrySet().stream().filter(count -> count.getValue() > 0)
        .map(count -> new CouponUsage(count.getKey(), day, count.getValue(), 0, Map.of())).toList();
  }

  /**
   * What a paid invoice's discounts took off, by the coupon and code of each (an invoice counted once
   * for each that took more than nothing), on the day it was paid. A discount stored before its
   * origin was kept with the invoice has no coupon to count for, and is left out.
   */
  public static List<CouponUsage> paid(Invoice invoice, long at) {
    Map<String, Long> taken = new TreeMap<>();
    for (Invoice.Amount amount : invoice.totalDiscountAmounts()) {
      if (amount.amount() > 0 && amount.couponRev() != null) {
        taken.merge(coupon(amount.couponRev()), amount.amount(), Long::sum);
        if (amount.promotionCode() != null) {
          taken.merge(code(amount.promotionCode()), amount.amount(), Long::sum);
        }
      }
    }
    LocalDate day = dayOf(at);
    List<CouponUsage> usages = new ArrayList<>();
    taken.forEach((subject, amount) -> usages.add(new CouponUsage(subject, day, 0, 1,
        Map.of(invoice.currency(), amount))));
    return usages;
  }

  /** The usages summed per subject and day, in a stable order (a transaction's items, a part's marker). */
  public static List<CouponUsage> summed(List<CouponUsage> usages) {
    Map<String, CouponUsage> sums = new TreeMap<>();
    for (CouponUsage usage : usages) {
      sums.merge(usage.subject() + "#" + usage.day(), usage, CouponUsage::plus);
    }
    return List.copyOf(sums.values());
  }

  /** Both, of one subject and day. */
  public CouponUsage plus(CouponUsage other) {
    Map<String, Long> both = new LinkedHashMap<>(amounts);
    other.amounts.forEach((currency, amount) -> both.merge(currency, amount, Long::sum));
    return new CouponUsage(subject, day, redemptions + other.redemptions, invoices + other.invoices, both);
  }
}
