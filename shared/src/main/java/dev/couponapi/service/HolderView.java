package dev.couponapi.service;

import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.Discount;
import java.util.function.Function;

/** A customer or subscription and the coupons to render its discounts with. */
public record HolderView<T>(T holder, Function<Discount, Coupon> coupons) {}
