package dev.couponapi.service;

import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.CouponChanges;
import dev.couponapi.domain.CouponDraft;
import dev.couponapi.domain.EventDraft;
import dev.couponapi.domain.EventObject;
import dev.couponapi.domain.EventType;
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

/** The coupon rules that need the clock or the store, and the order of store calls. */
public final class CouponService {

  private static final int GENERATED_ID_LENGTH = 8;

  private final CouponStore store;
  private final Finder<CouponStore.Stored> finder;

  public CouponService(CouponStore store) {
    this.store = store;
    this.finder = Finder.withCursorRead("coupon", store::find, store::listKey);
  }

  /** Creates the coupon, with its {@code coupon.created} event and its answer in one transaction. */
  public Coupon create(Change change, CouponDraft draft) {
    Tenant tenant = change.tenant();
    Instant now = change.now();
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
        store.insert(tenant, coupon, now, created(change, coupon));
      } catch (Refused taken) {
        throw Errors.alreadyExists("Coupon already exists.", "id");
      }
      return coupon;
    }
    while (true) {
      Coupon coupon = draft.toCoupon(Ids.random(GENERATED_ID_LENGTH), now.getEpochSecond(), tenant.livemode());
      try {
        store.insert(tenant, coupon, now, created(change, coupon));
        return coupon;
      } catch (Refused collision) {
        // 62^8 ids: a collision is rare, and a fresh id is always a correct answer
      }
    }
  }

  public Coupon retrieve(Tenant tenant, String id) {
    return live(tenant, id);
  }

  /**
   * Applies the changes to a live coupon (docs/api.md §2.4): read, judged, and written on the
   * condition that the coupon is unchanged since the read, with its {@code coupon.updated} event.
   * A concurrent change makes it read and judge again ({@link ReadThenWrite}).
   */
  public Coupon update(Change change, String id, CouponChanges changes) {
    Tenant tenant = change.tenant();
    return ReadThenWrite.untilUnchanged(() -> {
      CouponStore.Stored current = finder.find(tenant, id, stored -> !stored.coupon().deleted());
      if (changes.isEmpty()) {
        return current.coupon();
      }
      Coupon coupon = current.coupon();
      if (!changes.currencyOptions().isEmpty() && coupon.amountOff() == null) {
        throw Errors.invalid("currency_options", "currency_options can only be set on coupons with amount_off.")
            .asOutcome();
      }
      if (coupon.currency() != null && changes.currencyOptions().containsKey(coupon.currency())) {
        throw Errors.invalid("currency_options", "currency_options cannot repeat the coupon's own currency.")
            .asOutcome();
      }
      Coupon next = coupon.changedBy(changes);
      if (next.metadata().size() > MetadataChange.MAX_KEYS) {
        throw MetadataChange.tooManyKeys("metadata").asOutcome();
      }
      if (next.equals(coupon)) {
        return coupon;
      }
      store.replace(tenant, current, next, change.recording(
          EventDraft.updated(Coupon.UPDATED, new EventObject.OfCoupon(next), new EventObject.OfCoupon(coupon))));
      return next;
    });
  }

  /** Deletes a live coupon, with its {@code coupon.deleted} event (the coupon as it was). */
  public void delete(Change change, String id) {
    requireAcceptableId(id);
    if (store.delete(change.tenant(), id, change.now(), coupon -> change.recording(
        EventDraft.of(Coupon.DELETED, new EventObject.OfCoupon(coupon)))).isEmpty()) {
      throw noSuchCoupon(id);
    }
  }

  public Page<Coupon> list(Tenant tenant, ListRequest request) {
    // a deleted coupon keeps its place in the list, so a page can still start after it
    Finder.Cursors cursors = finder.cursors(tenant, request);
    return store.page(tenant, request, cursors.after(), cursors.before());
  }

  private static RideAlong created(Change change, Coupon coupon) {
    return change.creating(coupon, EventDraft.of(Coupon.CREATED, new EventObject.OfCoupon(coupon)));
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
