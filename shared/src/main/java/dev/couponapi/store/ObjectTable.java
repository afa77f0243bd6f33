package dev.couponapi.store;

import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Tenant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * How every store keeps one type of object: its key, a consistent read by id, a newest-first page,
 * a put that requires the id to be new, and an update that requires the object to be live. Each
 * store composes one, with its mapper turning items into its {@code Stored} record.
 */
final class ObjectTable<S> {

  /** The condition of a write that creates an object: its key is not taken. */
  static final String IS_NEW = "attribute_not_exists(" + Table.PK + ")";
  /** The soft-deletion mark of coupons and customers. */
  static final String DELETED_AT = "deleted_at";
  /** The condition of a write to a soft-deletable object: it exists and is not deleted ({@code #deleted}). */
  static final String IS_LIVE = "attribute_exists(" + Table.PK + ") AND attribute_not_exists(#deleted)";

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final ObjectType type;
  private final Function<Map<String, AttributeValue>, S> mapper;
  private final NewestFirstIndex index;

  ObjectTable(DynamoDbClient dynamo, String tableName, ObjectType type, Function<Map<String, AttributeValue>, S> mapper) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.type = type;
    this.mapper = mapper;
    this.index = new NewestFirstIndex(dynamo, tableName);
  }

  String pk(Tenant tenant, String id) {
    return type.key(tenant, id);
  }

  Map<String, AttributeValue> key(Tenant tenant, String id) {
    return Map.of(Table.PK, Attr.s(pk(tenant, id)));
  }

  /** The object with this id; one strongly consistent read. */
  Optional<S> find(Tenant tenant, String id) {
    return Items.get(dynamo, tableName, pk(tenant, id)).map(mapper);
  }

  /**
   * The object with this id from an eventually consistent read (half the read units, for a hot
   * object), read again strongly consistent when it is missing or {@code usable} refuses it: an
   * object just created is never missed, and nothing is refused on a stale read.
   */
  Optional<S> findCheaply(Tenant tenant, String id, Predicate<S> usable) {
    Optional<S> read = Items.get(dynamo, tableName, pk(tenant, id), false).map(mapper);
    return read.filter(usable).isPresent() ? read : find(tenant, id);
  }

  /** The GSI1 partition of this type's objects of a tenant. */
  NewestFirstIndex.Source list(Tenant tenant) {
    return NewestFirstIndex.Source.list(type.listKey(tenant));
  }

  /** One page of {@code source}, newest first, keeping what {@code keep} accepts. */
  Page<S> page(NewestFirstIndex.Source source, ListRequest request, String afterKey, String beforeKey,
      Predicate<Map<String, AttributeValue>> keep) {
    Page<Map<String, AttributeValue>> page = index.page(source, request, afterKey, beforeKey, keep);
    return new Page<>(page.items().stream().map(mapper).toList(), page.hasMore());
  }

  /** The put of a new object, as a transaction item. */
  TransactWriteItem putNew(Map<String, AttributeValue> item) {
    return TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item).conditionExpression(IS_NEW)
        .build()).build();
  }

  /**
   * Applies {@code update} (which names {@code #deleted} or not) and returns the object as it is
   * now; empty when the object's condition refused it.
   */
  Optional<S> update(Tenant tenant, String id, UpdateExpression update) {
    try {
      return Optional.of(mapper.apply(dynamo.updateItem(update.request(tableName, key(tenant, id)).build())
          .attributes()));
    } catch (ConditionalCheckFailedException refused) {
      return Optional.empty();
    }
  }

  /** {@code update} made to require a live object: it exists and is not soft-deleted. */
  static UpdateExpression live(UpdateExpression update) {
    return update.name("#deleted", DELETED_AT).condition(IS_LIVE);
  }
}
