package dev.couponapi.store;

import dev.couponapi.domain.Discount;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.MetadataChange;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Subscription;
import dev.couponapi.domain.SubscriptionItem;
import dev.couponapi.domain.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Subscriptions (docs/api.md §5.2), with their discounts (subscription- and item-level) inside their own
 * item, written in the same transaction as the counters of the coupons and codes they redeem.
 */
public final class SubscriptionStore {

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final ObjectTable<Stored> subscriptions;
  private final CustomerStore customers;

  public SubscriptionStore(DynamoDbClient dynamo, String tableName, CustomerStore customers) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.subscriptions = new ObjectTable<>(dynamo, tableName, ObjectType.SUBSCRIPTION, SubscriptionStore::stored);
    this.customers = customers;
  }

  /** A stored subscription, its place in lists and its version (every change increments it). */
  public record Stored(Subscription subscription, String listKey, long version) {}

  public Optional<Stored> find(Tenant tenant, String id) {
    return subscriptions.find(tenant, id);
  }

  /**
   * Writes a new subscription for a live customer, with the counters of the discounts it redeems
   * and the ride-along, in one transaction; a refused {@link Part#CUSTOMER} check: the customer is gone.
   */
  public void insert(Tenant tenant, Subscription subscription, Instant now, Redemption redemption,
      RideAlong rideAlong) {
    Map<String, AttributeValue> item = SubscriptionMapper.toItem(tenant, subscription,
        NewestFirstIndex.newListKey(subscription.created(), now));
    redemption.commit(dynamo, tableName, tenant, now, List.of(
        new Redemption.Holder(Part.SUBSCRIPTION, subscriptions.putNew(item)),
        new Redemption.Holder(Part.CUSTOMER, customers.requireLive(tenant, subscription.customer()))), rideAlong);
  }

  /**
   * Gives an active subscription read at {@code current} its new discounts and metadata, with the
   * counters of what it redeems, in one transaction that requires it unchanged since the read.
   */
  public void replace(Tenant tenant, Stored current, List<Discount> discounts, Map<String, String> metadata,
      Redemption redemption, Instant now) {
    replace(tenant, current, discounts, metadata, current.subscription().billingCycleAnchor(), redemption, now, null);
  }

  /** The same, also setting the billing cycle anchor; {@code rideAlong} (or null) commits with it. */
  public void replace(Tenant tenant, Stored current, List<Discount> discounts, Map<String, String> metadata,
      long billingCycleAnchor, Redemption redemption, Instant now, RideAlong rideAlong) {
    UpdateExpression update = new UpdateExpression()
        .name("#discounts", SubscriptionMapper.DISCOUNTS).value(":discounts", DiscountMapper.toAttribute(discounts))
        .name("#md", SubscriptionMapper.METADATA).value(":md", Attr.stringMap(metadata))
        .name("#anchor", SubscriptionMapper.BILLING_CYCLE_ANCHOR).value(":anchor", Attr.n(billingCycleAnchor))
        .name("#ver", SubscriptionMapper.VERSION).value(":ver", Attr.n(current.version())).value(":one", Attr.n(1))
        .name("#status", SubscriptionMapper.STATUS).value(":active", Attr.s(Subscription.ACTIVE))
        .set("#discounts = :discounts").set("#md = :md").set("#anchor = :anchor").set("#ver = #ver + :one")
        .condition("#ver = :ver AND #status = :active");
    ExpiryIndex.set(update, subscriptions.pk(tenant, current.subscription().id()),
        nextEnd(discounts, current.subscription().items()));
    redemption.commit(dynamo, tableName, tenant, now, List.of(new Redemption.Holder(Part.SUBSCRIPTION,
        TransactWriteItem.builder().update(update.transactionUpdate(tableName, key(tenant, current.subscription().id())))
            .build())), rideAlong);
  }

  /** The writes of a subscription's transactions: its own, and (when it is new) the check that its customer is live. */
  public enum Part { SUBSCRIPTION, CUSTOMER }

  /**
   * Changes metadata and, when {@code billingCycleAnchor} is given, resets the anchor of the active
   * subscription read at {@code current}, if it is unchanged since, with {@code rideAlong} (its
   * events); else a {@link ChangedMeanwhile}.
   */
  public void updateFields(Tenant tenant, Stored current, MetadataChange metadata, Long billingCycleAnchor,
      RideAlong rideAlong) {
    UpdateExpression update = new UpdateExpression().condition("attribute_exists(" + Table.PK + ")");
    if (billingCycleAnchor != null) {
      update.name("#anchor", SubscriptionMapper.BILLING_CYCLE_ANCHOR).value(":anchor", Attr.n(billingCycleAnchor))
          .set("#anchor = :anchor").name("#status", SubscriptionMapper.STATUS)
          .value(":active", Attr.s(Subscription.ACTIVE)).condition("#status = :active");
    }
    MetadataUpdate.apply(update, metadata);
    commit(tenant, current, update, rideAlong);
  }

  /**
   * Cancels the active subscription read at {@code current}, if it is unchanged since, with
   * {@code rideAlong}; else a {@link ChangedMeanwhile}.
   */
  public void cancel(Tenant tenant, Stored current, Instant now, RideAlong rideAlong) {
    commit(tenant, current, new UpdateExpression()
        .name("#status", SubscriptionMapper.STATUS).value(":canceled", Attr.s(Subscription.CANCELED))
        .value(":active", Attr.s(Subscription.ACTIVE))
        .name("#canceled", SubscriptionMapper.CANCELED_AT).value(":now", Attr.n(now.getEpochSecond()))
        .name("#gsi5", Table.GSI5_PK)
        .value(":gsi5", Attr.s(SubscriptionMapper.statusIndex(tenant, Subscription.CANCELED)))
        .set("#status = :canceled").set("#canceled = :now").set("#gsi5 = :gsi5")
        .condition("#status = :active"), rideAlong);
  }

  /**
   * Removes every subscription-level discount (docs/api.md §4.6) of the subscription read at
   * {@code current}, if it is unchanged since, with {@code rideAlong}; else a {@link ChangedMeanwhile}.
   */
  public void removeDiscounts(Tenant tenant, Stored current, RideAlong rideAlong) {
    commit(tenant, current, new UpdateExpression()
        .name("#discounts", SubscriptionMapper.DISCOUNTS).value(":none", AttributeValue.fromL(List.of()))
        .set("#discounts = :none").condition("attribute_exists(" + Table.PK + ")"), rideAlong);
  }

  private void commit(Tenant tenant, Stored current, UpdateExpression update, RideAlong rideAlong) {
    Tx tx = new Tx().add(Part.SUBSCRIPTION, TransactWriteItem.builder().update(Versioned.next(update,
        current.version()).transactionUpdate(tableName, key(tenant, current.subscription().id()))).build())
        .rideAlong(rideAlong);
    if (!tx.commitUnlessRefusedBy(dynamo, Part.SUBSCRIPTION)) {
      throw new ChangedMeanwhile();
    }
  }

  /**
   * The sweep's write for a subscription with discounts past their {@code end}: keeps only the
   * discounts still in effect (subscription- and item-level) and re-indexes it under the next end,
   * guarded by the version it read; false when nothing had ended or it changed meanwhile.
   */
  public boolean endDiscounts(Tenant tenant, String id, String indexKey, Instant now,
      java.util.function.BiFunction<Subscription, Subscription, RideAlong> rideAlong) {
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
    Subscription after = new Subscription(subscription.id(), subscription.customer(), subscription.created(),
        subscription.billingCycleAnchor(), subscription.currency(), subscription.status(), subscription.canceledAt(),
        subscription.metadata(), items, discounts, subscription.livemode());
    UpdateExpression update = new UpdateExpression()
        .name("#discounts", SubscriptionMapper.DISCOUNTS).value(":discounts", DiscountMapper.toAttribute(discounts))
        .name("#items", SubscriptionMapper.ITEMS).value(":items", AttributeValue.fromL(items.stream()
            .map(SubscriptionMapper::itemAttribute).toList()))
        .name("#ver", SubscriptionMapper.VERSION).value(":ver", Attr.n(read.get().version())).value(":one", Attr.n(1))
        .set("#discounts = :discounts").set("#items = :items").set("#ver = #ver + :one")
        .condition("#ver = :ver");
    ExpiryIndex.set(update, subscriptions.pk(tenant, id), nextEnd(discounts, items));
    Tx tx = new Tx().add(Part.SUBSCRIPTION, TransactWriteItem.builder().update(update.transactionUpdate(tableName,
        key(tenant, id))).build()).rideAlong(ended ? rideAlong.apply(subscription, after) : null);
    // changed since the read: nothing is ended now; the next sweep sees the index entry again
    return tx.commitUnlessRefusedBy(dynamo, Part.SUBSCRIPTION) && ended;
  }

  /** The earliest end among a subscription's discounts (its own and its items'), or null. */
  static Long nextEnd(List<Discount> discounts, List<SubscriptionItem> items) {
    return java.util.stream.Stream.concat(discounts.stream(), items.stream().flatMap(item -> item.discounts().stream()))
        .map(Discount::end).filter(java.util.Objects::nonNull).min(Long::compare).orElse(null);
  }

  /** Active subscriptions of a customer (the ones to cancel when it is deleted). */
  public List<Stored> activeOf(Tenant tenant, String customer) {
    return subscriptions.page(new NewestFirstIndex.Source(Table.GSI3, Table.GSI3_PK,
        SubscriptionMapper.customerIndex(tenant, customer)), new ListRequest(100, null, null, null, null), null, null,
        item -> Subscription.ACTIVE.equals(Attr.string(item, SubscriptionMapper.STATUS))).items();
  }

  /** A page filtered by customer and/or status ({@code null} status: every status). */
  public Page<Stored> page(Tenant tenant, String customer, String status, ListRequest request, String afterKey,
      String beforeKey) {
    NewestFirstIndex.Source source = customer != null
        ? new NewestFirstIndex.Source(Table.GSI3, Table.GSI3_PK, SubscriptionMapper.customerIndex(tenant, customer))
        : status != null
        ? new NewestFirstIndex.Source(Table.GSI5, Table.GSI5_PK, SubscriptionMapper.statusIndex(tenant, status))
        : subscriptions.list(tenant);
    return subscriptions.page(source, request, afterKey, beforeKey,
        item -> status == null || status.equals(Attr.string(item, SubscriptionMapper.STATUS)));
  }

  private static Stored stored(Map<String, AttributeValue> item) {
    Long version = Attr.longValue(item, SubscriptionMapper.VERSION);
    return new Stored(SubscriptionMapper.fromItem(item), Attr.string(item, Table.GSI1_SK),
        version == null ? 0 : version);
  }

  private Map<String, AttributeValue> key(Tenant tenant, String id) {
    return subscriptions.key(tenant, id);
  }
}
