package dev.couponapi.domain;

/**
 * The filters of the promotion-code list (docs/api.md §3.5); null: not filtered on. {@code batch}
 * (an extension) keeps the codes a promotion-code batch made.
 */
public record PromotionCodeFilter(Boolean active, String code, String coupon, String customer, String batch) {}
