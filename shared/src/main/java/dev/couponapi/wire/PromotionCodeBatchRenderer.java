package dev.couponapi.wire;

import dev.couponapi.domain.PromotionCodeBatch;
import java.util.Map;

/** Renders a promotion-code batch (docs/api.md §3.7); the same in every version, as an extension. */
public final class PromotionCodeBatchRenderer {

  private PromotionCodeBatchRenderer() {}

  public static Map<String, Object> render(PromotionCodeBatch batch) {
    return StripeObject.of(batch.id(), "promotion_code_batch")
        .put("count", batch.count())
        .put("coupon", batch.couponId())
        .put("created", batch.created())
        .put("created_count", batch.createdCount())
        .put("failure_message", batch.failureMessage())
        .put("length", batch.terms().length())
        .put("livemode", batch.livemode())
        .put("max_redemptions", batch.terms().maxRedemptions())
        .put("metadata", StripeObject.sorted(batch.metadata()))
        .put("prefix", batch.terms().prefix())
        .put("status", batch.status().wire())
        .toMap();
  }
}
