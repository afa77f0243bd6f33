package dev.couponapi.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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

  /**
   * The same writes with {@code attributes} added to the first event's item (what a change adds to
   * the coupon statistics: {@link CouponStatsStore#redeemed}); IllegalStateException when none rides along.
   */
  static RideAlong onFirstEvent(RideAlong rideAlong, Map<String, AttributeValue> attributes) {
    List<Part> tagged = new ArrayList<>(rideAlong == null ? List.of() : rideAlong.parts);
    for (int i = 0; i < tagged.size(); i++) {
      Part part = tagged.get(i);
      if (part.role() == Tx.Common.EVENT && part.item().put() != null) {
        Map<String, AttributeValue> item = new HashMap<>(part.item().put().item());
        item.putAll(attributes);
        tagged.set(i, new Part(part.role(), part.item().toBuilder()
            .put(part.item().put().toBuilder().item(item).build()).build()));
        return new RideAlong(tagged);
      }
    }
    throw new IllegalStateException("a redemption must record an event: its statistics are counted from it");
  }

  /** How many transaction items it adds. */
  public static int size(RideAlong rideAlong) {
    return rideAlong == null ? 0 : rideAlong.parts.size();
  }
}
