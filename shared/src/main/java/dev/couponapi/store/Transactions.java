package dev.couponapi.store;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Writing transactions, and reading why one was cancelled. */
final class Transactions {

  /** Attempts for a transaction that collides with another on the same items (a hot coupon). */
  static final int ATTEMPTS = 12;

  private Transactions() {}

  /**
   * Commits the transaction. A collision with a concurrent transaction on the same items is tried
   * again (the other one's outcome then decides the conditions); a persistent one is a
   * {@link LockTimeout}. A cancelled condition is thrown to the caller to explain.
   */
  static void write(DynamoDbClient dynamo, TransactWriteItemsRequest request) {
    for (int attempt = 1; ; attempt++) {
      try {
        dynamo.transactWriteItems(request);
        return;
      } catch (TransactionCanceledException cancelled) {
        if (!conflicted(cancelled) || anyConditionFailed(cancelled)) {
          throw cancelled;
        }
        if (attempt == ATTEMPTS) {
          throw new LockTimeout();
        }
        backOff(attempt);
      }
    }
  }

  /** Jittered exponential back-off, so colliding writers spread out instead of colliding again. */
  private static void backOff(int attempt) {
    long ceiling = Math.min(200, 5L << Math.min(attempt, 6));
    try {
      Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, ceiling + 1));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new LockTimeout();
    }
  }

  private static boolean conflicted(TransactionCanceledException cancelled) {
    return reasons(cancelled).stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()));
  }

  /** Whether a condition refused the transaction (rather than a conflict or throttling). */
  static boolean anyConditionFailed(TransactionCanceledException cancelled) {
    return reasons(cancelled).stream().anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()));
  }

  private static List<CancellationReason> reasons(TransactionCanceledException cancelled) {
    return cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
  }

}
