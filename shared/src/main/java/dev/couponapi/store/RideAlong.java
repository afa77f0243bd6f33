package dev.couponapi.store;

import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A write that must commit in the same transaction as an object's own write (today: completing
 * an idempotency record). Opaque outside the store.
 */
public final class RideAlong {

  final TransactWriteItem item;

  RideAlong(TransactWriteItem item) {
    this.item = item;
  }
}
