package dev.couponapi.store;

import dev.couponapi.domain.CouponUsage;
import dev.couponapi.domain.Event;
import dev.couponapi.domain.EventObject;
import dev.couponapi.domain.EventFilter;
import dev.couponapi.domain.Invoice;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Events: each written by the transaction of the change it records (a {@link RideAlong}), never
 * on its own, so a change and its event commit together or not at all (docs/events.md).
 */
public final class EventStore {

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final EventSnapshots snapshots;
  private final ObjectTable<Event> events;

  /** {@code snapshots}: how each kind of object is kept in an event, as the resources registered them. */
  public EventStore(DynamoDbClient dynamo, String tableName, EventSnapshots snapshots) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.snapshots = snapshots;
    this.events = new ObjectTable<>(dynamo, tableName, ObjectType.EVENT, item -> EventMapper.fromItem(item, snapshots));
  }

  /** The write of a new event, to commit with its change. */
  public RideAlong record(Tenant tenant, Event event, Instant now) {
    TransactWriteItem put = events.putNew(EventMapper.toItem(tenant, NewestFirstIndex.newListKey(event.created(), now),
        event, snapshots));
    return new RideAlong(Tx.Common.EVENT, put);
  }

  /** The event with this id; one strongly consistent read. */
  public Optional<Event> find(Tenant tenant, String id) {
    return events.find(tenant, id);
  }

  /** The events with these ids that exist, by id: one strongly consistent BatchGetItem per 100. */
  public Map<String, Event> findAll(Tenant tenant, List<String> ids) {
    Map<String, Event> found = new java.util.LinkedHashMap<>();
    Items.batchGet(dynamo, tableName, ids.stream().map(id -> events.pk(tenant, id)).toList(), true).values()
        .forEach(item -> {
          Event event = EventMapper.fromItem(item, snapshots);
          found.put(event.id(), event);
        });
    return found;
  }

  /**
   * What each of these events adds to the coupon statistics (docs/api.md §2.9), by id: what its
   * change redeemed, and what a paid invoice's discounts took off. One strongly consistent
   * BatchGetItem per 100; an event not found is absent.
   */
  public Map<String, List<CouponUsage>> usages(Tenant tenant, List<String> ids) {
    Map<String, List<CouponUsage>> usages = new java.util.LinkedHashMap<>();
    Items.batchGet(dynamo, tableName, ids.stream().map(id -> events.pk(tenant, id)).toList(), true).values()
        .forEach(item -> {
          long created = Attr.longValue(item, EventMapper.CREATED);
          List<CouponUsage> those = new java.util.ArrayList<>(
              CouponUsage.redeemed(CouponStatsStore.redeemedBy(item), created));
          if (Invoice.PAID.wireName().equals(Attr.string(item, EventMapper.TYPE))
              && EventMapper.fromItem(item, snapshots).object() instanceof EventObject.OfInvoice paid) {
            those.addAll(CouponUsage.paid(paid.invoice(), created));
          }
          usages.put(Attr.string(item, EventMapper.ID), those);
        });
    return usages;
  }

  /** Where the event with this id sits in the list (for a cursor). */
  public Optional<String> listKey(Tenant tenant, String id) {
    return Items.get(dynamo, tableName, events.pk(tenant, id)).map(item -> Attr.string(item, Table.GSI1_SK));
  }

  /** One page, newest first, of the events {@code filter} accepts. */
  public Page<Event> page(Tenant tenant, EventFilter filter, ListRequest request, String afterKey, String beforeKey) {
    if (filter.acceptsNone()) {
      return new Page<>(List.of(), false);
    }
    // the type first, from its attribute: an event of another type is not decoded
    return events.page(events.list(tenant), request, afterKey, beforeKey,
        item -> filter.acceptsType(Attr.string(item, EventMapper.TYPE))
            && filter.accepts(EventMapper.fromItem(item, snapshots)));
  }

  /** The partition key of an event, as its stream record names it. */
  public static boolean isEventKey(String pk) {
    try {
      return ObjectType.parse(pk).type() == ObjectType.EVENT;
    } catch (IllegalArgumentException notAnObjectKey) {
      return false;
    }
  }

  /** The tenant and id of an event's partition key. */
  public static ObjectType.Key eventKey(String pk) {
    return ObjectType.parse(pk);
  }

  Map<String, AttributeValue> key(Tenant tenant, String id) {
    return events.key(tenant, id);
  }
}
