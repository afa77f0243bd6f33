package dev.couponapi.service;

import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.CouponChanges;
import dev.couponapi.domain.CouponDraft;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.MetadataChange;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Tenant;
import dev.couponapi.store.CouponStore;
import dev.couponapi.store.Refused;
import dev.couponapi.store.RideAlong;
import dev.couponapi.api.Errors;
import dev.couponapi.api.Ids;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Function;

/** The coupon rules that need the clock or the store, and the order of store calls. */
public final class CouponService {

  private static final int GENERATED_ID_LENGTH = 8;

  private final CouponStore store;
  private final Finder<CouponStore.Stored> finder;

  public CouponService(CouponStore store) {
    this.store = store;
    this.finder = Finder.withCursorRead("coupon", store::find, store::listKey);
  }

  /**
   * Creates the coupon. {@code rideAlong} gives, for the coupon about to be written, a write that
   * must commit with it (an idempotency record), or null.
   */
  public Coupon create(Tenant tenant, CouponDraft draft, Instant now, Function<Coupon, RideAlong> rideAlong) {
    if (draft.redeemBy() != null) {
      long fiveYears = now.atOffset(ZoneOffset.UTC).plusYears(5).toEpochSecond();
      if (draft.redeemBy() <= now.getEpochSecond()) {
        throw Errors.invalid("redeem_by", "Invalid redeem_by: must be in the future.");
      }
      if (draft.redeemBy() > fiveYears) {
        throw Errors.invalid("redeem_by", "Invalid redeem_by: must be at most 5 years in the future.");
      }
    }
    if (draft.requestedId() != null) {
      Coupon coupon = draft.toCoupon(draft.requestedId(), now.getEpochSecond(), tenant.livemode());
      try {
        store.insert(tenant, coupon, now, rideAlong.apply(coupon));
      } catch (Refused taken) {
        throw Errors.alreadyExists("Coupon already exists.", "id");
      }
      return coupon;
    }
    while (true) {
      Coupon coupon = draft.toCoupon(Ids.random(GENERATED_ID_LENGTH), now.getEpochSecond(), tenant.livemode());
      try {
        store.insert(tenant, coupon, now, rideAlong.apply(coupon));
        return coupon;
      } catch (Refused collision) {
        // 62^8 ids: a collision is rare, and a fresh id is always a correct answer
      }
    }
  }

  public Coupon retrieve(Tenant tenant, String id) {
    return live(tenant, id);
  }

  public Coupon update(Tenant tenant, String id, CouponChanges changes) {
    if (changes.isEmpty()) {
      return live(tenant, id);
    }
    requireAcceptableId(id);
    try {
      return store.update(tenant, id, changes);
    } catch (Refused refused) {
      // found by the write's condition: outcomes of executing the request, stored for replays
      throw switch ((CouponStore.Refusal) refused.reason()) {
        case NOT_FOUND -> noSuchCoupon(id);
        case NOT_AMOUNT_OFF -> Errors.invalid("currency_options",
            "currency_options can only be set on coupons with amount_off.").asOutcome();
        case CURRENCY_REPEATED -> Errors.invalid("currency_options",
            "currency_options cannot repeat the coupon's own currency.").asOutcome();
        case METADATA_FULL -> MetadataChange.tooManyKeys("metadata").asOutcome();
        case ID_TAKEN -> throw new IllegalStateException("an update never takes an id");
      };
    }
  }

  public void delete(Tenant tenant, String id, Instant now) {
    requireAcceptableId(id);
    if (!store.delete(tenant, id, now)) {
      throw noSuchCoupon(id);
    }
  }

  public Page<Coupon> list(Tenant tenant, ListRequest request) {
    // a deleted coupon keeps its place in the list, so a page can still start after it
    Finder.Cursors cursors = finder.cursors(tenant, request);
    return store.page(tenant, request, cursors.after(), cursors.before());
  }

  private Coupon live(Tenant tenant, String id) {
    return finder.find(tenant, id, stored -> !stored.coupon().deleted()).coupon();
  }

  private void requireAcceptableId(String id) {
    finder.requireAcceptableId(id);
  }

  private RuntimeException noSuchCoupon(String id) {
    return finder.missing(id);
  }
}
