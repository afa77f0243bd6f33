package dev.couponapi.wire;

import dev.couponapi.domain.CouponStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code coupon_stats} object (docs/api.md §2.9, an extension): the window's redemptions per day
 * (oldest first, every day), the amounts taken off per currency and the invoices discounted in it,
 * and the same since the coupon or code was made ({@code all_time}).
 */
public final class CouponStatsRenderer {

  private CouponStatsRenderer() {}

  /** {@code of} names what it is of: {@code coupon} or {@code promotion_code}, with its id. */
  public static Map<String, Object> render(String of, String id, CouponStats stats) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("object", "coupon_stats");
    object.put(of, id);
    object.put("days", stats.redemptionsByDay().size());
    object.put("redemptions_by_day", stats.redemptionsByDay().entrySet().stream().map(day -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("date", day.getKey().toString());
      entry.put("count", day.getValue());
      return entry;
    }).toList());
    putTotals(object, stats.window());
    Map<String, Object> allTime = new LinkedHashMap<>();
    putTotals(allTime, stats.allTime());
    object.put("all_time", allTime);
    return object;
  }

  private static void putTotals(Map<String, Object> object, CouponStats.Totals totals) {
    object.put("redemptions", totals.redemptions());
    object.put("amount_discounted", amounts(totals));
    object.put("invoices_discounted", totals.invoices());
  }

  private static List<Object> amounts(CouponStats.Totals totals) {
    return totals.amounts().entrySet().stream().<Object>map(amount -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("currency", amount.getKey());
      entry.put("amount", amount.getValue());
      return entry;
    }).toList();
  }
}
