package dev.couponapi.store;

import dev.couponapi.domain.EventObject;
import dev.couponapi.domain.InvoiceItem;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Invoice items (docs/api.md §7.3). Its customer counts its pending items in the same transactions
 * (made, deleted, billed), so an invoice looks for pending items only when there are some; a pending
 * item is in a sparse index of its customer's pending items, which it leaves when an invoice bills it.
 */
public final class InvoiceItemStore {

  /** An invoice item's events: the item. */
  public static final EventSnapshot<EventObject.OfInvoiceItem> SNAPSHOT = EventSnapshot.withoutCoupons("invoiceitem",
      EventObject.OfInvoiceItem.class, (tenant, of) -> InvoiceItemMapper.toItem(tenant, of.item(), ""),
      item -> new EventObject.OfInvoiceItem(InvoiceItemMapper.fromItem(item)));

  /** The writes of an invoice item's transactions. */
  public enum Part { ITEM, CUSTOMER }

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final ObjectTable<Stored> items;
  private final CustomerStore customers;

  public InvoiceItemStore(DynamoDbClient dynamo, String tableName, CustomerStore customers) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.items = new ObjectTable<>(dynamo, tableName, ObjectType.INVOICE_ITEM, InvoiceItemStore::stored);
    this.customers = customers;
  }

  /** A stored item, its place in lists and its version. */
  public record Stored(InvoiceItem item, String listKey, long version) {}

  public Optional<Stored> find(Tenant tenant, String id) {
    return items.find(tenant, id);
  }

  /**
   * Writes a new pending item for a live customer, counted on it, with the counters of the
   * discounts it redeems and the ride-along, in one transaction; a refused customer: it is gone.
   */
  public void insert(Tenant tenant, InvoiceItem item, Instant now, Redemption redemption, RideAlong rideAlong) {
    redemption.commit(dynamo, tableName, tenant, now, List.of(
        new Redemption.Holder(Part.ITEM, items.putNew(InvoiceItemMapper.toItem(tenant, item,
            NewestFirstIndex.newListKey(item.created(), now)))),
        new Redemption.Holder(Part.CUSTOMER, customers.countPendingItems(tenant, item.customer(), 1))), rideAlong);
  }

  /**
   * Gives the pending item read at {@code current} the fields of {@code after}, if it is unchanged
   * and still pending; else a {@link ChangedMeanwhile}.
   */
  public void update(Tenant tenant, Stored current, InvoiceItem after, RideAlong rideAlong) {
    UpdateExpression update = new UpdateExpression()
        .name("#unit", "unit_amount").value(":unit", Attr.n(after.unitAmount())).set("#unit = :unit")
        .name("#quantity", "quantity").value(":quantity", Attr.n(after.quantity())).set("#quantity = :quantity")
        .name("#discountable", "discountable").value(":discountable", Attr.bool(after.discountable()))
        .set("#discountable = :discountable")
        .name("#md", InvoiceItemMapper.METADATA).value(":md", Attr.stringMap(after.metadata())).set("#md = :md")
        .name("#invoice", InvoiceItemMapper.INVOICE).condition("attribute_not_exists(#invoice)");
    if (after.description() == null) {
      update.name("#description", "description").remove("#description");
    } else {
      update.name("#description", "description").value(":description", Attr.s(after.description()))
          .set("#description = :description");
    }
    Tx tx = new Tx().add(Part.ITEM, TransactWriteItem.builder().update(Versioned.next(update, current.version())
        .transactionUpdate(tableName, items.key(tenant, after.id()))).build()).rideAlong(rideAlong);
    if (!tx.commitUnlessRefusedBy(dynamo, Part.ITEM)) {
      throw new ChangedMeanwhile();
    }
  }

  /** Deletes the pending item read at {@code current}, uncounted on its customer; else a {@link ChangedMeanwhile}. */
  public void delete(Tenant tenant, Stored current, RideAlong rideAlong) {
    Tx tx = new Tx().add(Part.ITEM, TransactWriteItem.builder().delete(Delete.builder().tableName(tableName)
            .key(items.key(tenant, current.item().id()))
            .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#invoice) AND "
                + "(attribute_not_exists(#ver) OR #ver = :ver)")
            .expressionAttributeNames(Map.of("#pk", Table.PK, "#invoice", InvoiceItemMapper.INVOICE,
                "#ver", Versioned.ATTRIBUTE))
            .expressionAttributeValues(Map.of(":ver", Attr.n(current.version()))).build()).build())
        .add(Part.CUSTOMER, customers.countPendingItems(tenant, current.item().customer(), -1))
        .rideAlong(rideAlong);
    if (!tx.commitUnlessRefusedBy(dynamo, Part.ITEM)) {
      throw new ChangedMeanwhile();
    }
  }

  /** Up to {@code limit} of a customer's pending items, oldest first (the order they are billed in). */
  public List<InvoiceItem> pending(Tenant tenant, String customer, int limit) {
    List<InvoiceItem> oldestFirst = new java.util.ArrayList<>(items.page(new NewestFirstIndex.Source(Table.GSI5, Table.GSI5_PK,
            InvoiceItemMapper.pendingIndex(tenant, customer)), new ListRequest(limit, null, null, null, null), null,
        null, item -> !item.containsKey(InvoiceItemMapper.INVOICE)).items().stream().map(Stored::item).toList());
    java.util.Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  /** The put of a new item (pending, or billed already), for the transaction of what makes it. */
  TransactWriteItem putNew(Tenant tenant, InvoiceItem item, Instant now) {
    return items.putNew(InvoiceItemMapper.toItem(tenant, item, NewestFirstIndex.newListKey(item.created(), now)));
  }

  /** The write that marks a pending item billed by {@code invoice}, for the invoice's transaction. */
  TransactWriteItem bill(Tenant tenant, InvoiceItem item, String invoice) {
    return TransactWriteItem.builder().update(new UpdateExpression()
        .name("#invoice", InvoiceItemMapper.INVOICE).value(":invoice", Attr.s(invoice)).set("#invoice = :invoice")
        .name("#gsi5", Table.GSI5_PK).remove("#gsi5").condition("attribute_not_exists(#invoice)")
        .transactionUpdate(tableName, items.key(tenant, item.id()))).build();
  }

  /** The write that makes an item billed by {@code invoice} pending again (its draft was deleted). */
  TransactWriteItem unbill(Tenant tenant, String item, String customer, String invoice) {
    return TransactWriteItem.builder().update(new UpdateExpression()
        .name("#invoice", InvoiceItemMapper.INVOICE).value(":invoice", Attr.s(invoice)).remove("#invoice")
        .name("#gsi5", Table.GSI5_PK).value(":pending", Attr.s(InvoiceItemMapper.pendingIndex(tenant, customer)))
        .set("#gsi5 = :pending").condition("#invoice = :invoice")
        .transactionUpdate(tableName, items.key(tenant, item))).build();
  }

  /** A page, newest first: a customer's, else every item; {@code pending} filters it (null: both). */
  public Page<Stored> page(Tenant tenant, String customer, Boolean pending, ListRequest request, String afterKey,
      String beforeKey) {
    NewestFirstIndex.Source source = customer != null
        ? new NewestFirstIndex.Source(Table.GSI3, Table.GSI3_PK, InvoiceItemMapper.customerIndex(tenant, customer))
        : items.list(tenant);
    return items.page(source, request, afterKey, beforeKey,
        item -> pending == null || pending == !item.containsKey(InvoiceItemMapper.INVOICE));
  }

  private static Stored stored(Map<String, AttributeValue> item) {
    return new Stored(InvoiceItemMapper.fromItem(item), Attr.string(item, Table.GSI1_SK), Versioned.of(item));
  }
}
