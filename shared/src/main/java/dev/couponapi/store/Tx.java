package dev.couponapi.store;

import dev.couponapi.api.Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * One {@code TransactWriteItems} whose items are named by the part they play (the coupon, its
 * text marker, the n-th counter…), so that a cancellation is read by part, never by position.
 * The idempotency record that rides along is a part of its own: when its claim was lost, the
 * commit is a {@link ClaimLost}.
 */
final class Tx {

  /**
   * The parts every transaction may carry: the completion of the request's idempotency record, and
   * the events that record the change.
   */
  enum Common { IDEMPOTENCY_RECORD, EVENT }

  /** The most items DynamoDB takes in one TransactWriteItems. */
  static final int MAX_ITEMS = 100;

  private final List<TransactWriteItem> items = new ArrayList<>();
  private final List<Enum<?>> parts = new ArrayList<>();

  Tx add(Enum<?> part, TransactWriteItem item) {
    items.add(item);
    parts.add(part);
    return this;
  }

  Tx addAll(Enum<?> part, List<TransactWriteItem> more) {
    more.forEach(item -> add(part, item));
    return this;
  }

  /** Adds the ride-along's writes, if there are any. */
  Tx rideAlong(RideAlong rideAlong) {
    if (rideAlong != null) {
      rideAlong.parts.forEach(part -> add(part.role(), part.item()));
    }
    return this;
  }

  /**
   * Commits, as {@link #commit}; false when {@code part}'s condition refused it (the object changed
   * since it was read, say). A refusal by any other part is thrown as DynamoDB gave it.
   */
  boolean commitUnlessRefusedBy(DynamoDbClient dynamo, Enum<?> part) {
    try {
      commit(dynamo);
      return true;
    } catch (Cancelled cancelled) {
      if (!cancelled.failed(part)) {
        throw cancelled.cause();
      }
      return false;
    }
  }

  /**
   * Commits, retrying collisions with concurrent transactions ({@link Transactions#write}). A
   * refused condition is a {@link Cancelled} to read by part.
   */
  void commit(DynamoDbClient dynamo) {
    if (items.size() > MAX_ITEMS) {
      // a request's rules keep its writes below this; DynamoDB would refuse it as a validation error
      throw Errors.tooLargeAWrite(MAX_ITEMS);
    }
    try {
      Transactions.write(dynamo, TransactWriteItemsRequest.builder().transactItems(items).build());
    } catch (TransactionCanceledException cancelled) {
      if (!Transactions.anyConditionFailed(cancelled)) {
        // throttled or otherwise not done: no rule refused it, so no part may read it as a refusal
        throw cancelled;
      }
      Cancelled refused = new Cancelled(cancelled);
      if (refused.failed(Common.IDEMPOTENCY_RECORD)) {
        throw new ClaimLost();
      }
      throw refused;
    }
  }

  /** Why the transaction was cancelled, by part. */
  final class Cancelled extends RuntimeException {
    private final TransactionCanceledException cancelled;

    private Cancelled(TransactionCanceledException cancelled) {
      super("transaction cancelled", cancelled, false, false);
      this.cancelled = cancelled;
    }

    /** Whether an item of this part failed its condition. */
    boolean failed(Enum<?> part) {
      for (int i = 0; i < parts.size(); i++) {
        if (parts.get(i) == part && conditionFailed(reason(i))) {
          return true;
        }
      }
      return false;
    }

    /** Whether the {@code ofPart}-th item of this part failed its condition. */
    boolean failedAt(Enum<?> part, int ofPart) {
      return conditionFailed(reason(position(part, ofPart)));
    }

    /** The {@code ofPart}-th item of this part as it was, when it asked for ALL_OLD and failed its condition. */
    Map<String, AttributeValue> oldItem(Enum<?> part, int ofPart) {
      CancellationReason reason = reason(position(part, ofPart));
      return reason != null && reason.hasItem() ? reason.item() : Map.of();
    }

    private int position(Enum<?> part, int ofPart) {
      int seen = 0;
      for (int i = 0; i < parts.size(); i++) {
        if (parts.get(i) == part && seen++ == ofPart) {
          return i;
        }
      }
      return -1;
    }

    /** The item as it was, for a part that asked for ALL_OLD and failed its condition. */
    Map<String, AttributeValue> oldItem(Enum<?> part) {
      CancellationReason reason = reason(parts.indexOf(part));
      if (!conditionFailed(reason)) {
        throw cancelled;
      }
      return reason.hasItem() ? reason.item() : Map.of();
    }

    /** The cancellation as DynamoDB gave it, for a refusal no part explains. */
    TransactionCanceledException cause() {
      return cancelled;
    }

    private CancellationReason reason(int index) {
      List<CancellationReason> reasons = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
      return index >= 0 && index < reasons.size() ? reasons.get(index) : null;
    }

    private static boolean conditionFailed(CancellationReason reason) {
      return reason != null && "ConditionalCheckFailed".equals(reason.code());
    }
  }
}
