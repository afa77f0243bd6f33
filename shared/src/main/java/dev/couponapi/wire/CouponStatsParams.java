package dev.couponapi.wire;

import dev.couponapi.api.Errors;
import dev.couponapi.api.Ids;
import dev.couponapi.domain.CouponStats;
import java.util.List;
import java.util.Map;

/** The parameters of the statistics routes (docs/api.md §2.9): the window, and which coupons a list covers. */
public final class CouponStatsParams {

  /** The most coupons one list of statistics covers. */
  public static final int MAX_COUPONS = 100;

  public static final Map<String, ParamType> ONE = Map.of("days", ParamType.integer(1, CouponStats.MAX_DAYS));
  public static final Map<String, ParamType> LIST = Map.of(
      "days", ParamType.integer(1, CouponStats.MAX_DAYS),
      "coupons", new ParamType.ListOf(ParamType.text(Ids.MAX_ID_LENGTH), MAX_COUPONS, false));

  private CouponStatsParams() {}

  /** How many days ending today: {@code days}, {@link CouponStats#DEFAULT_DAYS} when not given. */
  public static int days(Params params) {
    Long days = params.integer("days");
    return days == null ? CouponStats.DEFAULT_DAYS : days.intValue();
  }

  /** The coupons a list covers; at least one. */
  public static List<String> coupons(Params params) {
    List<String> coupons = params.has("coupons") ? params.list("coupons") : List.of();
    if (coupons.isEmpty()) {
      throw Errors.missing("coupons");
    }
    return coupons;
  }
}
