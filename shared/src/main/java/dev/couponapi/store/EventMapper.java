package dev.couponapi.store;

import dev.couponapi.domain.Event;
import dev.couponapi.domain.EventObject;
import dev.couponapi.domain.EventType;
import dev.couponapi.domain.Tenant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The only place that knows how an event is laid out as a DynamoDB item. */
final class EventMapper {

  static final String ID = "id";
  static final String TYPE = "type";
  static final String CREATED = "created";
  static final String LIVEMODE = "livemode";
  static final String API_VERSION = "api_version";
  static final String REQUEST_ID = "request_id";
  static final String IDEMPOTENCY_KEY = "idempotency_key";
  /** The object's kind, as its {@link EventSnapshot} names it, and its snapshots. */
  static final String KIND = "kind";
  static final String OBJECT = "object";
  static final String COUPON_OF_OBJECT = "object_coupon";
  static final String PREVIOUS = "previous";
  static final String COUPON_OF_PREVIOUS = "previous_coupon";
  /** Endpoints yet to acknowledge; absent until the event was fanned out. */
  static final String PENDING_WEBHOOKS = "pending_webhooks";
  /** The endpoints the event was fanned out to (set with {@link #PENDING_WEBHOOKS}). */
  static final String FANNED_TO = "fanned_to";
  static final String PREVIOUS_AT = "previous_at";
  static final String ENTITY = "entity";

  /** DynamoDB's TTL deletes within days of expiry; reads enforce the 30 days themselves. */
  private static final long TTL_SLACK_SECONDS = 24 * 3600;

  private EventMapper() {}

  static Map<String, AttributeValue> toItem(Tenant tenant, String listKey, Event event, EventSnapshots snapshots) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Table.PK, Attr.s(ObjectType.EVENT.key(tenant, event.id())));
    item.put(Table.GSI1_PK, Attr.s(ObjectType.EVENT.listKey(tenant)));
    item.put(Table.GSI1_SK, Attr.s(listKey));
    item.put(Table.TTL, Attr.n(event.created() + Event.RETENTION_SECONDS + TTL_SLACK_SECONDS));
    item.put(ENTITY, Attr.s("event"));
    item.put(ID, Attr.s(event.id()));
    item.put(TYPE, Attr.s(event.type().wireName()));
    item.put(CREATED, Attr.n(event.created()));
    item.put(LIVEMODE, Attr.bool(event.livemode()));
    item.put(API_VERSION, Attr.s(event.apiVersion()));
    Attr.putIfPresent(item, REQUEST_ID, event.requestId());
    Attr.putIfPresent(item, IDEMPOTENCY_KEY, event.idempotencyKey());
    EventSnapshot<EventObject> snapshot = snapshots.of(event.object());
    item.put(KIND, Attr.s(snapshot.kind()));
    snapshot.write(item, OBJECT, COUPON_OF_OBJECT, tenant, event.object());
    if (event.previous() != null) {
      snapshot.write(item, PREVIOUS, COUPON_OF_PREVIOUS, tenant, event.previous());
      Attr.putIfPresent(item, PREVIOUS_AT, event.previousAt());
    }
    return item;
  }

  static Event fromItem(Map<String, AttributeValue> item, EventSnapshots snapshots) {
    EventSnapshot<?> snapshot = snapshots.ofKind(Attr.string(item, KIND));
    return new Event(
        Attr.string(item, ID),
        new EventType(Attr.string(item, TYPE)),
        Attr.longValue(item, CREATED),
        Attr.bool(item, LIVEMODE),
        Attr.string(item, API_VERSION),
        Attr.string(item, REQUEST_ID),
        Attr.string(item, IDEMPOTENCY_KEY),
        snapshot.read(item, OBJECT, COUPON_OF_OBJECT),
        item.containsKey(PREVIOUS) ? snapshot.read(item, PREVIOUS, COUPON_OF_PREVIOUS) : null,
        Attr.longValue(item, PENDING_WEBHOOKS),
        Attr.stringList(item, FANNED_TO),
        Attr.longValue(item, PREVIOUS_AT));
  }
}
