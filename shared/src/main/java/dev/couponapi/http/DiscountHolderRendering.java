package dev.couponapi.http;

import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.Discount;
import dev.couponapi.domain.Tenant;
import dev.couponapi.service.CouponLookup;
import dev.couponapi.store.CouponStore;
import java.util.function.Function;

/** The coupons a response's discounts name, read only when the response's shape needs them. */
public final class DiscountHolderRendering {

  private final CouponStore coupons;

  public DiscountHolderRendering(CouponStore coupons) {
    this.coupons = coupons;
  }

  Function<Discount, Coupon> couponsOf(Tenant tenant) {
    return new CouponLookup(coupons, tenant)::of;
  }
}
