package dev.couponapi.service;

import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.Discount;
import dev.couponapi.domain.PromotionCode;
import dev.couponapi.domain.Tenant;
import dev.couponapi.store.CouponStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The coupons that a request's promotion codes name, read once each: a page of codes takes one
 * BatchGetItem for its distinct coupons (plus a GetItem for a coupon whose id was reused since).
 */
public final class CouponLookup {

  private final CouponStore coupons;
  private final Tenant tenant;
  private final Map<String, CouponStore.Stored> live = new HashMap<>();
  private final Map<String, Coupon> byRevision = new HashMap<>();

  public CouponLookup(CouponStore coupons, Tenant tenant) {
    this.coupons = coupons;
    this.tenant = tenant;
  }

  /** Reads the coupons of these codes that are not read yet, in one batch. */
  void preload(Collection<PromotionCode> codes) {
    Set<String> missing = codes.stream().map(PromotionCode::couponId).filter(id -> !live.containsKey(id))
        .collect(Collectors.toSet());
    live.putAll(coupons.findAll(tenant, missing));
  }

  /** The coupon record a code names (its revision), even if deleted or its id reused since. */
  Coupon of(PromotionCode code) {
    return of(code.couponId(), code.couponRev());
  }

  /** The coupon record a discount was made from, even if deleted or its id reused since. */
  public Coupon of(Discount discount) {
    return of(discount.couponId(), discount.couponRev());
  }

  Coupon of(String couponId, String couponRev) {
    return byRevision.computeIfAbsent(couponRev, rev -> {
      CouponStore.Stored stored = live.computeIfAbsent(couponId, id -> coupons.find(tenant, id).orElse(null));
      if (stored != null && stored.rev().equals(rev)) {
        return stored.coupon();
      }
      return coupons.archived(tenant, rev).orElseThrow(() ->
          new IllegalStateException("no coupon record " + couponId + " of revision " + rev));
    });
  }

  PromotionCodeView view(PromotionCode code) {
    return new PromotionCodeView(code, of(code));
  }
}
