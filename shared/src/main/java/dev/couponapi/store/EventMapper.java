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
  /** The object's kind ({@link #COUPON}, {@link #PROMOTION_CODE}) and its snapshots. */
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

  private static final String COUPON = "coupon";
  private static final String PROMOTION_CODE = "promotion_code";
  private static final String CUSTOMER = "customer";
  private static final String DISCOUNT = "discount";
  private static final String SUBSCRIPTION = "subscription";
  /** DynamoDB's TTL deletes within days of expiry; reads enforce the 30 days themselves. */
  private static final long TTL_SLACK_SECONDS = 24 * 3600;

  private EventMapper() {}

  static Map<String, AttributeValue> toItem(Tenant tenant, String listKey, Event event) {
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
    putObject(item, tenant, event.object(), OBJECT, COUPON_OF_OBJECT);
    if (event.previous() != null) {
      putObject(item, tenant, event.previous(), PREVIOUS, COUPON_OF_PREVIOUS);
      Attr.putIfPresent(item, PREVIOUS_AT, event.previousAt());
    }
    return item;
  }

  private static void putObject(Map<String, AttributeValue> item, Tenant tenant, EventObject object, String name,
      String couponName) {
    if (object instanceof EventObject.OfCoupon of) {
      item.put(KIND, Attr.s(COUPON));
      item.put(name, Snapshots.coupon(of.coupon()));
    } else if (object instanceof EventObject.OfPromotionCode of) {
      item.put(KIND, Attr.s(PROMOTION_CODE));
      item.put(name, Snapshots.promotionCode(tenant, of.code()));
      item.put(couponName, Snapshots.coupon(of.coupon()));
    } else if (object instanceof EventObject.OfCustomer of) {
      item.put(KIND, Attr.s(CUSTOMER));
      item.put(name, Snapshots.customer(tenant, of.customer()));
      if (of.coupon() != null) {
        item.put(couponName, Snapshots.coupon(of.coupon()));
      }
    } else if (object instanceof EventObject.OfSubscription of) {
      item.put(KIND, Attr.s(SUBSCRIPTION));
      item.put(name, Snapshots.subscription(tenant, of.subscription()));
      item.put(couponName, Snapshots.coupons(of.coupons()));
    } else if (object instanceof EventObject.OfDiscount of) {
      item.put(KIND, Attr.s(DISCOUNT));
      item.put(name, Snapshots.discount(of.discount()));
      item.put(couponName, Snapshots.coupon(of.coupon()));
    } else {
      throw new IllegalArgumentException("no snapshot for " + object);
    }
  }

  static Event fromItem(Map<String, AttributeValue> item) {
    String kind = Attr.string(item, KIND);
    return new Event(
        Attr.string(item, ID),
        EventType.fromWire(Attr.string(item, TYPE)).orElseThrow(),
        Attr.longValue(item, CREATED),
        Attr.bool(item, LIVEMODE),
        Attr.string(item, API_VERSION),
        Attr.string(item, REQUEST_ID),
        Attr.string(item, IDEMPOTENCY_KEY),
        object(kind, item, OBJECT, COUPON_OF_OBJECT),
        item.containsKey(PREVIOUS) ? object(kind, item, PREVIOUS, COUPON_OF_PREVIOUS) : null,
        Attr.longValue(item, PENDING_WEBHOOKS),
        Attr.stringList(item, FANNED_TO),
        Attr.longValue(item, PREVIOUS_AT));
  }

  private static EventObject object(String kind, Map<String, AttributeValue> item, String name, String couponName) {
    return switch (kind) {
      case COUPON -> new EventObject.OfCoupon(Snapshots.coupon(item.get(name)));
      case PROMOTION_CODE -> new EventObject.OfPromotionCode(Snapshots.promotionCode(item.get(name)),
          Snapshots.coupon(item.get(couponName)));
      case CUSTOMER -> new EventObject.OfCustomer(Snapshots.customer(item.get(name)),
          item.containsKey(couponName) ? Snapshots.coupon(item.get(couponName)) : null);
      case SUBSCRIPTION -> new EventObject.OfSubscription(Snapshots.subscription(item.get(name)),
          Snapshots.coupons(item.get(couponName)));
      case DISCOUNT -> new EventObject.OfDiscount(Snapshots.discount(item.get(name)), Snapshots.coupon(item.get(couponName)));
      default -> throw new IllegalStateException("unknown event object kind: " + kind);
    };
  }
}
