package dev.couponapi.service;

import dev.couponapi.api.Ids;
import dev.couponapi.domain.CouponStats;
import dev.couponapi.domain.CouponUsage;
import dev.couponapi.domain.Tenant;
import dev.couponapi.store.CouponStatsStore;
import dev.couponapi.store.CouponStore;
import dev.couponapi.store.EventStore;
import dev.couponapi.store.PromotionCodeStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a coupon cost, and when it was used (docs/api.md §2.9, an extension): counted from the
 * events of the table's stream ({@link #count}), and read back per coupon or promotion code over
 * a window of days ending today (UTC).
 */
public final class CouponStatsService {

  /** What became of one event of a counted batch. */
  public enum Counted { COUNTED, COUNTED_BEFORE, NOTHING_TO_COUNT, NOT_FOUND }

  private final CouponStatsStore stats;
  private final EventStore events;
  private final CouponStore coupons;
  private final PromotionCodeStore codes;

  public CouponStatsService(CouponStatsStore stats, EventStore events, CouponStore coupons, PromotionCodeStore codes) {
    this.stats = stats;
    this.events = events;
    this.coupons = coupons;
    this.codes = codes;
  }

  /**
   * Counts these new events of one tenant, together: one read of them all, then their counters in
   * as few transactions as fit. An event handed over again is counted once.
   */
  public Map<String, Counted> count(Tenant tenant, List<String> eventIds, Instant now) {
    Map<String, List<CouponUsage>> usages = events.usages(tenant, eventIds);
    List<CouponStatsStore.EventUsages> counting = new ArrayList<>();
    Map<String, Counted> outcomes = new LinkedHashMap<>();
    for (String id : eventIds) {
      List<CouponUsage> those = usages.get(id);
      outcomes.put(id, those == null ? Counted.NOT_FOUND : those.isEmpty() ? Counted.NOTHING_TO_COUNT : Counted.COUNTED);
      if (those != null && !those.isEmpty()) {
        counting.add(new CouponStatsStore.EventUsages(id, those));
      }
    }
    Set<String> before = stats.count(tenant, counting, now);
    before.forEach(id -> outcomes.put(id, Counted.COUNTED_BEFORE));
    return outcomes;
  }

  /** A live coupon's statistics over the {@code days} ending on {@code now}'s day; 404 for no such coupon. */
  public CouponStats ofCoupon(Tenant tenant, String id, int days, Instant now) {
    Lookups.requireAcceptableId("coupon", id);
    CouponStore.Stored coupon = coupons.terms(tenant, id).filter(stored -> !stored.coupon().deleted())
        .orElseThrow(() -> Lookups.noSuch("coupon", id, "id", 404));
    return window(tenant, List.of(CouponUsage.coupon(coupon.rev())), days, now).values().iterator().next();
  }

  /** A promotion code's statistics (switched on or off); 404 for no such code. */
  public CouponStats ofCode(Tenant tenant, String id, int days, Instant now) {
    Lookups.requireAcceptableId("promotion_code", id);
    if (codes.listKey(tenant, id).isEmpty()) {
      throw Lookups.noSuch("promotion_code", id, "id", 404);
    }
    return window(tenant, List.of(CouponUsage.code(id)), days, now).values().iterator().next();
  }

  /** The statistics of each of these live coupons, by id, in their order; ids of no live coupon are left out. */
  public Map<String, CouponStats> ofCoupons(Tenant tenant, List<String> ids, int days, Instant now) {
    Map<String, CouponStore.Stored> found = new java.util.HashMap<>();
    coupons.records(tenant, Set.copyOf(ids.stream().filter(Ids::isAcceptableId).toList()))
        .forEach(stored -> found.put(stored.coupon().id(), stored));
    Map<String, String> subjects = new LinkedHashMap<>();
    ids.stream().distinct().map(found::get).filter(stored -> stored != null && !stored.coupon().deleted())
        .forEach(stored -> subjects.put(stored.coupon().id(), CouponUsage.coupon(stored.rev())));
    Map<String, CouponStats> read = window(tenant, List.copyOf(subjects.values()), days, now);
    Map<String, CouponStats> byId = new LinkedHashMap<>();
    subjects.forEach((id, subject) -> byId.put(id, read.get(subject)));
    return byId;
  }

  private Map<String, CouponStats> window(Tenant tenant, List<String> subjects, int days, Instant now) {
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    return subjects.isEmpty() ? Map.of() : stats.stats(tenant, subjects, today.minusDays(days - 1L), today);
  }
}
