package dev.couponapi.service;

import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.PromotionCode;

/** A promotion code with the coupon record it names: what rendering it takes. */
public record PromotionCodeView(PromotionCode code, Coupon coupon) {}
