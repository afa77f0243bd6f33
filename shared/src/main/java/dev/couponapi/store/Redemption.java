package dev.couponapi.store;

import dev.couponapi.domain.Tenant;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The counters a write moves, and the one transaction that commits them with the holder's writes
 * (docs/api.md §4.4): all of it happens, or none.
 */
public record Redemption(List<RedemptionCounts.CouponCount> coupons, List<RedemptionCounts.PromotionCodeCount> codes) {

  public static final Redemption NONE = new Redemption(List.of(), List.of());

  /**
   * What refused a redemption ({@link Refused#reason()}): the n-th coupon counter, the n-th
   * promotion-code counter, or the n-th write of the holder (customer, subscription, code…), n
   * being {@link Refused#index()}.
   */
  public enum Part { COUPON, PROMOTION_CODE, HOLDER }

  public Redemption {
    coupons = List.copyOf(coupons);
    codes = List.copyOf(codes);
  }

  /** Commits counters, holder writes and the ride-along together; a refusal names its part. */
  void commit(DynamoDbClient dynamo, RedemptionCounts counts, Tenant tenant, Instant now,
      List<TransactWriteItem> holder, RideAlong rideAlong) {
    Tx tx = new Tx().addAll(Part.COUPON, counts.couponItems(tenant, coupons, now))
        .addAll(Part.PROMOTION_CODE, counts.codeItems(tenant, codes, now))
        .addAll(Part.HOLDER, holder)
        .rideAlong(rideAlong);
    try {
      tx.commit(dynamo);
    } catch (Tx.Cancelled cancelled) {
      for (Part part : Part.values()) {
        if (cancelled.failed(part)) {
          throw new Refused(part, cancelled.failedIndex(part));
        }
      }
      throw cancelled.cause();
    }
  }
}
