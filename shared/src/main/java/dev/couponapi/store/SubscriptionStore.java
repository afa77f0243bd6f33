package dev.couponapi.store;

import dev.couponapi.domain.Discount;
import dev.couponapi.domain.InvoiceItem;
import dev.couponapi.domain.InvoicePricing;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.MetadataChange;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Subscription;
import dev.couponapi.domain.SubscriptionItem;
import dev.couponapi.domain.Tenant;
import java.time.Instant;
import java.util.ArrayList;
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
  private final InvoiceStore invoices;

  public SubscriptionStore(DynamoDbClient dynamo, String tableName, CustomerStore customers, InvoiceStore invoices) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.subscriptions = new ObjectTable<>(dynamo, tableName, ObjectType.SUBSCRIPTION, SubscriptionStore::stored);
    this.customers = customers;
    this.invoices = invoices;
  }

  /** A stored subscription, its place in lists and its version (every change increments it). */
  public record Stored(Subscription subscription, String listKey, long version) {}

  public Optional<Stored> find(Tenant tenant, String id) {
    return subscriptions.find(tenant, id);
  }

  /**
   * Writes a new subscription with its first invoice (and the pending items it bills), the counters
   * of the discounts it redeems and the ride-along, in one transaction; the customer must be live
   * and unchanged since {@code customer} was read (its invoice number, its pending items, its once
   * discount): a refused holder names the part.
   */
  public void insert(Tenant tenant, Subscription subscription, InvoicePricing.Made made, List<String> created,
      CustomerStore.Stored customer, Instant now, Redemption redemption, RideAlong rideAlong) {
    Map<String, AttributeValue> item = SubscriptionMapper.toItem(tenant, subscription,
        NewestFirstIndex.newListKey(subscription.created(), now));
    List<Redemption.Holder> writes = new ArrayList<>();
    writes.add(new Redemption.Holder(Part.SUBSCRIPTION, subscriptions.putNew(item)));
    subscription.items().forEach(line -> writes.add(new Redemption.Holder(Part.ITEM_POINTER,
        pointTo(tenant, line.id(), subscription.id()))));
    writes.addAll(invoices.making(tenant, made, created, now));
    writes.add(new Redemption.Holder(Part.CUSTOMER, customers.invoiced(tenant, customer, made.usedCustomerDiscount(),
        made.billed().size() - created.size(), made.invoice().total() > 0)));
    redemption.commit(dynamo, tableName, tenant, now, writes, rideAlong);
  }

  /**
   * A renewal (docs/api.md §7.1): the subscription read at {@code current} moves to {@code after}'s
   * period, discounts and latest invoice, its invoice is written with the items it bills, and its
   * customer counts the number (and loses a once discount the invoice used), with the events, in one
   * transaction that requires the subscription active and unchanged and the customer and items
   * unchanged since read. False when any changed meanwhile (another runner renewed it, say):
   * nothing was written.
   */
  public boolean renew(Tenant tenant, Stored current, Subscription after, InvoicePricing.Made made,
      CustomerStore.Stored customer, Instant now, RideAlong rideAlong) {
    UpdateExpression update = new UpdateExpression()
        .name("#discounts", SubscriptionMapper.DISCOUNTS).value(":discounts", DiscountMapper.toAttribute(after.discounts()))
        .name("#items", SubscriptionMapper.ITEMS).value(":items", AttributeValue.fromL(after.items().stream()
            .map(SubscriptionMapper::itemAttribute).toList()))
        .name("#status", SubscriptionMapper.STATUS).value(":active", Attr.s(Subscription.ACTIVE))
        .set("#discounts = :discounts").set("#items = :items").condition("#status = :active");
    SubscriptionMapper.setPeriod(update, after.period(), after.latestInvoice());
    ExpiryIndex.set(update, subscriptions.pk(tenant, after.id()), after.nextMoment());
    Tx tx = new Tx().add(Part.SUBSCRIPTION, TransactWriteItem.builder().update(Versioned.next(update, current.version())
        .transactionUpdate(tableName, key(tenant, after.id()))).build());
    invoices.making(tenant, made, List.of(), now).forEach(write -> tx.add(write.part(), write.item()));
    tx.add(Part.CUSTOMER, customers.invoiced(tenant, customer, made.usedCustomerDiscount(), made.billed().size(),
        made.invoice().total() > 0))
        .rideAlong(rideAlong);
    try {
      tx.commit(dynamo);
      return true;
    } catch (Tx.Cancelled cancelled) {
      if (cancelled.failed(Part.SUBSCRIPTION) || cancelled.failed(Part.CUSTOMER)
          || cancelled.failed(InvoiceStore.Part.BILLED_ITEM)) {
        return false;
      }
      throw cancelled.cause();
    }
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
    Subscription after = current.subscription().with(discounts, metadata, billingCycleAnchor);
    SubscriptionMapper.setPeriod(update, after.period(), null);
    ExpiryIndex.set(update, subscriptions.pk(tenant, current.subscription().id()), after.nextMoment());
    redemption.commit(dynamo, tableName, tenant, now, List.of(new Redemption.Holder(Part.SUBSCRIPTION,
        TransactWriteItem.builder().update(update.transactionUpdate(tableName, key(tenant, current.subscription().id())))
            .build())), rideAlong);
  }

  /**
   * Gives the active subscription read at {@code current} the items of {@code after} (added, changed,
   * removed: {@code added} and {@code removed} name the items whose pointers come and go), with
   * the counters of the discounts it redeems, in one transaction that requires it unchanged since
   * the read; a refused {@link Part#SUBSCRIPTION} holder: it changed meanwhile.
   */
  public void changeItems(Tenant tenant, Stored current, Subscription after, List<String> added, List<String> removed,
      List<InvoiceItem> invoiceItems, Redemption redemption, Instant now, RideAlong rideAlong) {
    UpdateExpression update = new UpdateExpression()
        .name("#items", SubscriptionMapper.ITEMS).value(":items", AttributeValue.fromL(after.items().stream()
            .map(SubscriptionMapper::itemAttribute).toList()))
        .name("#md", SubscriptionMapper.METADATA).value(":md", Attr.stringMap(after.metadata()))
        .name("#status", SubscriptionMapper.STATUS).value(":active", Attr.s(Subscription.ACTIVE))
        .set("#items = :items").set("#md = :md").condition("#status = :active");
    ExpiryIndex.set(update, subscriptions.pk(tenant, after.id()), after.nextMoment());
    List<Redemption.Holder> writes = new ArrayList<>();
    writes.add(new Redemption.Holder(Part.SUBSCRIPTION, TransactWriteItem.builder().update(
        Versioned.next(update, current.version()).transactionUpdate(tableName, key(tenant, after.id()))).build()));
    added.forEach(item -> writes.add(new Redemption.Holder(Part.ITEM_POINTER, pointTo(tenant, item, after.id()))));
    removed.forEach(item -> writes.add(new Redemption.Holder(Part.ITEM_POINTER, TransactWriteItem.builder()
        .delete(software.amazon.awssdk.services.dynamodb.model.Delete.builder().tableName(tableName)
            .key(Map.of(Table.PK, Attr.s(ObjectType.SUBSCRIPTION_ITEM.key(tenant, item)))).build()).build())));
    invoiceItems.forEach(item -> writes.add(new Redemption.Holder(Part.INVOICE_ITEM,
        invoices.items().putNew(tenant, item, now))));
    if (!invoiceItems.isEmpty()) {
      writes.add(new Redemption.Holder(Part.CUSTOMER, customers.countPendingItems(tenant, after.customer(),
          invoiceItems.size())));
    }
    redemption.commit(dynamo, tableName, tenant, now, writes, rideAlong);
  }

  /** The subscription an item lives in, if the item exists. */
  public Optional<String> subscriptionOf(Tenant tenant, String item) {
    return Items.get(dynamo, tableName, ObjectType.SUBSCRIPTION_ITEM.key(tenant, item))
        .map(pointer -> Attr.string(pointer, SubscriptionMapper.POINTER_SUBSCRIPTION));
  }

  private TransactWriteItem pointTo(Tenant tenant, String item, String subscription) {
    return TransactWriteItem.builder().put(software.amazon.awssdk.services.dynamodb.model.Put.builder()
        .tableName(tableName).item(Map.of(Table.PK, Attr.s(ObjectType.SUBSCRIPTION_ITEM.key(tenant, item)),
            SubscriptionMapper.POINTER_SUBSCRIPTION, Attr.s(subscription)))
        .conditionExpression(ObjectTable.IS_NEW).build()).build();
  }

  /** The writes of a subscription's transactions: its own, its customer's (live, its invoice number), its items' pointers. */
  public enum Part { SUBSCRIPTION, CUSTOMER, ITEM_POINTER, INVOICE_ITEM }

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
      Subscription after = current.subscription().with(current.subscription().discounts(),
          current.subscription().metadata(), billingCycleAnchor);
      SubscriptionMapper.setPeriod(update, after.period(), null);
      ExpiryIndex.set(update, subscriptions.pk(tenant, current.subscription().id()), after.nextMoment());
    }
    MetadataUpdate.apply(update, metadata);
    commit(tenant, current, update, rideAlong);
  }

  /**
   * Cancels the active subscription read at {@code current}, if it is unchanged since, with
   * {@code rideAlong}; else a {@link ChangedMeanwhile}.
   */
  public void cancel(Tenant tenant, Stored current, Instant now, RideAlong rideAlong) {
    UpdateExpression update = new UpdateExpression();
    // a canceled subscription renews no more: only its discounts' ends stay in the index
    ExpiryIndex.set(update, subscriptions.pk(tenant, current.subscription().id()),
        current.subscription().canceled(now.getEpochSecond()).nextMoment());
    commit(tenant, current, update
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
    List<SubscriptionItem> items = subscription.items().stream().map(item -> item.withDiscounts(
        item.discounts().stream().filter(discount -> discount.inEffect(now)).toList())).toList();
    boolean ended = discounts.size() < subscription.discounts().size() || !items.equals(subscription.items());
    Subscription after = subscription.withDiscounts(discounts, items);
    UpdateExpression update = new UpdateExpression()
        .name("#discounts", SubscriptionMapper.DISCOUNTS).value(":discounts", DiscountMapper.toAttribute(discounts))
        .name("#items", SubscriptionMapper.ITEMS).value(":items", AttributeValue.fromL(items.stream()
            .map(SubscriptionMapper::itemAttribute).toList()))
        .name("#ver", SubscriptionMapper.VERSION).value(":ver", Attr.n(read.get().version())).value(":one", Attr.n(1))
        .set("#discounts = :discounts").set("#items = :items").set("#ver = #ver + :one")
        .condition("#ver = :ver");
    ExpiryIndex.set(update, subscriptions.pk(tenant, id), after.nextMoment());
    Tx tx = new Tx().add(Part.SUBSCRIPTION, TransactWriteItem.builder().update(update.transactionUpdate(tableName,
        key(tenant, id))).build()).rideAlong(ended ? rideAlong.apply(subscription, after) : null);
    // changed since the read: nothing is ended now; the next sweep sees the index entry again
    return tx.commitUnlessRefusedBy(dynamo, Part.SUBSCRIPTION) && ended;
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
