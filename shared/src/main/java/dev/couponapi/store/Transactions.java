package dev.couponapi.store;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Reading why a transaction was cancelled. */
final class Transactions {

  private Transactions() {}

  /** The item as it was, for a cancelled item that asked for ALL_OLD on a failed condition. */
  static Map<String, AttributeValue> oldItem(TransactionCanceledException cancelled, int index) {
    CancellationReason reason = reason(cancelled, index);
    if (reason == null || !"ConditionalCheckFailed".equals(reason.code())) {
      throw cancelled;
    }
    return reason.hasItem() ? reason.item() : Map.of();
  }

  /** Fails with {@link ClaimLost} when the idempotency record at {@code index} was not ours any more. */
  static void requireHeld(TransactionCanceledException cancelled, int index) {
    CancellationReason reason = reason(cancelled, index);
    if (reason != null && "ConditionalCheckFailed".equals(reason.code())) {
      throw new ClaimLost();
    }
  }

  private static CancellationReason reason(TransactionCanceledException cancelled, int index) {
    List<CancellationReason> reasons = cancelled.cancellationReasons();
    return reasons != null && index < reasons.size() ? reasons.get(index) : null;
  }
}
