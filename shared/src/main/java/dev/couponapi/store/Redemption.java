package dev.couponapi.store;

import dev.couponapi.domain.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The counters a write moves, and the one transaction that commits them with the holder's writes
 * (spec §4.4): all of it happens, or none.
 */
public record Redemption(List<RedemptionCounts.CouponCount> coupons, List<RedemptionCounts.PromotionCodeCount> codes) {

  public static final Redemption NONE = new Redemption(List.of(), List.of());

  public Redemption {
    coupons = List.copyOf(coupons);
    codes = List.copyOf(codes);
  }

  /** Commits counters, holder writes and the ride-along together; says which part refused. */
  void commit(DynamoDbClient dynamo, RedemptionCounts counts, Tenant tenant, Instant now,
      List<TransactWriteItem> holder, RideAlong rideAlong) {
    List<TransactWriteItem> items = new ArrayList<>(counts.items(tenant, coupons, codes, now));
    items.addAll(holder);
    if (rideAlong != null) {
      items.add(rideAlong.item);
    }
    try {
      Transactions.write(dynamo, TransactWriteItemsRequest.builder().transactItems(items).build());
    } catch (TransactionCanceledException cancelled) {
      if (rideAlong != null) {
        Transactions.requireHeld(cancelled, items.size() - 1);
      }
      for (int i = 0; i < coupons.size(); i++) {
        if (Transactions.failed(cancelled, i)) {
          throw new RedemptionRefused(RedemptionRefused.Part.COUPON, i);
        }
      }
      for (int i = 0; i < codes.size(); i++) {
        if (Transactions.failed(cancelled, coupons.size() + i)) {
          throw new RedemptionRefused(RedemptionRefused.Part.PROMOTION_CODE, i);
        }
      }
      for (int i = 0; i < holder.size(); i++) {
        if (Transactions.failed(cancelled, coupons.size() + codes.size() + i)) {
          throw new RedemptionRefused(RedemptionRefused.Part.HOLDER, i);
        }
      }
      throw cancelled;
    }
  }
}
