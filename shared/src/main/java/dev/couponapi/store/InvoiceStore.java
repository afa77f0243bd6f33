package dev.couponapi.store;

import dev.couponapi.domain.EventObject;
import dev.couponapi.domain.Invoice;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Tenant;
import dev.couponapi.domain.InvoicePricing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Invoices (docs/api.md §7.2). An invoice is written only inside the transaction of what makes it
 * (a subscription's creation or renewal), so it exists exactly when its period was billed.
 */
public final class InvoiceStore {

  /** An invoice's events: the invoice as it was priced. */
  public static final EventSnapshot<EventObject.OfInvoice> SNAPSHOT = EventSnapshot.withoutCoupons("invoice",
      EventObject.OfInvoice.class, (tenant, of) -> InvoiceMapper.toItem(tenant, of.invoice(), ""),
      item -> new EventObject.OfInvoice(InvoiceMapper.fromItem(item)));

  /** The writes of an invoice's making. */
  public enum Part { INVOICE, BILLED_ITEM, CUSTOMER }

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final ObjectTable<Stored> invoices;
  private final InvoiceItemStore items;
  private final CustomerStore customers;

  public InvoiceStore(DynamoDbClient dynamo, String tableName, InvoiceItemStore items, CustomerStore customers) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.invoices = new ObjectTable<>(dynamo, tableName, ObjectType.INVOICE, InvoiceStore::stored);
    this.items = items;
    this.customers = customers;
  }

  /** A stored invoice, its place in lists and its version. */
  public record Stored(Invoice invoice, String listKey, long version) {}

  /**
   * Writes a one-off invoice (a draft) with the items it bills and the counters of its discounts,
   * and its customer's write (its pending items counted down, its once discount when the invoice
   * used it), unchanged since {@code customer} was read, in one transaction; a refused holder names its part.
   */
  public void insert(Tenant tenant, InvoicePricing.Made made, CustomerStore.Stored customer, Instant now,
      Redemption redemption, RideAlong rideAlong) {
    List<Redemption.Holder> writes = new ArrayList<>(making(tenant, made, List.of(), now));
    writes.add(new Redemption.Holder(Part.CUSTOMER, customers.invoiced(tenant, customer, false,
        made.usedCustomerDiscount(), made.billed().size(), false)));
    redemption.commit(dynamo, tableName, tenant, now, writes, rideAlong);
  }

  /**
   * Moves the invoice read at {@code current} to {@code after} (its status, number, times, details),
   * if it is unchanged since; a finalization also counts its customer's invoice number ({@code
   * numbering}: the customer as read, or null). Else a {@link ChangedMeanwhile}.
   */
  public void move(Tenant tenant, Stored current, Invoice after, CustomerStore.Stored numbering, RideAlong rideAlong) {
    boolean paid = Invoice.PAID_STATUS.equals(after.status()) && !Invoice.PAID_STATUS.equals(current.invoice().status())
        && after.total() > 0;
    Invoice.Details details = after.details();
    UpdateExpression update = new UpdateExpression()
        .name("#status", InvoiceMapper.STATUS).value(":status", Attr.s(after.status())).set("#status = :status")
        .name("#paid", "amount_paid").value(":paid", Attr.n(after.amountPaid())).set("#paid = :paid")
        .name("#md", InvoiceMapper.METADATA).value(":md", Attr.stringMap(details.metadata())).set("#md = :md")
        .value(":from", Attr.s(current.invoice().status())).condition("#status = :from");
    optional(update, "number", after.number());
    optional(update, "finalized_at", after.finalizedAt());
    optional(update, "paid_at", after.paidAt());
    optional(update, "voided_at", details.voidedAt());
    optional(update, "marked_uncollectible_at", details.markedUncollectibleAt());
    optional(update, "description", details.description());
    Tx tx = new Tx().add(Part.INVOICE, TransactWriteItem.builder().update(Versioned.next(update, current.version())
        .transactionUpdate(tableName, invoices.key(tenant, after.id()))).build());
    if (numbering != null) {
      tx.add(Part.CUSTOMER, customers.invoiced(tenant, numbering, false, 0, paid));
    } else if (paid) {
      tx.add(Part.CUSTOMER, customers.countPaid(tenant, after.customer()));
    }
    tx.rideAlong(rideAlong);
    try {
      tx.commit(dynamo);
    } catch (Tx.Cancelled cancelled) {
      if (cancelled.failed(Part.INVOICE) || cancelled.failed(Part.CUSTOMER)) {
        throw new ChangedMeanwhile();
      }
      throw cancelled.cause();
    }
  }

  /**
   * Deletes the draft read at {@code current}; the items it billed are pending again, counted on
   * their customer. Else a {@link ChangedMeanwhile}.
   */
  public void deleteDraft(Tenant tenant, Stored current, RideAlong rideAlong) {
    Invoice invoice = current.invoice();
    Tx tx = new Tx().add(Part.INVOICE, TransactWriteItem.builder().delete(software.amazon.awssdk.services.dynamodb
        .model.Delete.builder().tableName(tableName).key(invoices.key(tenant, invoice.id()))
        .conditionExpression("#status = :draft AND (attribute_not_exists(#ver) OR #ver = :ver)")
        .expressionAttributeNames(Map.of("#status", InvoiceMapper.STATUS, "#ver", Versioned.ATTRIBUTE))
        .expressionAttributeValues(Map.of(":draft", Attr.s(Invoice.DRAFT), ":ver", Attr.n(current.version())))
        .build()).build());
    List<String> billed = invoice.lines().stream().map(Invoice.Line::invoiceItem).filter(java.util.Objects::nonNull)
        .toList();
    billed.forEach(item -> tx.add(Part.BILLED_ITEM, items.unbill(tenant, item, invoice.customer(), invoice.id())));
    if (!billed.isEmpty()) {
      tx.add(Part.CUSTOMER, customers.countPendingItems(tenant, invoice.customer(), billed.size()));
    }
    tx.rideAlong(rideAlong);
    if (!tx.commitUnlessRefusedBy(dynamo, Part.INVOICE)) {
      throw new ChangedMeanwhile();
    }
  }

  private static void optional(UpdateExpression update, String attribute, Object value) {
    String name = "#" + attribute.replace("_", "");
    update.name(name, attribute);
    if (value == null) {
      update.remove(name);
    } else {
      String placeholder = ":" + attribute.replace("_", "");
      update.value(placeholder, value instanceof String text ? Attr.s(text) : Attr.n(((Number) value).longValue()))
          .set(name + " = " + placeholder);
    }
  }

  public Optional<Stored> find(Tenant tenant, String id) {
    return invoices.find(tenant, id);
  }

  /**
   * The writes that make an invoice, for the transaction that makes it: the new invoice, and each
   * pending item it bills marked billed (refused, {@link Part#BILLED_ITEM}, when another invoice
   * billed it first or it was deleted), or written billed when it is new ({@code created}: made
   * with the invoice, as {@code add_invoice_items[]} on a subscription's creation).
   */
  List<Redemption.Holder> making(Tenant tenant, InvoicePricing.Made made, List<String> created, Instant now) {
    List<Redemption.Holder> writes = new ArrayList<>();
    writes.add(new Redemption.Holder(Part.INVOICE, invoices.putNew(InvoiceMapper.toItem(tenant, made.invoice(),
        NewestFirstIndex.newListKey(made.invoice().created(), now)))));
    made.billed().forEach(item -> writes.add(new Redemption.Holder(Part.BILLED_ITEM, created.contains(item.id())
        ? items.putNew(tenant, item, now) : items.bill(tenant, item, made.invoice().id()))));
    return writes;
  }

  /** Its items' store, whose writes ride in the transactions of the invoices and subscriptions that make them. */
  InvoiceItemStore items() {
    return items;
  }

  /** A page, newest first: a subscription's, else a customer's, else every invoice; {@code status} filters it. */
  public Page<Stored> page(Tenant tenant, String customer, String subscription, String status, ListRequest request,
      String afterKey, String beforeKey) {
    NewestFirstIndex.Source source = subscription != null
        ? new NewestFirstIndex.Source(Table.GSI5, Table.GSI5_PK, InvoiceMapper.subscriptionIndex(tenant, subscription))
        : customer != null
        ? new NewestFirstIndex.Source(Table.GSI3, Table.GSI3_PK, InvoiceMapper.customerIndex(tenant, customer))
        : invoices.list(tenant);
    return invoices.page(source, request, afterKey, beforeKey, item ->
        (status == null || status.equals(Attr.string(item, InvoiceMapper.STATUS)))
            && (customer == null || customer.equals(Attr.string(item, "customer"))));
  }

  private static Stored stored(Map<String, AttributeValue> item) {
    return new Stored(InvoiceMapper.fromItem(item), Attr.string(item, Table.GSI1_SK), Versioned.of(item));
  }
}
