package dev.couponapi.service;

import dev.couponapi.store.CouponStore;
import dev.couponapi.store.CustomerStore;
import dev.couponapi.store.ExpiryIndex;
import dev.couponapi.store.ExpiryQueue;
import dev.couponapi.store.PromotionCodeStore;
import dev.couponapi.store.SubscriptionStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The scheduled expiry sweep. Reads already refuse what has expired; the sweep makes the stored
 * state say so: coupons past {@code redeem_by} store {@code valid: false} and their codes are
 * switched off, codes past {@code expires_at} are switched off, discounts past their {@code end} are
 * removed from their customer or subscription. Each effect is a conditional write, so two sweeps
 * may overlap; an object leaves the expiry index when handled, so a run can stop anywhere and the
 * next one resumes.
 */
public final class ExpirySweep {

  /** How far back the first sweep looks, when no sweep has run before. */
  static final int FIRST_LOOKBACK_DAYS = 30;
  static final int BATCH = 100;

  private final ExpiryQueue queue;
  private final CouponStore coupons;
  private final PromotionCodeStore codes;
  private final CustomerStore customers;
  private final SubscriptionStore subscriptions;
  private final Clock clock;

  public ExpirySweep(ExpiryQueue queue, CouponStore coupons, PromotionCodeStore codes, CustomerStore customers,
      SubscriptionStore subscriptions, Clock clock) {
    this.queue = queue;
    this.coupons = coupons;
    this.codes = codes;
    this.customers = customers;
    this.subscriptions = subscriptions;
    this.clock = clock;
  }

  /** What one run did. {@code complete}: nothing due is left; otherwise the next run continues. */
  public record Summary(long examined, long couponsExpired, long promotionCodesSwitchedOff,
      long customerDiscountsEnded, long subscriptionsUpdated, long alreadyHandled, boolean complete,
      String sweptThrough) {}

  /** Handles at most {@code maxItems} due objects. */
  public Summary run(int maxItems) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    LocalDate day = queue.sweptThrough().map(swept -> swept.plusDays(1))
        .orElse(today.minusDays(FIRST_LOOKBACK_DAYS));
    Tally tally = new Tally();
    for (; !day.isAfter(today); day = day.plusDays(1)) {
      for (int shard = 0; shard < ExpiryIndex.SHARDS; shard++) {
        if (!drain(day, shard, now, maxItems, tally)) {
          return tally.summary(false, queue.sweptThrough());
        }
      }
      if (day.isBefore(today)) {
        queue.markSwept(day);
      }
    }
    return tally.summary(true, queue.sweptThrough());
  }

  /** Empties one day's shard of what is due; false when the run's budget ran out first. */
  private boolean drain(LocalDate day, int shard, Instant now, int maxItems, Tally tally) {
    Set<String> seen = new HashSet<>();
    while (true) {
      if (tally.examined >= maxItems) {
        return false;
      }
      int limit = (int) Math.min(BATCH, maxItems - tally.examined);
      List<ExpiryQueue.Due> due = queue.due(day, shard, now, limit);
      // an entry still listed after it was handled is the index catching up: do not take it twice
      List<ExpiryQueue.Due> fresh = due.stream().filter(entry -> seen.add(entry.type() + "#" + entry.id())).toList();
      for (ExpiryQueue.Due entry : fresh) {
        handle(entry, now, tally);
      }
      if (fresh.isEmpty() || due.size() < limit) {
        return true;
      }
    }
  }

  private void handle(ExpiryQueue.Due entry, Instant now, Tally tally) {
    tally.examined++;
    boolean effect;
    switch (entry.type()) {
      case COUPON -> {
        // its codes first: a run that stops in between finds the coupon still due and finishes it
        for (String code : codes.activeCodesOf(entry.tenant(), entry.id())) {
          if (codes.switchOffExpired(entry.tenant(), code)) {
            tally.codes++;
          }
        }
        effect = coupons.expire(entry.tenant(), entry.id(), now);
        tally.coupons += effect ? 1 : 0;
      }
      case PROMOTION_CODE -> {
        effect = codes.switchOffExpired(entry.tenant(), entry.id());
        tally.codes += effect ? 1 : 0;
      }
      case CUSTOMER -> {
        effect = customers.endDiscount(entry.tenant(), entry.id(), entry.indexKey(), now);
        tally.customers += effect ? 1 : 0;
      }
      case SUBSCRIPTION -> {
        effect = subscriptions.endDiscounts(entry.tenant(), entry.id(), entry.indexKey(), now);
        tally.subscriptions += effect ? 1 : 0;
      }
      default -> effect = false;
    }
    tally.alreadyHandled += effect ? 0 : 1;
  }

  private static final class Tally {
    long examined;
    long coupons;
    long codes;
    long customers;
    long subscriptions;
    long alreadyHandled;

    Summary summary(boolean complete, java.util.Optional<LocalDate> sweptThrough) {
      return new Summary(examined, coupons, codes, customers, subscriptions, alreadyHandled, complete,
          sweptThrough.map(LocalDate::toString).orElse(null));
    }
  }
}
