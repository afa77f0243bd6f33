package dev.couponapi.domain;

/**
 * A create request for a batch, checked for shape: how many codes, how their text is made, and
 * the terms each gets, as a single promotion-code create would take them (no code, no customer).
 */
public record PromotionCodeBatchDraft(PromotionCodeDraft codes, long count, String prefix, int length) {

  public PromotionCodeBatch.CodeTerms terms() {
    return new PromotionCodeBatch.CodeTerms(prefix, length, codes.expiresAt(), codes.maxRedemptions(),
        codes.restrictions());
  }
}
