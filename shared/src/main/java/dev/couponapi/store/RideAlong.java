package dev.couponapi.store;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Writes that must commit in the same transaction as an object's own write: completing an
 * idempotency record, recording the change's events. Opaque outside the store; {@link #and}
 * puts several together (null stands for nothing).
 */
public final class RideAlong {

  record Part(Tx.Common role, TransactWriteItem item) {}

  final List<Part> parts;

  private RideAlong(List<Part> parts) {
    this.parts = List.copyOf(parts);
  }

  RideAlong(Tx.Common role, TransactWriteItem item) {
    this(List.of(new Part(role, item)));
  }

  /** Both ride-alongs (either may be null); null when neither has anything. */
  public static RideAlong and(RideAlong first, RideAlong second) {
    if (first == null) {
      return second;
    }
    if (second == null) {
      return first;
    }
    List<Part> all = new ArrayList<>(first.parts);
    all.addAll(second.parts);
    return new RideAlong(all);
  }

  /** How many transaction items it adds. */
  public static int size(RideAlong rideAlong) {
    return rideAlong == null ? 0 : rideAlong.parts.size();
  }
}
