package dev.couponapi.service;

import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.Discount;
import dev.couponapi.domain.EventDraft;
import dev.couponapi.domain.EventObject;
import dev.couponapi.domain.PromotionCode;
import dev.couponapi.domain.Origin;
import dev.couponapi.domain.Tenant;
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
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The scheduled expiry sweep. Reads already refuse what has expired; the sweep makes the stored
 * state say so: coupons past {@code redeem_by} store {@code valid: false} and their codes are
 * switched off, codes past {@code expires_at} are switched off, discounts past their {@code end} are
 * removed from their customer or subscription; a promotion-code batch that stalled (its worker lost)
 * is handed to a worker again. Each effect is a conditional write, so two sweeps
 * may overlap; an object leaves the expiry index when handled, so a run can stop anywhere and the
 * next one resumes. A dry run reads the same entries and reports what a run would do, writing
 * nothing (docs/design.md, "The expiry sweep").
 */
public final class ExpirySweep {

  /** How far back the first sweep looks, when no sweep has run before. */
  static final int FIRST_LOOKBACK_DAYS = 30;
  static final int BATCH = 100;
  /** A coupon's codes are read this many at a time (one Query and one BatchGetItem). */
  static final int CODES_A_PAGE = 100;
  /**
   * Renewals an advancing test clock makes in one run: each run walks the clock's customers from the
   * first, so a run must do much (a month of 1,000 monthly subscriptions in one run, not ten).
   */
  static final int CLOCK_RENEWALS_A_RUN = 1_000;

  private final ExpiryQueue queue;
  private final CouponStore coupons;
  private final PromotionCodeStore codes;
  private final CustomerStore customers;
  private final SubscriptionStore subscriptions;
  private final InvoiceService invoices;
  private final TestClockService clocks;
  private final PromotionCodeBatchService batches;
  private final Clock clock;
  private final Events events;
  private final String accountVersion;

  /**
   * {@code accountVersion}: what the sweep's events render in: the deployment's default version,
   * which is every account's default while accounts have no setting of their own.
   */
  public ExpirySweep(ExpiryQueue queue, CouponStore coupons, PromotionCodeStore codes, CustomerStore customers,
      SubscriptionStore subscriptions, InvoiceService invoices, TestClockService clocks,
      PromotionCodeBatchService batches, Clock clock, Events events, String accountVersion) {
    this.invoices = invoices;
    this.clocks = clocks;
    this.events = events;
    this.accountVersion = accountVersion;
    this.queue = queue;
    this.coupons = coupons;
    this.codes = codes;
    this.customers = customers;
    this.subscriptions = subscriptions;
    this.batches = batches;
    this.clock = clock;
  }

  /** What one run did (or, dry, would do). {@code complete}: nothing due is left; otherwise the next run continues. */
  public record Summary(long examined, long couponsExpired, long promotionCodesSwitchedOff,
      long customerDiscountsEnded, long subscriptionsUpdated, long batchesResumed, long alreadyHandled,
      long renewals, boolean complete,
      String sweptThrough) {}

  /** Handles at most {@code maxItems} due objects. */
  public Summary run(int maxItems) {
    return sweep(maxItems, new Apply());
  }

  /** Renews one subscription through every period that ended by now, as a run does when it is due. */
  public int renew(Tenant tenant, String subscription) {
    return renewals(tenant, subscription, clock.instant());
  }

  private int renewals(Tenant tenant, String subscription, Instant now) {
    return invoices.renewDue(automatic(tenant, now), subscription);
  }

  /** A change no request made, in the account's version, its events naming no request. */
  private Change automatic(Tenant tenant, Instant now) {
    return Change.automatic(tenant, dev.couponapi.api.ApiVersion.parse(accountVersion), now,
        Origin.automatic(accountVersion), events);
  }

  /** What {@link #run} would do now, read without writing anything. */
  public Summary dryRun(int maxItems) {
    return sweep(maxItems, new Foresee());
  }

  private Summary sweep(int maxItems, Effects effects) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    LocalDate day = queue.sweptThrough().map(swept -> swept.plusDays(1))
        .orElse(today.minusDays(FIRST_LOOKBACK_DAYS));
    Tally tally = new Tally();
    for (; !day.isAfter(today); day = day.plusDays(1)) {
      for (int shard = 0; shard < ExpiryIndex.SHARDS; shard++) {
        if (!drain(day, shard, now, maxItems, tally, effects)) {
          return tally.summary(false, queue.sweptThrough());
        }
      }
      if (day.isBefore(today) && effects.writes()) {
        queue.markSwept(day);
      }
    }
    return tally.summary(true, queue.sweptThrough());
  }

  /** Goes through one day's shard of what is due; false when the run's budget ran out first. */
  private boolean drain(LocalDate day, int shard, Instant now, int maxItems, Tally tally, Effects effects) {
    Map<String, AttributeValue> start = null;
    while (true) {
      if (tally.examined >= maxItems) {
        return false;
      }
      int limit = (int) Math.min(BATCH, maxItems - tally.examined);
      ExpiryQueue.DuePage page = queue.due(day, shard, now, limit, start);
      for (ExpiryQueue.Due entry : page.entries()) {
        if (!handle(entry, now, maxItems, tally, effects)) {
          return false;
        }
      }
      if (page.next() == null) {
        return true;
      }
      start = page.next();
    }
  }

  /**
   * Handles one due object; false when the run's budget ran out before it was done (a coupon with
   * more codes than the run has room for: the next run finds it still due and goes on).
   */
  private boolean handle(ExpiryQueue.Due entry, Instant now, int maxItems, Tally tally, Effects effects) {
    tally.examined++;
    boolean effect;
    switch (entry.type()) {
      case COUPON -> {
        // its codes first, each counting toward the run's items, so that one coupon with 100,000
        // codes is paged across runs (each going on where the last stopped) instead of delaying
        // every other account's expiries; a coupon without codes costs one Query
        if (!switchOffCodes(entry, now, maxItems, tally, effects)) {
          return false;
        }
        effect = effects.expireCoupon(entry, now);
        tally.coupons += effect ? 1 : 0;
      }
      case PROMOTION_CODE -> {
        effect = effects.switchOffCode(entry, entry.id(), now);
        tally.codes += effect ? 1 : 0;
      }
      case CUSTOMER -> {
        effect = effects.endCustomerDiscount(entry, now);
        tally.customers += effect ? 1 : 0;
      }
      case SUBSCRIPTION -> {
        // its renewals first, in order, the last leaving only what is still in effect; else what ended
        int renewed = effects.renew(entry, now);
        tally.renewals += renewed;
        effect = renewed > 0 || effects.endSubscriptionDiscounts(entry, now);
        tally.subscriptions += effect ? 1 : 0;
      }
      case TEST_CLOCK -> {
        // an advance its request left unfinished (or a crash stopped): goes on, CLOCK_RENEWALS_A_RUN a run
        effect = effects.advanceClock(entry, now);
      }
      case PROMOTION_CODE_BATCH -> {
        effect = effects.resumeBatch(entry, now);
        tally.batches += effect ? 1 : 0;
      }
      default -> effect = false;
    }
    tally.alreadyHandled += effect ? 0 : 1;
    return true;
  }

  /**
   * Switches off an expiring coupon's codes, a page at a time while the run has room; false when it
   * ran out first (where it stopped is kept, and the next run goes on from there).
   */
  private boolean switchOffCodes(ExpiryQueue.Due entry, Instant now, int maxItems, Tally tally, Effects effects) {
    String after = null;
    boolean resumed = false;
    while (true) {
      int room = (int) Math.min(CODES_A_PAGE, maxItems - tally.examined);
      PromotionCodeStore.CodePage page = codes.codesOf(entry.tenant(), entry.id(), after, Math.max(1, room));
      if (!resumed && !page.codes().isEmpty()) {
        // a coupon with codes may be half done: go on where an earlier run stopped, if one did
        resumed = true;
        String kept = coupons.sweepCursor(entry.tenant(), entry.id()).orElse(null);
        if (kept != null) {
          after = kept;
          continue;
        }
      }
      if (page.codes().isEmpty()) {
        return true;
      }
      if (room <= 0) {
        effects.keepCodesCursor(entry, after);
        return false;
      }
      for (dev.couponapi.domain.PromotionCode code : page.codes()) {
        tally.examined++;
        if (code.activeFlag() && effects.switchOffCode(entry, code.id(), now)) {
          tally.codes++;
        }
      }
      if (page.next() == null) {
        return true;
      }
      after = page.next();
    }
  }

  /** What the sweep does to one due object: true when it had (or would have) an effect. */
  private interface Effects {
    boolean writes();

    boolean expireCoupon(ExpiryQueue.Due entry, Instant now);

    boolean switchOffCode(ExpiryQueue.Due entry, String codeId, Instant now);

    boolean endCustomerDiscount(ExpiryQueue.Due entry, Instant now);

    boolean endSubscriptionDiscounts(ExpiryQueue.Due entry, Instant now);

    /** Renews a subscription through every period that ended by {@code now}: how many renewals. */
    int renew(ExpiryQueue.Due entry, Instant now);

    /** Goes on with an advancing test clock: true when it went on. */
    boolean advanceClock(ExpiryQueue.Due entry, Instant now);

    /** A batch whose worker made no progress for a while is handed to a worker again. */
    boolean resumeBatch(ExpiryQueue.Due entry, Instant now);

    /** Where the next run goes on in an expiring coupon's codes ({@code after}: a code's list key, or null). */
    void keepCodesCursor(ExpiryQueue.Due entry, String after);
  }

  /** When a code stopped being redeemable by date: its own expiry or its coupon's redeem_by, else now. */
  static long lapsedAt(dev.couponapi.domain.PromotionCode code, Coupon coupon, Instant now) {
    long at = now.getEpochSecond();
    if (code.expiresAt() != null) {
      at = Math.min(at, code.expiresAt());
    }
    if (coupon.redeemBy() != null) {
      at = Math.min(at, coupon.redeemBy());
    }
    return at;
  }

  /** The sweep itself: one conditional write per effect. */
  private final class Apply implements Effects {
    public boolean writes() {
      return true;
    }

    public boolean expireCoupon(ExpiryQueue.Due entry, Instant now) {
      return coupons.expire(entry.tenant(), entry.id(), now);
    }

    public boolean switchOffCode(ExpiryQueue.Due entry, String codeId, Instant now) {
      CouponLookup lookup = new CouponLookup(coupons, entry.tenant());
      return codes.switchOffExpired(entry.tenant(), codeId, (before, after) -> {
        Coupon coupon = lookup.of(before);
        // it showed active until the moment it lapsed, which is what previous_attributes tells
        return events.record(entry.tenant(), Origin.automatic(accountVersion), now, EventDraft.updatedAsOf(
            PromotionCode.UPDATED, new EventObject.OfPromotionCode(after, coupon),
            new EventObject.OfPromotionCode(before, coupon), lapsedAt(before, coupon, now) - 1));
      });
    }

    /**
     * The discount ends: {@code customer.discount.deleted}, recorded as automatic (the customer
     * showed no discount from its end on, so it records no {@code customer.updated}).
     */
    public boolean endCustomerDiscount(ExpiryQueue.Due entry, Instant now) {
      CouponLookup lookup = new CouponLookup(coupons, entry.tenant());
      return customers.endDiscount(entry.tenant(), entry.id(), entry.indexKey(), now, before -> {
        Discount ended = before.discount();
        return events.record(entry.tenant(), Origin.automatic(accountVersion), now,
            EventDraft.of(Discount.DELETED, new EventObject.OfDiscount(ended, lookup.of(ended))));
      });
    }

    public boolean endSubscriptionDiscounts(ExpiryQueue.Due entry, Instant now) {
      CouponLookup lookup = new CouponLookup(coupons, entry.tenant());
      return subscriptions.endDiscounts(entry.tenant(), entry.id(), entry.indexKey(), now, (before, after) ->
          events.record(entry.tenant(), Origin.automatic(accountVersion), now,
              InvoiceService.discountsDeleted(before, after, lookup::of)));
    }

    public int renew(ExpiryQueue.Due entry, Instant now) {
      return renewals(entry.tenant(), entry.id(), now);
    }

    public boolean advanceClock(ExpiryQueue.Due entry, Instant now) {
      return clocks.resume(automatic(entry.tenant(), now), entry.id(), CLOCK_RENEWALS_A_RUN) != null;
    }

    public boolean resumeBatch(ExpiryQueue.Due entry, Instant now) {
      return batches.resumeStalled(entry.tenant(), entry.id(), entry.indexKey(), now);
    }

    public void keepCodesCursor(ExpiryQueue.Due entry, String after) {
      if (after != null) {
        coupons.keepSweepCursor(entry.tenant(), entry.id(), after);
      }
    }
  }

  /** A dry run: reads each object and says whether the write would have found something to do. */
  private final class Foresee implements Effects {
    public boolean writes() {
      return false;
    }

    public boolean expireCoupon(ExpiryQueue.Due entry, Instant now) {
      return coupons.find(entry.tenant(), entry.id()).map(CouponStore.Stored::coupon)
          .filter(coupon -> !coupon.deleted() && coupon.pastRedeemBy(now)).isPresent();
    }

    public boolean switchOffCode(ExpiryQueue.Due entry, String codeId, Instant now) {
      return codes.find(entry.tenant(), codeId).filter(stored -> stored.code().activeFlag()).isPresent();
    }

    public boolean endCustomerDiscount(ExpiryQueue.Due entry, Instant now) {
      return customers.find(entry.tenant(), entry.id()).map(stored -> stored.customer().discount())
          .filter(discount -> !discount.inEffect(now)).isPresent();
    }

    public boolean endSubscriptionDiscounts(ExpiryQueue.Due entry, Instant now) {
      return subscriptions.find(entry.tenant(), entry.id()).map(SubscriptionStore.Stored::subscription)
          .filter(subscription -> subscription.discountsAt(now).size() < subscription.discounts().size()
              || subscription.items().stream().anyMatch(item -> item.discounts().stream()
                  .anyMatch(discount -> !discount.inEffect(now))))
          .isPresent();
    }

    public int renew(ExpiryQueue.Due entry, Instant now) {
      return subscriptions.find(entry.tenant(), entry.id()).map(SubscriptionStore.Stored::subscription)
          .filter(subscription -> subscription.isDueAt(now)).isPresent() ? 1 : 0;
    }

    public boolean advanceClock(ExpiryQueue.Due entry, Instant now) {
      return true;
    }

    public boolean resumeBatch(ExpiryQueue.Due entry, Instant now) {
      return batches.isUnfinished(entry.tenant(), entry.id());
    }

    public void keepCodesCursor(ExpiryQueue.Due entry, String after) {
      // a dry run keeps nothing
    }
  }

  private static final class Tally {
    long examined;
    long coupons;
    long codes;
    long customers;
    long subscriptions;
    long batches;
    long alreadyHandled;
    long renewals;

    Summary summary(boolean complete, Optional<LocalDate> sweptThrough) {
      return new Summary(examined, coupons, codes, customers, subscriptions, batches, alreadyHandled, renewals,
          complete,
          sweptThrough.map(LocalDate::toString).orElse(null));
    }
  }
}
