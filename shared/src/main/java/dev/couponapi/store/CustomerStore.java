package dev.couponapi.store;

import dev.couponapi.domain.Customer;
import dev.couponapi.domain.CustomerChanges;
import dev.couponapi.domain.Discount;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Tenant;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Customers (spec §5.1). A customer holds at most one discount, as an attribute of its own item:
 * "one discount per customer" is the shape of the data, and a redemption writes it in the same
 * transaction as the counters.
 */
public final class CustomerStore {

  static final String TYPE = "customer";
  static final String ID = "id";
  static final String CREATED = "created";
  static final String METADATA = MetadataUpdate.ATTRIBUTE;
  static final String DISCOUNT = "discount";
  static final String LIVEMODE = "livemode";
  static final String DELETED_AT = "deleted_at";
  /** The plain string fields, stored under their API names. */
  static final List<String> FIELDS = List.of("name", "email", "description", "currency");

  static final String IS_LIVE = "attribute_exists(" + Table.PK + ") AND attribute_not_exists(#deleted)";

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final NewestFirstIndex index;
  private final RedemptionCounts counts;

  public CustomerStore(DynamoDbClient dynamo, String tableName) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.index = new NewestFirstIndex(dynamo, tableName);
    this.counts = new RedemptionCounts(tableName);
  }

  /** A stored customer with its place in the list. */
  public record Stored(Customer customer, String listKey, boolean deleted) {}

  /** Whether a live (not deleted) customer of this tenant has this id; one GetItem. */
  public boolean exists(Tenant tenant, String id) {
    return find(tenant, id).filter(stored -> !stored.deleted()).isPresent();
  }

  public Optional<Stored> find(Tenant tenant, String id) {
    return Items.get(dynamo, tableName, Table.key(tenant, TYPE, id)).map(CustomerStore::stored);
  }

  /** Writes a new customer, with its discount's counters and the ride-along, in one transaction. */
  public void insert(Tenant tenant, Customer customer, Instant now, Redemption redemption, RideAlong rideAlong) {
    Map<String, AttributeValue> item = toItem(tenant, customer, NewestFirstIndex.newListKey(customer.created(), now));
    redemption.commit(dynamo, counts, tenant, now, List.of(TransactWriteItem.builder().put(Put.builder()
        .tableName(tableName).item(item).conditionExpression("attribute_not_exists(" + Table.PK + ")").build())
        .build()), rideAlong);
  }

  /** Changes a live customer's own fields; one conditional update returning the customer as it is now. */
  public Optional<Customer> update(Tenant tenant, String id, CustomerChanges changes) {
    try {
      return Optional.of(stored(dynamo.updateItem(changes(tenant, changes).request(tableName, key(tenant, id))
          .build()).attributes()).customer());
    } catch (ConditionalCheckFailedException absent) {
      return Optional.empty();
    }
  }

  /**
   * Changes a live customer's fields and gives it {@code discount} (replacing any), with the
   * discount's counters, in one transaction. Refusals say which part failed.
   */
  public void updateWithDiscount(Tenant tenant, String id, CustomerChanges changes, Discount discount,
      Redemption redemption, Instant now) {
    UpdateExpression update = changes(tenant, changes).name("#discount", DISCOUNT)
        .value(":discount", DiscountMapper.toAttribute(discount)).set("#discount = :discount");
    ExpiryIndex.set(update, Table.key(tenant, TYPE, id), discount.end());
    redemption.commit(dynamo, counts, tenant, now,
        List.of(TransactWriteItem.builder().update(update.transactionUpdate(tableName, key(tenant, id))).build()), null);
  }

  /** What removing a discount found: the removed discount, or why there was none to remove. */
  public record Removal(Discount discount, boolean holderMissing) {}

  /** Removes the discount of a live customer and returns it; one conditional update. */
  public Removal removeDiscount(Tenant tenant, String id) {
    try {
      Map<String, AttributeValue> old = dynamo.updateItem(new UpdateExpression()
          .name("#deleted", DELETED_AT).name("#discount", DISCOUNT)
          .name("#gsi6pk", Table.GSI6_PK).name("#gsi6sk", Table.GSI6_SK).remove("#gsi6pk").remove("#gsi6sk")
          .remove("#discount").condition(IS_LIVE).condition("attribute_exists(#discount)")
          .request(tableName, key(tenant, id)).returnValues(ReturnValue.ALL_OLD).build()).attributes();
      return new Removal(DiscountMapper.fromAttribute(old.get(DISCOUNT)), false);
    } catch (ConditionalCheckFailedException refused) {
      Map<String, AttributeValue> old = refused.item();
      return new Removal(null, old == null || old.isEmpty() || old.containsKey(DELETED_AT));
    }
  }

  /** Soft-deletes a live customer: gone from reads and lists, its discount with it. */
  public boolean delete(Tenant tenant, String id, Instant now) {
    try {
      dynamo.updateItem(new UpdateExpression()
          .name("#deleted", DELETED_AT).value(":now", Attr.n(now.getEpochSecond())).set("#deleted = :now")
          .name("#gsi1", Table.GSI1_PK).name("#gsi2", Table.GSI2_PK).name("#discount", DISCOUNT)
          .name("#gsi6pk", Table.GSI6_PK).name("#gsi6sk", Table.GSI6_SK).remove("#gsi6pk").remove("#gsi6sk")
          .remove("#gsi1").remove("#gsi2").remove("#discount").condition(IS_LIVE)
          .request(tableName, key(tenant, id)).returnValues(ReturnValue.NONE)
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.NONE).build());
      return true;
    } catch (ConditionalCheckFailedException absent) {
      return false;
    }
  }

  /**
   * The sweep's write for a customer whose repeating discount has ended: removes the discount and
   * takes the customer out of the expiry index. Both writes require the index entry the sweep found
   * ({@code indexKey}), so a discount given meanwhile is never touched; false when nothing ended.
   */
  public boolean endDiscount(Tenant tenant, String id, String indexKey, Instant now) {
    UpdateExpression common = new UpdateExpression()
        .name("#gsi6pk", Table.GSI6_PK).name("#gsi6sk", Table.GSI6_SK).value(":sk", Attr.s(indexKey))
        .remove("#gsi6pk").remove("#gsi6sk").condition("#gsi6sk = :sk");
    try {
      dynamo.updateItem(common.name("#discount", DISCOUNT).name("#end", "end")
          .value(":now", Attr.n(now.getEpochSecond())).remove("#discount").condition("#discount.#end <= :now")
          .request(tableName, key(tenant, id)).returnValues(ReturnValue.NONE)
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.NONE).build());
      return true;
    } catch (ConditionalCheckFailedException notEnded) {
      ExpiryIndex.dropStale(dynamo, tableName, key(tenant, id), indexKey);
      return false;
    }
  }

  /** The condition a write that needs a live customer puts on it (e.g. a new subscription). */
  TransactWriteItem requireLive(Tenant tenant, String id) {
    return TransactWriteItem.builder().conditionCheck(software.amazon.awssdk.services.dynamodb.model.ConditionCheck
        .builder().tableName(tableName).key(key(tenant, id)).conditionExpression(IS_LIVE)
        .expressionAttributeNames(Map.of("#deleted", DELETED_AT)).build()).build();
  }

  public Page<Stored> page(Tenant tenant, String email, ListRequest request, String afterKey, String beforeKey) {
    NewestFirstIndex.Source source = email == null
        ? NewestFirstIndex.Source.list(Table.listKey(tenant, TYPE))
        : new NewestFirstIndex.Source(Table.GSI2, Table.GSI2_PK, emailIndex(tenant, email));
    Page<Map<String, AttributeValue>> page = index.page(source, request, afterKey, beforeKey, item -> true);
    return new Page<>(page.items().stream().map(CustomerStore::stored).toList(), page.hasMore());
  }

  private UpdateExpression changes(Tenant tenant, CustomerChanges changes) {
    UpdateExpression update = new UpdateExpression().name("#deleted", DELETED_AT).condition(IS_LIVE);
    for (String field : FIELDS) {
      if (changes.set().containsKey(field)) {
        update.name("#" + field, field).value(":" + field, Attr.s(changes.set().get(field)))
            .set("#" + field + " = :" + field);
      } else if (changes.unset().contains(field)) {
        update.name("#" + field, field).remove("#" + field);
      }
    }
    if (changes.set().containsKey("email")) {
      update.name("#gsi2", Table.GSI2_PK).value(":gsi2", Attr.s(emailIndex(tenant, changes.set().get("email"))))
          .set("#gsi2 = :gsi2");
    } else if (changes.unset().contains("email")) {
      update.name("#gsi2", Table.GSI2_PK).remove("#gsi2");
    }
    MetadataUpdate.apply(update, changes.metadata(), null);
    if (update.writesNothing()) {
      update.name("#id", ID).set("#id = #id");
    }
    return update;
  }

  static String emailIndex(Tenant tenant, String email) {
    return Table.listKey(tenant, "customeremail") + "#" + email;
  }

  private Map<String, AttributeValue> toItem(Tenant tenant, Customer customer, String listKey) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Table.PK, Attr.s(Table.key(tenant, TYPE, customer.id())));
    item.put(Table.GSI1_PK, Attr.s(Table.listKey(tenant, TYPE)));
    item.put(Table.GSI1_SK, Attr.s(listKey));
    if (customer.email() != null) {
      item.put(Table.GSI2_PK, Attr.s(emailIndex(tenant, customer.email())));
    }
    item.put(ID, Attr.s(customer.id()));
    item.put(CREATED, Attr.n(customer.created()));
    Attr.putIfPresent(item, "name", customer.name());
    Attr.putIfPresent(item, "email", customer.email());
    Attr.putIfPresent(item, "description", customer.description());
    Attr.putIfPresent(item, "currency", customer.currency());
    item.put(METADATA, Attr.stringMap(customer.metadata()));
    if (customer.discount() != null) {
      item.put(DISCOUNT, DiscountMapper.toAttribute(customer.discount()));
    }
    item.put(LIVEMODE, Attr.bool(customer.livemode()));
    ExpiryIndex.put(item, Attr.string(item, Table.PK), customer.discount() == null ? null : customer.discount().end());
    return item;
  }

  private static Stored stored(Map<String, AttributeValue> item) {
    Customer customer = new Customer(Attr.string(item, ID), Attr.longValue(item, CREATED), Attr.string(item, "name"),
        Attr.string(item, "email"), Attr.string(item, "description"), Attr.string(item, "currency"),
        Attr.stringMap(item, METADATA), DiscountMapper.fromAttribute(item.get(DISCOUNT)), Attr.bool(item, LIVEMODE));
    return new Stored(customer, Attr.string(item, Table.GSI1_SK), item.containsKey(DELETED_AT));
  }

  private static Map<String, AttributeValue> key(Tenant tenant, String id) {
    return Map.of(Table.PK, Attr.s(Table.key(tenant, TYPE, id)));
  }
}
