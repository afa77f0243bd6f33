package dev.couponapi.store;

import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Tenant;
import dev.couponapi.domain.WebhookEndpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Webhook endpoints. A tenant's count of endpoints is an item of its own, changed in the same
 * transaction as each create and delete, on the condition that it stays within 16: two creates at
 * once cannot make a 17th (docs/events.md, "Webhook endpoints").
 */
public final class WebhookEndpointStore {

  private static final String COUNT = "count";
  private static final String COUNT_ID = "count";

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final ObjectTable<Stored> endpoints;

  public WebhookEndpointStore(DynamoDbClient dynamo, String tableName) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.endpoints = new ObjectTable<>(dynamo, tableName, ObjectType.WEBHOOK_ENDPOINT, WebhookEndpointStore::stored);
  }

  /** A stored endpoint, its place in lists and how many updates it has had. */
  public record Stored(WebhookEndpoint endpoint, String listKey, long version) {}

  /** Why a write was refused ({@link Refused#reason()}). */
  public enum Refusal { LIMIT_REACHED }

  private enum Part { ENDPOINT, COUNT }

  /** Writes a new endpoint and counts it, unless the tenant has 16; {@code rideAlong} commits with it. */
  public void insert(Tenant tenant, WebhookEndpoint endpoint, Instant now, RideAlong rideAlong) {
    Map<String, AttributeValue> item = WebhookEndpointMapper.toItem(tenant,
        NewestFirstIndex.newListKey(endpoint.created(), now), endpoint);
    Tx tx = new Tx().add(Part.ENDPOINT, endpoints.putNew(item))
        .add(Part.COUNT, TransactWriteItem.builder().update(new UpdateExpression()
            .name("#count", COUNT).value(":one", Attr.n(1)).value(":zero", Attr.n(0))
            .value(":max", Attr.n(WebhookEndpoint.MAX_PER_ACCOUNT))
            .set("#count = if_not_exists(#count, :zero) + :one")
            .condition("(attribute_not_exists(#count) OR #count < :max)")
            .transactionUpdate(tableName, countKey(tenant))).build())
        .rideAlong(rideAlong);
    if (!tx.commitUnlessRefusedBy(dynamo, Part.COUNT)) {
      throw new Refused(Refusal.LIMIT_REACHED);
    }
  }

  public Optional<Stored> find(Tenant tenant, String id) {
    return endpoints.find(tenant, id);
  }

  public Optional<String> listKey(Tenant tenant, String id) {
    return find(tenant, id).map(Stored::listKey);
  }

  public Page<Stored> page(Tenant tenant, ListRequest request, String afterKey, String beforeKey) {
    return endpoints.page(endpoints.list(tenant), request, afterKey, beforeKey, item -> true);
  }

  /** Every endpoint of the tenant (at most 16: one page), for a fan-out. */
  public List<WebhookEndpoint> all(Tenant tenant) {
    Page<Stored> page = page(tenant, new ListRequest(ListRequest.MAX_LIMIT, null, null, null, null), null, null);
    List<WebhookEndpoint> all = new ArrayList<>();
    page.items().forEach(stored -> all.add(stored.endpoint()));
    return all;
  }

  /** Writes {@code next} over the endpoint read at {@code current}, if it is unchanged since; else a {@link ChangedMeanwhile}. */
  public void replace(Tenant tenant, Stored current, WebhookEndpoint next) {
    Map<String, AttributeValue> item = WebhookEndpointMapper.toItem(tenant, current.listKey(), next);
    item.put(WebhookEndpointMapper.VERSION, Attr.n(current.version() + 1));
    try {
      dynamo.putItem(PutItemRequest.builder().tableName(tableName).item(item).conditionExpression("#ver = :ver")
          .expressionAttributeNames(Map.of("#ver", WebhookEndpointMapper.VERSION))
          .expressionAttributeValues(Map.of(":ver", Attr.n(current.version()))).build());
    } catch (ConditionalCheckFailedException changedMeanwhile) {
      throw new ChangedMeanwhile();
    }
  }

  /**
   * Writes only the delivery bookkeeping of {@code next} (failing since, disabled) over the endpoint
   * read at {@code current}, if it is unchanged since; else a {@link ChangedMeanwhile}. An update,
   * not a put, so that the delivery function may do it without the right to write whole endpoints.
   */
  public void recordHealth(Tenant tenant, Stored current, WebhookEndpoint next) {
    UpdateExpression update = new UpdateExpression()
        .name("#ver", WebhookEndpointMapper.VERSION).name("#disabled", WebhookEndpointMapper.DISABLED)
        .name("#since", WebhookEndpointMapper.FAILING_SINCE)
        .value(":ver", Attr.n(current.version())).value(":next", Attr.n(current.version() + 1))
        .value(":disabled", Attr.bool(next.disabled()))
        .set("#ver = :next").set("#disabled = :disabled").condition("#ver = :ver");
    if (next.failingSince() != null) {
      update.value(":since", Attr.n(next.failingSince())).set("#since = :since");
    } else {
      update.remove("#since");
    }
    try {
      dynamo.updateItem(update.request(tableName, endpoints.key(tenant, next.id())).build());
    } catch (ConditionalCheckFailedException changedMeanwhile) {
      throw new ChangedMeanwhile();
    }
  }

  /** Deletes the endpoint and uncounts it; false when there was none. */
  public boolean delete(Tenant tenant, String id, RideAlong rideAlong) {
    Tx tx = new Tx().add(Part.ENDPOINT, TransactWriteItem.builder().delete(Delete.builder().tableName(tableName)
            .key(endpoints.key(tenant, id)).conditionExpression("attribute_exists(" + Table.PK + ")").build()).build())
        .add(Part.COUNT, TransactWriteItem.builder().update(new UpdateExpression()
            .name("#count", COUNT).value(":one", Attr.n(1)).set("#count = #count - :one")
            .condition("#count >= :one").transactionUpdate(tableName, countKey(tenant))).build())
        .rideAlong(rideAlong);
    return tx.commitUnlessRefusedBy(dynamo, Part.ENDPOINT);
  }

  private Map<String, AttributeValue> countKey(Tenant tenant) {
    return Map.of(Table.PK, Attr.s(ObjectType.WEBHOOK_ENDPOINT_COUNT.key(tenant, COUNT_ID)));
  }

  private static Stored stored(Map<String, AttributeValue> item) {
    return new Stored(WebhookEndpointMapper.fromItem(item), Attr.string(item, Table.GSI1_SK),
        WebhookEndpointMapper.version(item));
  }
}
