package dev.couponapi.store;

import dev.couponapi.domain.Event;
import dev.couponapi.domain.Tenant;
import dev.couponapi.domain.WebhookDelivery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The deliveries of events to endpoints (docs/events.md, "Delivery"). An event is fanned out once:
 * its count of pending endpoints and one delivery item per endpoint are written in one transaction,
 * on the condition that it was not fanned out before. A delivery ends once: its acknowledgement
 * and the event's count coming down by one are one transaction, on the condition that it was still
 * pending, so a delivery run twice counts once.
 */
public final class WebhookDeliveryStore {

  static final String EVENT = "event";
  static final String ENDPOINT = "endpoint";
  static final String STATUS = "status";
  static final String ATTEMPTS = "attempts";
  static final String LAST_STATUS = "last_status";

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final ObjectTable<WebhookDelivery> deliveries;

  public WebhookDeliveryStore(DynamoDbClient dynamo, String tableName) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.deliveries = new ObjectTable<>(dynamo, tableName, ObjectType.WEBHOOK_DELIVERY, WebhookDeliveryStore::delivery);
  }

  private enum Part { EVENT, DELIVERY }

  /**
   * Fans the event out to {@code endpoints}: true when this call did it, false when it had been
   * done (or the event is gone).
   */
  public boolean fanOut(Tenant tenant, Event event, List<String> endpoints) {
    if (endpoints.isEmpty()) {
      return sentToNone(tenant, event.id());
    }
    UpdateExpression counted = fannedOut(endpoints);
    Tx tx = new Tx().add(Part.EVENT, TransactWriteItem.builder()
        .update(counted.transactionUpdate(tableName, eventKey(tenant, event.id()))).build());
    for (String endpoint : endpoints) {
      Map<String, AttributeValue> item = new HashMap<>();
      item.put(Table.PK, Attr.s(deliveries.pk(tenant, id(event.id(), endpoint))));
      item.put(EVENT, Attr.s(event.id()));
      item.put(ENDPOINT, Attr.s(endpoint));
      item.put(STATUS, Attr.s(WebhookDelivery.Status.PENDING.wire()));
      item.put(ATTEMPTS, Attr.n(0));
      item.put(Table.TTL, Attr.n(event.created() + Event.RETENTION_SECONDS + 24 * 3600));
      tx.add(Part.DELIVERY, deliveries.putNew(item));
    }
    return tx.commitUnlessRefusedBy(dynamo, Part.EVENT);
  }

  /**
   * Fans an event out to no endpoint: it only notes so, in one plain update (no transaction, no
   * read of the event needed). False when it had been fanned out (or is gone).
   */
  public boolean sentToNone(Tenant tenant, String eventId) {
    try {
      dynamo.updateItem(fannedOut(List.of()).request(tableName, eventKey(tenant, eventId)).build());
      return true;
    } catch (ConditionalCheckFailedException done) {
      return false;
    }
  }

  /** Sets the event's count of pending endpoints and where it went, unless it was fanned out before. */
  private static UpdateExpression fannedOut(List<String> endpoints) {
    return new UpdateExpression()
        .name("#pending", EventMapper.PENDING_WEBHOOKS).value(":pending", Attr.n(endpoints.size()))
        .name("#to", EventMapper.FANNED_TO).value(":to", Attr.stringList(endpoints))
        .set("#pending = :pending").set("#to = :to")
        .condition("attribute_exists(" + Table.PK + ") AND attribute_not_exists(#pending)");
  }

  public Optional<WebhookDelivery> find(Tenant tenant, String eventId, String endpointId) {
    return deliveries.find(tenant, id(eventId, endpointId));
  }

  /** The endpoint acknowledged: the delivery succeeds and the event counts one endpoint fewer; false if it had ended. */
  public boolean succeed(Tenant tenant, WebhookDelivery delivery) {
    Tx tx = new Tx().add(Part.DELIVERY, TransactWriteItem.builder().update(pendingOnly(new UpdateExpression()
            .name("#attempts", ATTEMPTS).value(":one", Attr.n(1)).set("#attempts = #attempts + :one")
            .value(":succeeded", Attr.s(WebhookDelivery.Status.SUCCEEDED.wire())).set("#status = :succeeded"))
            .transactionUpdate(tableName, deliveries.key(tenant, id(delivery.eventId(), delivery.endpointId()))))
            .build())
        .add(Part.EVENT, TransactWriteItem.builder().update(new UpdateExpression()
            .name("#pending", EventMapper.PENDING_WEBHOOKS).value(":minusOne", Attr.n(-1)).value(":zero", Attr.n(0))
            .set("#pending = #pending + :minusOne").condition("#pending > :zero")
            .transactionUpdate(tableName, eventKey(tenant, delivery.eventId()))).build());
    return tx.commitUnlessRefusedBy(dynamo, Part.DELIVERY);
  }

  /**
   * Records a failed attempt (its HTTP status, 0 for none); {@code status} is PENDING while it will
   * be tried again. False when the delivery had ended meanwhile.
   */
  public boolean recordFailure(Tenant tenant, WebhookDelivery delivery, int httpStatus, WebhookDelivery.Status status) {
    return end(tenant, delivery, new UpdateExpression()
        .name("#attempts", ATTEMPTS).value(":one", Attr.n(1)).set("#attempts = #attempts + :one")
        .name("#last", LAST_STATUS).value(":last", Attr.n(httpStatus)).set("#last = :last")
        .value(":next", Attr.s(status.wire())).set("#status = :next"));
  }

  /** Gives up on a delivery whose endpoint or event is gone or disabled. */
  public boolean abandon(Tenant tenant, WebhookDelivery delivery) {
    return end(tenant, delivery, new UpdateExpression()
        .value(":next", Attr.s(WebhookDelivery.Status.ABANDONED.wire())).set("#status = :next"));
  }

  private boolean end(Tenant tenant, WebhookDelivery delivery, UpdateExpression update) {
    try {
      dynamo.updateItem(pendingOnly(update).request(tableName,
          deliveries.key(tenant, id(delivery.eventId(), delivery.endpointId()))).build());
      return true;
    } catch (ConditionalCheckFailedException ended) {
      return false;
    }
  }

  private static UpdateExpression pendingOnly(UpdateExpression update) {
    return update.name("#status", STATUS).value(":pending", Attr.s(WebhookDelivery.Status.PENDING.wire()))
        .condition("#status = :pending");
  }

  private static String id(String eventId, String endpointId) {
    return eventId + "#" + endpointId;
  }

  private Map<String, AttributeValue> eventKey(Tenant tenant, String eventId) {
    return Map.of(Table.PK, Attr.s(ObjectType.EVENT.key(tenant, eventId)));
  }

  private static WebhookDelivery delivery(Map<String, AttributeValue> item) {
    return new WebhookDelivery(Attr.string(item, EVENT), Attr.string(item, ENDPOINT),
        WebhookDelivery.Status.fromWire(Attr.string(item, STATUS)), (int) Attr.longOrZero(item, ATTEMPTS));
  }
}
