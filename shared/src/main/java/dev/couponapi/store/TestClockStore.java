package dev.couponapi.store;

import dev.couponapi.domain.EventObject;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.TestClock;
import dev.couponapi.domain.Tenant;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Test clocks (docs/api.md §7.5). An advancing clock is in the expiry index, due at once, so that
 * the sweep finishes an advance its request left unfinished (or that a crash stopped); it leaves
 * the index when it is ready.
 */
public final class TestClockStore {

  /** A clock's events: the clock. */
  public static final EventSnapshot<EventObject.OfTestClock> SNAPSHOT = EventSnapshot.withoutCoupons("test_clock",
      EventObject.OfTestClock.class, (tenant, of) -> toItem(tenant, of.clock(), ""),
      item -> new EventObject.OfTestClock(fromItem(item)));

  private enum Part { CLOCK }

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final ObjectTable<Stored> clocks;
  /** The customers' table, read for the ids of a clock's customers. */
  private final ObjectTable<String> customerIds;

  public TestClockStore(DynamoDbClient dynamo, String tableName) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.clocks = new ObjectTable<>(dynamo, tableName, ObjectType.TEST_CLOCK, TestClockStore::stored);
    this.customerIds = new ObjectTable<>(dynamo, tableName, ObjectType.CUSTOMER, item -> Attr.string(item, "id"));
  }

  /** A stored clock, its place in lists and its version. */
  public record Stored(TestClock clock, String listKey, long version) {}

  public Optional<Stored> find(Tenant tenant, String id) {
    return clocks.find(tenant, id);
  }

  public void insert(Tenant tenant, TestClock clock, Instant now, RideAlong rideAlong) {
    Tx tx = new Tx().add(Part.CLOCK, clocks.putNew(toItem(tenant, clock, NewestFirstIndex.newListKey(clock.created(),
        now)))).rideAlong(rideAlong);
    tx.commit(dynamo);
  }

  /**
   * Moves the clock read at {@code current} to {@code after} (its status, frozen time and target),
   * if it is unchanged since; an advancing clock is indexed as due at {@code now}, a ready one is
   * not. Else a {@link ChangedMeanwhile}.
   */
  public void move(Tenant tenant, Stored current, TestClock after, Instant now, RideAlong rideAlong) {
    UpdateExpression update = new UpdateExpression()
        .name("#status", "status").value(":status", Attr.s(after.status())).set("#status = :status")
        .name("#frozen", "frozen_time").value(":frozen", Attr.n(after.frozenTime())).set("#frozen = :frozen")
        .name("#target", "target");
    if (after.target() == null) {
      update.remove("#target");
    } else {
      update.value(":target", Attr.n(after.target())).set("#target = :target");
    }
    String pk = clocks.pk(tenant, after.id());
    ExpiryIndex.set(update, pk, TestClock.ADVANCING_STATUS.equals(after.status()) ? now.getEpochSecond() : null);
    Tx tx = new Tx().add(Part.CLOCK, TransactWriteItem.builder().update(Versioned.next(update, current.version())
        .transactionUpdate(tableName, clocks.key(tenant, after.id()))).build()).rideAlong(rideAlong);
    if (!tx.commitUnlessRefusedBy(dynamo, Part.CLOCK)) {
      throw new ChangedMeanwhile();
    }
  }

  /** Deletes the clock read at {@code current} if it is unchanged since; else a {@link ChangedMeanwhile}. */
  public void delete(Tenant tenant, Stored current, RideAlong rideAlong) {
    Tx tx = new Tx().add(Part.CLOCK, TransactWriteItem.builder().delete(software.amazon.awssdk.services.dynamodb.model
        .Delete.builder().tableName(tableName).key(clocks.key(tenant, current.clock().id()))
        .conditionExpression("attribute_exists(#pk) AND (attribute_not_exists(#ver) OR #ver = :ver)")
        .expressionAttributeNames(Map.of("#pk", Table.PK, "#ver", Versioned.ATTRIBUTE))
        .expressionAttributeValues(Map.of(":ver", Attr.n(current.version()))).build()).build()).rideAlong(rideAlong);
    if (!tx.commitUnlessRefusedBy(dynamo, Part.CLOCK)) {
      throw new ChangedMeanwhile();
    }
  }

  public Page<Stored> page(Tenant tenant, ListRequest request, String afterKey, String beforeKey) {
    return clocks.page(clocks.list(tenant), request, afterKey, beforeKey, item -> true);
  }

  /** The live customers on a clock (GSI4), up to {@code limit}. */
  public List<String> customersOf(Tenant tenant, String clock, int limit) {
    return customerIds.page(new NewestFirstIndex.Source(Table.GSI4, Table.GSI4_PK,
        CustomerMapper.clockIndex(tenant, clock)), new ListRequest(limit, null, null, null, null), null, null,
        item -> !item.containsKey(CustomerMapper.DELETED_AT)).items();
  }

  static Map<String, AttributeValue> toItem(Tenant tenant, TestClock clock, String listKey) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Table.PK, Attr.s(ObjectType.TEST_CLOCK.key(tenant, clock.id())));
    item.put(Table.GSI1_PK, Attr.s(ObjectType.TEST_CLOCK.listKey(tenant)));
    item.put(Table.GSI1_SK, Attr.s(listKey));
    item.put("id", Attr.s(clock.id()));
    Attr.putIfPresent(item, "name", clock.name());
    item.put("frozen_time", Attr.n(clock.frozenTime()));
    item.put("status", Attr.s(clock.status()));
    Attr.putIfPresent(item, "target", clock.target());
    item.put("created", Attr.n(clock.created()));
    item.put("livemode", Attr.bool(clock.livemode()));
    return item;
  }

  static TestClock fromItem(Map<String, AttributeValue> item) {
    return new TestClock(Attr.string(item, "id"), Attr.string(item, "name"), Attr.longValue(item, "frozen_time"),
        Attr.string(item, "status"), Attr.longValue(item, "target"), Attr.longValue(item, "created"),
        Attr.bool(item, "livemode"));
  }

  private static Stored stored(Map<String, AttributeValue> item) {
    return new Stored(fromItem(item), Attr.string(item, Table.GSI1_SK), Versioned.of(item));
  }
}
