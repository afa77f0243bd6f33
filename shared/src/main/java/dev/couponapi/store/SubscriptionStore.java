package dev.couponapi.store;

import dev.couponapi.domain.Discount;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.MetadataChange;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Subscription;
import dev.couponapi.domain.SubscriptionItem;
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
 * Subscriptions (spec §5.2), with their discounts (subscription- and item-level) inside their own
 * item, written in the same transaction as the counters of the coupons and codes they redeem.
 */
public final class SubscriptionStore {

  static final String TYPE = "sub";
  static final String ID = "id";
  static final String CUSTOMER = "customer";
  static final String CREATED = "created";
  static final String CURRENCY = "currency";
  static final String STATUS = "status";
  static final String CANCELED_AT = "canceled_at";
  static final String METADATA = MetadataUpdate.ATTRIBUTE;
  static final String ITEMS = "items";
  static final String DISCOUNTS = "discounts";
  static final String LIVEMODE = "livemode";
  static final String VERSION = "ver";

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final NewestFirstIndex index;
  private final RedemptionCounts counts;
  private final CustomerStore customers;

  public SubscriptionStore(DynamoDbClient dynamo, String tableName, CustomerStore customers) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.index = new NewestFirstIndex(dynamo, tableName);
    this.counts = new RedemptionCounts(tableName);
    this.customers = customers;
  }

  /** A stored subscription, its place in lists and its version (every change increments it). */
  public record Stored(Subscription subscription, String listKey, long version) {}

  public Optional<Stored> find(Tenant tenant, String id) {
    return Items.get(dynamo, tableName, Table.key(tenant, TYPE, id)).map(SubscriptionStore::stored);
  }

  /**
   * Writes a new subscription for a live customer, with the counters of the discounts it redeems
   * and the ride-along, in one transaction. Holder parts: 0 the subscription, 1 the customer.
   */
  public void insert(Tenant tenant, Subscription subscription, Instant now, Redemption redemption,
      RideAlong rideAlong) {
    Map<String, AttributeValue> item = toItem(tenant, subscription,
        NewestFirstIndex.newListKey(subscription.created(), now));
    redemption.commit(dynamo, counts, tenant, now, List.of(
        TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item)
            .conditionExpression("attribute_not_exists(" + Table.PK + ")").build()).build(),
        customers.requireLive(tenant, subscription.customer())), rideAlong);
  }

  /**
   * Gives an active subscription read at {@code current} its new discounts and metadata, with the
   * counters of what it redeems, in one transaction that requires it unchanged since the read.
   */
  public void replace(Tenant tenant, Stored current, List<Discount> discounts, Map<String, String> metadata,
      Redemption redemption, Instant now) {
    UpdateExpression update = new UpdateExpression()
        .name("#discounts", DISCOUNTS).value(":discounts", DiscountMapper.toAttribute(discounts))
        .name("#md", METADATA).value(":md", Attr.stringMap(metadata))
        .name("#ver", VERSION).value(":ver", Attr.n(current.version())).value(":one", Attr.n(1))
        .name("#status", STATUS).value(":active", Attr.s(Subscription.ACTIVE))
        .set("#discounts = :discounts").set("#md = :md").set("#ver = #ver + :one")
        .condition("#ver = :ver AND #status = :active");
    ExpiryIndex.set(update, Table.key(tenant, TYPE, current.subscription().id()),
        nextEnd(discounts, current.subscription().items()));
    redemption.commit(dynamo, counts, tenant, now, List.of(TransactWriteItem.builder()
        .update(update.transactionUpdate(tableName, key(tenant, current.subscription().id()))).build()), null);
  }

  /** Changes only metadata; one conditional update returning the subscription as it is now. */
  public Optional<Stored> updateMetadata(Tenant tenant, String id, MetadataChange metadata) {
    UpdateExpression update = new UpdateExpression().name("#ver", VERSION).value(":one", Attr.n(1))
        .set("#ver = #ver + :one").condition("attribute_exists(" + Table.PK + ")");
    MetadataUpdate.apply(update, metadata, null);
    try {
      return Optional.of(stored(dynamo.updateItem(update.request(tableName, key(tenant, id)).build()).attributes()));
    } catch (ConditionalCheckFailedException absent) {
      return Optional.empty();
    }
  }

  /** Cancels an active subscription; empty when there is none, the canceled one otherwise. */
  public Optional<Stored> cancel(Tenant tenant, String id, Instant now) {
    try {
      return Optional.of(stored(dynamo.updateItem(new UpdateExpression()
          .name("#status", STATUS).value(":canceled", Attr.s(Subscription.CANCELED))
          .value(":active", Attr.s(Subscription.ACTIVE))
          .name("#canceled", CANCELED_AT).value(":now", Attr.n(now.getEpochSecond()))
          .name("#gsi5", Table.GSI5_PK).value(":gsi5", Attr.s(statusIndex(tenant, Subscription.CANCELED)))
          .name("#ver", VERSION).value(":one", Attr.n(1))
          .set("#status = :canceled").set("#canceled = :now").set("#gsi5 = :gsi5").set("#ver = #ver + :one")
          .condition("#status = :active")
          .request(tableName, key(tenant, id)).build()).attributes()));
    } catch (ConditionalCheckFailedException notActive) {
      return Optional.empty();
    }
  }

  /** What removing discounts found: the removed ones, or whether the subscription is missing. */
  public record Removal(List<Discount> discounts, boolean holderMissing) {}

  /** Removes every subscription-level discount (spec §4.6); one conditional update. */
  public Removal removeDiscounts(Tenant tenant, String id) {
    try {
      Map<String, AttributeValue> old = dynamo.updateItem(new UpdateExpression()
          .name("#discounts", DISCOUNTS).value(":none", AttributeValue.fromL(List.of())).value(":zero", Attr.n(0))
          .name("#ver", VERSION).value(":one", Attr.n(1))
          .set("#discounts = :none").set("#ver = #ver + :one")
          .condition("attribute_exists(" + Table.PK + ") AND size(#discounts) > :zero")
          .request(tableName, key(tenant, id)).returnValues(ReturnValue.ALL_OLD).build()).attributes();
      return new Removal(DiscountMapper.fromList(old.get(DISCOUNTS)), false);
    } catch (ConditionalCheckFailedException refused) {
      return new Removal(List.of(), refused.item() == null || refused.item().isEmpty());
    }
  }

  /**
   * The sweep's write for a subscription with discounts past their {@code end}: keeps only the
   * discounts still in effect (subscription- and item-level) and re-indexes it under the next end,
   * guarded by the version it read; false when nothing had ended or it changed meanwhile.
   */
  public boolean endDiscounts(Tenant tenant, String id, String indexKey, Instant now) {
    Optional<Stored> read = find(tenant, id);
    if (read.isEmpty()) {
      return false;
    }
    Subscription subscription = read.get().subscription();
    List<Discount> discounts = subscription.discountsAt(now);
    List<SubscriptionItem> items = subscription.items().stream().map(item -> new SubscriptionItem(item.id(),
        item.created(), item.currency(), item.product(), item.unitAmount(), item.interval(), item.intervalCount(),
        item.quantity(), item.discounts().stream().filter(discount -> discount.inEffect(now)).toList())).toList();
    boolean ended = discounts.size() < subscription.discounts().size() || !items.equals(subscription.items());
    UpdateExpression update = new UpdateExpression()
        .name("#discounts", DISCOUNTS).value(":discounts", DiscountMapper.toAttribute(discounts))
        .name("#items", ITEMS).value(":items", AttributeValue.fromL(items.stream().map(SubscriptionStore::itemAttribute)
            .toList()))
        .name("#ver", VERSION).value(":ver", Attr.n(read.get().version())).value(":one", Attr.n(1))
        .set("#discounts = :discounts").set("#items = :items").set("#ver = #ver + :one")
        .condition("#ver = :ver");
    ExpiryIndex.set(update, Table.key(tenant, TYPE, id), nextEnd(discounts, items));
    try {
      dynamo.updateItem(update.request(tableName, key(tenant, id)).returnValues(ReturnValue.NONE)
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.NONE).build());
      return ended;
    } catch (ConditionalCheckFailedException changedMeanwhile) {
      return false;
    }
  }

  /** The earliest end among a subscription's discounts (its own and its items'), or null. */
  static Long nextEnd(List<Discount> discounts, List<SubscriptionItem> items) {
    return java.util.stream.Stream.concat(discounts.stream(), items.stream().flatMap(item -> item.discounts().stream()))
        .map(Discount::end).filter(java.util.Objects::nonNull).min(Long::compare).orElse(null);
  }

  /** Active subscriptions of a customer (the ones to cancel when it is deleted). */
  public List<Stored> activeOf(Tenant tenant, String customer) {
    return index.page(new NewestFirstIndex.Source(Table.GSI3, Table.GSI3_PK, customerIndex(tenant, customer)),
        new ListRequest(100, null, null, null, null), null, null,
        item -> Subscription.ACTIVE.equals(Attr.string(item, STATUS)))
        .items().stream().map(SubscriptionStore::stored).toList();
  }

  /** A page filtered by customer and/or status ({@code null} status: every status). */
  public Page<Stored> page(Tenant tenant, String customer, String status, ListRequest request, String afterKey,
      String beforeKey) {
    NewestFirstIndex.Source source = customer != null
        ? new NewestFirstIndex.Source(Table.GSI3, Table.GSI3_PK, customerIndex(tenant, customer))
        : status != null ? new NewestFirstIndex.Source(Table.GSI5, Table.GSI5_PK, statusIndex(tenant, status))
        : NewestFirstIndex.Source.list(Table.listKey(tenant, TYPE));
    Page<Map<String, AttributeValue>> page = index.page(source, request, afterKey, beforeKey,
        item -> status == null || status.equals(Attr.string(item, STATUS)));
    return new Page<>(page.items().stream().map(SubscriptionStore::stored).toList(), page.hasMore());
  }

  static String customerIndex(Tenant tenant, String customer) {
    return Table.listKey(tenant, "subcustomer") + "#" + customer;
  }

  static String statusIndex(Tenant tenant, String status) {
    return Table.listKey(tenant, "substatus") + "#" + status;
  }

  private static Map<String, AttributeValue> toItem(Tenant tenant, Subscription subscription, String listKey) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Table.PK, Attr.s(Table.key(tenant, TYPE, subscription.id())));
    item.put(Table.GSI1_PK, Attr.s(Table.listKey(tenant, TYPE)));
    item.put(Table.GSI1_SK, Attr.s(listKey));
    item.put(Table.GSI3_PK, Attr.s(customerIndex(tenant, subscription.customer())));
    item.put(Table.GSI5_PK, Attr.s(statusIndex(tenant, subscription.status())));
    item.put(ID, Attr.s(subscription.id()));
    item.put(CUSTOMER, Attr.s(subscription.customer()));
    item.put(CREATED, Attr.n(subscription.created()));
    item.put(CURRENCY, Attr.s(subscription.currency()));
    item.put(STATUS, Attr.s(subscription.status()));
    Attr.putIfPresent(item, CANCELED_AT, subscription.canceledAt());
    item.put(METADATA, Attr.stringMap(subscription.metadata()));
    item.put(ITEMS, AttributeValue.fromL(subscription.items().stream().map(SubscriptionStore::itemAttribute).toList()));
    item.put(DISCOUNTS, DiscountMapper.toAttribute(subscription.discounts()));
    item.put(LIVEMODE, Attr.bool(subscription.livemode()));
    item.put(VERSION, Attr.n(0));
    ExpiryIndex.put(item, Attr.string(item, Table.PK), nextEnd(subscription.discounts(), subscription.items()));
    return item;
  }

  private static AttributeValue itemAttribute(SubscriptionItem item) {
    Map<String, AttributeValue> map = new HashMap<>();
    map.put("id", Attr.s(item.id()));
    map.put("created", Attr.n(item.created()));
    map.put("currency", Attr.s(item.currency()));
    map.put("product", Attr.s(item.product()));
    map.put("unit_amount", Attr.n(item.unitAmount()));
    map.put("interval", Attr.s(item.interval()));
    map.put("interval_count", Attr.n(item.intervalCount()));
    map.put("quantity", Attr.n(item.quantity()));
    map.put("discounts", DiscountMapper.toAttribute(item.discounts()));
    return AttributeValue.fromM(map);
  }

  private static SubscriptionItem item(AttributeValue value) {
    Map<String, AttributeValue> map = value.m();
    return new SubscriptionItem(Attr.string(map, "id"), Attr.longValue(map, "created"), Attr.string(map, "currency"),
        Attr.string(map, "product"), Attr.longValue(map, "unit_amount"), Attr.string(map, "interval"),
        Attr.longValue(map, "interval_count"), Attr.longValue(map, "quantity"),
        DiscountMapper.fromList(map.get("discounts")));
  }

  private static Stored stored(Map<String, AttributeValue> item) {
    AttributeValue items = item.get(ITEMS);
    Subscription subscription = new Subscription(Attr.string(item, ID), Attr.string(item, CUSTOMER),
        Attr.longValue(item, CREATED), Attr.string(item, CURRENCY), Attr.string(item, STATUS),
        Attr.longValue(item, CANCELED_AT), Attr.stringMap(item, METADATA),
        items == null || !items.hasL() ? List.of() : items.l().stream().map(SubscriptionStore::item).toList(),
        DiscountMapper.fromList(item.get(DISCOUNTS)), Attr.bool(item, LIVEMODE));
    Long version = Attr.longValue(item, VERSION);
    return new Stored(subscription, Attr.string(item, Table.GSI1_SK), version == null ? 0 : version);
  }

  private static Map<String, AttributeValue> key(Tenant tenant, String id) {
    return Map.of(Table.PK, Attr.s(Table.key(tenant, TYPE, id)));
  }
}
