package dev.couponapi.domain;

import java.util.Map;

/**
 * A create request for a promotion code, checked for shape: the coupon it names, the code text
 * (null: generate one) and the rest of its terms.
 */
public record PromotionCodeDraft(
    String couponId,
    String couponParam,
    String code,
    String customer,
    Long expiresAt,
    Long maxRedemptions,
    boolean active,
    Map<String, String> metadata,
    PromotionCode.Restrictions restrictions,
    Long maxRedemptionsPerCustomer) {

  public PromotionCodeDraft {
    metadata = Map.copyOf(metadata);
  }
}
