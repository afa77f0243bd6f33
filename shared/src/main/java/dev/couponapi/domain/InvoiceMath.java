package dev.couponapi.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What discounts take off an invoice (docs/api.md §6.3). All amounts are integers in the invoice
 * currency's minor unit. Line-level discounts apply first, then invoice-level ones in the order
 * given; each works on what remains of the lines it is eligible for, so no line goes below zero.
 * <ul>
 *   <li>percent_off: per line, {@code remaining × percent / 100} rounded to the nearest unit, halves
 *       away from zero, in decimal arithmetic (never binary floating point);</li>
 *   <li>amount_off: the amount in the invoice currency ({@code currency_options} otherwise), capped
 *       at what remains of the eligible lines, allocated in proportion to it: floor per line, then
 *       the leftover units one each by largest fractional remainder (ties: the earlier line).</li>
 * </ul>
 */
public final class InvoiceMath {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private InvoiceMath() {}

  /** A discount and the coupon it takes its terms from. */
  public record Applied(String discountId, Coupon coupon) {}

  /** One invoice line: its amount, its product (for applies_to), whether it takes discounts, its own discounts. */
  public record Line(long amount, String product, boolean discountable, List<Applied> discounts) {
    public Line {
      if (amount < 0) {
        throw new IllegalArgumentException("a line amount cannot be negative");
      }
      discounts = List.copyOf(discounts);
    }
  }

  /** What one discount took off one line. */
  public record LineDiscount(String discountId, long amount) {}

  /**
   * The result: per line what each discount took off (in application order, zero amounts left out),
   * the total per discount (in application order), the subtotal (after line-level discounts) and
   * the total (after all).
   */
  public record Result(List<List<LineDiscount>> lines, Map<String, Long> totals, long subtotal, long total) {}

  public static Result apply(String currency, List<Line> lines, List<Applied> invoiceDiscounts) {
    long[] remaining = lines.stream().mapToLong(Line::amount).toArray();
    List<List<LineDiscount>> perLine = new ArrayList<>();
    lines.forEach(line -> perLine.add(new ArrayList<>()));
    Map<String, Long> totals = new LinkedHashMap<>();
    long gross = 0;
    for (Line line : lines) {
      gross = Math.addExact(gross, line.amount());
    }
    for (int i = 0; i < lines.size(); i++) {
      for (Applied applied : lines.get(i).discounts()) {
        take(applied, currency, List.of(i), lines, remaining, perLine, totals);
      }
    }
    long subtotal = sum(remaining);
    for (Applied applied : invoiceDiscounts) {
      List<Integer> all = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        all.add(i);
      }
      take(applied, currency, all, lines, remaining, perLine, totals);
    }
    return new Result(perLine.stream().map(List::copyOf).toList(), totals, subtotal, sum(remaining));
  }

  /** Whether a coupon has an amount in the currency (always, for percent coupons). */
  public static boolean appliesIn(Coupon coupon, String currency) {
    return coupon.percentOff() != null || amountIn(coupon, currency) != null;
  }

  private static void take(Applied applied, String currency, List<Integer> candidates, List<Line> lines,
      long[] remaining, List<List<LineDiscount>> perLine, Map<String, Long> totals) {
    Coupon coupon = applied.coupon();
    List<Integer> eligible = candidates.stream().filter(i -> eligible(coupon, lines.get(i))).toList();
    long[] taken = new long[eligible.size()];
    if (coupon.percentOff() != null) {
      for (int k = 0; k < eligible.size(); k++) {
        taken[k] = percentOf(remaining[eligible.get(k)], coupon.percentOff());
      }
    } else {
      Long amount = amountIn(coupon, currency);
      if (amount != null) {
        taken = allocate(amount, eligible.stream().mapToLong(i -> remaining[i]).toArray());
      }
    }
    long total = 0;
    for (int k = 0; k < eligible.size(); k++) {
      int line = eligible.get(k);
      long amount = Math.min(taken[k], remaining[line]);
      remaining[line] -= amount;
      total += amount;
      if (amount > 0) {
        perLine.get(line).add(new LineDiscount(applied.discountId(), amount));
      }
    }
    totals.merge(applied.discountId(), total, Long::sum);
  }

  /** {@code remaining × percent / 100}, to the nearest unit, halves away from zero. */
  public static long percentOf(long remaining, BigDecimal percent) {
    return BigDecimal.valueOf(remaining).multiply(percent).divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
  }

  /**
   * Splits {@code amount} (capped at their sum) over {@code remaining} in proportion: floors first,
   * then one unit each to the largest fractional remainders, the earlier line on a tie.
   */
  public static long[] allocate(long amount, long[] remaining) {
    long pool = sum(remaining);
    long capped = Math.min(amount, pool);
    long[] shares = new long[remaining.length];
    if (capped == 0) {
      return shares;
    }
    BigDecimal[] fractions = new BigDecimal[remaining.length];
    long given = 0;
    for (int i = 0; i < remaining.length; i++) {
      BigDecimal exact = BigDecimal.valueOf(capped).multiply(BigDecimal.valueOf(remaining[i]));
      BigDecimal[] division = exact.divideAndRemainder(BigDecimal.valueOf(pool));
      shares[i] = division[0].longValueExact();
      fractions[i] = division[1];
      given += shares[i];
    }
    for (long left = capped - given; left > 0; left--) {
      int best = -1;
      for (int i = 0; i < remaining.length; i++) {
        if (shares[i] < remaining[i] && (best < 0 || fractions[i].compareTo(fractions[best]) > 0)) {
          best = i;
        }
      }
      shares[best]++;
      fractions[best] = BigDecimal.valueOf(-1);
    }
    return shares;
  }

  private static boolean eligible(Coupon coupon, Line line) {
    return line.discountable() && (coupon.appliesToProducts() == null
        || coupon.appliesToProducts().contains(line.product()));
  }

  private static Long amountIn(Coupon coupon, String currency) {
    if (coupon.amountOff() == null) {
      return null;
    }
    return coupon.currency().equals(currency) ? coupon.amountOff() : coupon.currencyOptions().get(currency);
  }

  private static long sum(long[] values) {
    long total = 0;
    for (long value : values) {
      total = Math.addExact(total, value);
    }
    return total;
  }
}
