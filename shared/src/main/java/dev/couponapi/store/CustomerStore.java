package dev.couponapi.store;

import dev.couponapi.domain.Customer;
import dev.couponapi.domain.CustomerChanges;
import dev.couponapi.domain.Discount;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Customers (docs/api.md §5.1). A customer holds at most one discount, as an attribute of its own item:
 * "one discount per customer" is the shape of the data, and a redemption writes it in the same
 * transaction as the counters.
 */
public final class CustomerStore {

  static final String IS_LIVE = ObjectTable.IS_LIVE;

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final ObjectTable<Stored> customers;

  public CustomerStore(DynamoDbClient dynamo, String tableName) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.customers = new ObjectTable<>(dynamo, tableName, ObjectType.CUSTOMER, CustomerStore::stored);
  }

  /** A stored customer, its place in lists, whether it is deleted, and its version ({@link Versioned}). */
  public record Stored(Customer customer, String listKey, boolean deleted, long version) {}

  /** Whether a live (not deleted) customer of this tenant has this id; one GetItem. */
  public boolean exists(Tenant tenant, String id) {
    return find(tenant, id).filter(stored -> !stored.deleted()).isPresent();
  }

  public Optional<Stored> find(Tenant tenant, String id) {
    return customers.find(tenant, id);
  }

  /** Writes a new customer, with its discount's counters and the ride-along, in one transaction. */
  public void insert(Tenant tenant, Customer customer, Instant now, Redemption redemption, RideAlong rideAlong) {
    Map<String, AttributeValue> item = CustomerMapper.toItem(tenant, customer,
        NewestFirstIndex.newListKey(customer.created(), now));
    redemption.commit(dynamo, tableName, tenant, now, List.of(new Redemption.Holder(Part.CUSTOMER,
        customers.putNew(item))), rideAlong);
  }

  private enum Part { CUSTOMER }

  /**
   * Changes the fields of the live customer read at {@code current}, if it is unchanged since, in
   * one transaction with {@code rideAlong} (its events); else a {@link ChangedMeanwhile}.
   */
  public void update(Tenant tenant, Stored current, CustomerChanges changes, RideAlong rideAlong) {
    commit(tenant, current, changes(tenant, changes), rideAlong);
  }

  /**
   * Changes the fields of the customer read at {@code current} and gives it {@code discount}
   * (replacing any), with the discount's counters, in one transaction that requires it unchanged
   * since the read. Refusals say which part failed ({@link Redemption.Part#HOLDER}: the customer).
   */
  public void updateWithDiscount(Tenant tenant, Stored current, CustomerChanges changes, Discount discount,
      Redemption redemption, Instant now, RideAlong rideAlong) {
    String id = current.customer().id();
    UpdateExpression update = Versioned.next(changes(tenant, changes), current.version())
        .name("#discount", CustomerMapper.DISCOUNT)
        .value(":discount", DiscountMapper.toAttribute(discount)).set("#discount = :discount");
    ExpiryIndex.set(update, customers.pk(tenant, id), discount.end());
    redemption.commit(dynamo, tableName, tenant, now, List.of(new Redemption.Holder(Part.CUSTOMER,
        TransactWriteItem.builder().update(update.transactionUpdate(tableName, key(tenant, id))).build())), rideAlong);
  }

  private void commit(Tenant tenant, Stored current, UpdateExpression update, RideAlong rideAlong) {
    Tx tx = new Tx().add(Part.CUSTOMER, TransactWriteItem.builder().update(Versioned.next(update, current.version())
        .transactionUpdate(tableName, key(tenant, current.customer().id()))).build()).rideAlong(rideAlong);
    if (!tx.commitUnlessRefusedBy(dynamo, Part.CUSTOMER)) {
      throw new ChangedMeanwhile();
    }
  }

  /**
   * Removes the discount of the live customer read at {@code current}, if it is unchanged since, in
   * one transaction with {@code rideAlong} (its events); else a {@link ChangedMeanwhile}.
   */
  public void removeDiscount(Tenant tenant, Stored current, RideAlong rideAlong) {
    commit(tenant, current, new UpdateExpression()
        .name("#deleted", CustomerMapper.DELETED_AT).name("#discount", CustomerMapper.DISCOUNT)
        .name("#gsi6pk", Table.GSI6_PK).name("#gsi6sk", Table.GSI6_SK).remove("#gsi6pk").remove("#gsi6sk")
        .remove("#discount").condition(IS_LIVE), rideAlong);
  }

  /**
   * Soft-deletes the live customer read at {@code current} (gone from reads and lists, its discount
   * with it), if it is unchanged since, with {@code rideAlong}; else a {@link ChangedMeanwhile}.
   */
  public void delete(Tenant tenant, Stored current, Instant now, RideAlong rideAlong) {
    commit(tenant, current, new UpdateExpression()
        .name("#deleted", CustomerMapper.DELETED_AT).value(":now", Attr.n(now.getEpochSecond())).set("#deleted = :now")
        .name("#gsi1", Table.GSI1_PK).name("#gsi2", Table.GSI2_PK).name("#discount", CustomerMapper.DISCOUNT)
        .name("#gsi6pk", Table.GSI6_PK).name("#gsi6sk", Table.GSI6_SK).remove("#gsi6pk").remove("#gsi6sk")
        .remove("#gsi1").remove("#gsi2").remove("#discount").condition(IS_LIVE), rideAlong);
  }

  /**
   * The sweep's write for a customer whose repeating discount has ended: removes the discount and
   * takes the customer out of the expiry index. Both writes require the index entry the sweep found
   * ({@code indexKey}), so a discount given meanwhile is never touched; false when nothing ended.
   */
  public boolean endDiscount(Tenant tenant, String id, String indexKey, Instant now,
      java.util.function.Function<Customer, RideAlong> rideAlong) {
    Optional<Stored> current = find(tenant, id);
    Discount discount = current.map(stored -> stored.customer().discount()).orElse(null);
    if (discount == null || discount.end() == null || discount.end() > now.getEpochSecond()) {
      ExpiryIndex.dropStale(dynamo, tableName, key(tenant, id), indexKey);
      return false;
    }
    UpdateExpression update = new UpdateExpression()
        .name("#gsi6pk", Table.GSI6_PK).name("#gsi6sk", Table.GSI6_SK).value(":sk", Attr.s(indexKey))
        .remove("#gsi6pk").remove("#gsi6sk").condition("#gsi6sk = :sk")
        .name("#discount", CustomerMapper.DISCOUNT).name("#end", "end")
        .value(":now", Attr.n(now.getEpochSecond())).remove("#discount").condition("#discount.#end <= :now");
    Tx tx = new Tx().add(Part.CUSTOMER, TransactWriteItem.builder().update(Versioned.next(update,
        current.get().version()).transactionUpdate(tableName, key(tenant, id))).build())
        .rideAlong(rideAlong.apply(current.get().customer()));
    if (tx.commitUnlessRefusedBy(dynamo, Part.CUSTOMER)) {
      return true;
    }
    // changed since the read: a discount given meanwhile is never touched; the next sweep sees its entry
    ExpiryIndex.dropStale(dynamo, tableName, key(tenant, id), indexKey);
    return false;
  }

  /**
   * The customer's write in the transaction that makes (or finalizes) its invoice: counts the
   * invoice's number (the customer must be live and unchanged since {@code current} was read, so two
   * invoices never take one number), its pending items the invoice bills, a paid invoice above zero
   * ({@code paid}: a first transaction), and, when {@code usesDiscount}, removes its {@code once}
   * discount, used by that invoice.
   */
  TransactWriteItem invoiced(Tenant tenant, Stored current, boolean usesDiscount, int billedItems, boolean paid) {
    return invoiced(tenant, current, true, usesDiscount, billedItems, paid);
  }

  /**
   * The same for an invoice that takes no number yet (a draft, numbered when it is finalized):
   * {@code numbered} false.
   */
  TransactWriteItem invoiced(Tenant tenant, Stored current, boolean numbered, boolean usesDiscount, int billedItems,
      boolean paid) {
    UpdateExpression update = ObjectTable.live(new UpdateExpression());
    if (paid) {
      update.name("#paid", CustomerMapper.PAID_INVOICES).value(":one", Attr.n(1)).add("#paid :one");
    }
    if (numbered) {
      update.name("#seq", CustomerMapper.NEXT_INVOICE_SEQUENCE)
          .value(":seq", Attr.n(current.customer().nextInvoiceSequence() + 1)).set("#seq = :seq");
    }
    if (billedItems > 0) {
      update.name("#pending", CustomerMapper.PENDING_INVOICE_ITEMS).value(":billed", Attr.n(-billedItems))
          .add("#pending :billed");
    }
    if (usesDiscount) {
      update.name("#discount", CustomerMapper.DISCOUNT).remove("#discount")
          .name("#gsi6pk", Table.GSI6_PK).name("#gsi6sk", Table.GSI6_SK).remove("#gsi6pk").remove("#gsi6sk");
    }
    return TransactWriteItem.builder().update(Versioned.next(update, current.version())
        .transactionUpdate(tableName, key(tenant, current.customer().id()))).build();
  }

  /**
   * The customer's write when an invoice item of it is made ({@code +1}) or deleted while pending
   * ({@code -1}): it must be live, and counts its pending items (no version: it changes nothing an
   * invoice read, and an invoice that raced it bills only what it read).
   */
  TransactWriteItem countPendingItems(Tenant tenant, String id, int change) {
    return TransactWriteItem.builder().update(ObjectTable.live(new UpdateExpression())
        .name("#pending", CustomerMapper.PENDING_INVOICE_ITEMS).value(":change", Attr.n(change))
        .add("#pending :change").transactionUpdate(tableName, key(tenant, id))).build();
  }

  /** The customer's write when one of its invoices is paid (more than zero): one more paid invoice. */
  TransactWriteItem countPaid(Tenant tenant, String id) {
    return TransactWriteItem.builder().update(new UpdateExpression()
        .name("#paid", CustomerMapper.PAID_INVOICES).value(":one", Attr.n(1)).add("#paid :one")
        .condition("attribute_exists(" + Table.PK + ")").transactionUpdate(tableName, key(tenant, id))).build();
  }

  /**
   * Whether the customer has paid an invoice of more than zero: what a {@code first_time_transaction}
   * code asks (docs/api.md §3.6). A strongly consistent read.
   */
  public boolean hasPaidInvoice(Tenant tenant, String id) {
    return Items.get(dynamo, tableName, customers.pk(tenant, id))
        .map(item -> Attr.longOrZero(item, CustomerMapper.PAID_INVOICES) > 0).orElse(false);
  }

  /** The condition a write that needs a live customer puts on it (e.g. a new subscription). */
  TransactWriteItem requireLive(Tenant tenant, String id) {
    return TransactWriteItem.builder().conditionCheck(software.amazon.awssdk.services.dynamodb.model.ConditionCheck
        .builder().tableName(tableName).key(customers.key(tenant, id)).conditionExpression(IS_LIVE)
        .expressionAttributeNames(Map.of("#deleted", CustomerMapper.DELETED_AT)).build()).build();
  }

  public Page<Stored> page(Tenant tenant, String email, ListRequest request, String afterKey, String beforeKey) {
    NewestFirstIndex.Source source = email == null ? customers.list(tenant)
        : new NewestFirstIndex.Source(Table.GSI2, Table.GSI2_PK, CustomerMapper.emailIndex(tenant, email));
    return customers.page(source, request, afterKey, beforeKey, item -> true);
  }

  private UpdateExpression changes(Tenant tenant, CustomerChanges changes) {
    UpdateExpression update = ObjectTable.live(new UpdateExpression());
    for (String field : CustomerMapper.FIELDS) {
      if (changes.set().containsKey(field)) {
        update.name("#" + field, field).value(":" + field, Attr.s(changes.set().get(field)))
            .set("#" + field + " = :" + field);
      } else if (changes.unset().contains(field)) {
        update.name("#" + field, field).remove("#" + field);
      }
    }
    if (changes.set().containsKey("email")) {
      update.name("#gsi2", Table.GSI2_PK).value(":gsi2", Attr.s(CustomerMapper.emailIndex(tenant, changes.set().get("email"))))
          .set("#gsi2 = :gsi2");
    } else if (changes.unset().contains("email")) {
      update.name("#gsi2", Table.GSI2_PK).remove("#gsi2");
    }
    MetadataUpdate.apply(update, changes.metadata());
    if (update.writesNothing()) {
      update.name("#id", CustomerMapper.ID).set("#id = #id");
    }
    return update;
  }

  private static Stored stored(Map<String, AttributeValue> item) {
    return new Stored(CustomerMapper.fromItem(item), Attr.string(item, Table.GSI1_SK),
        item.containsKey(CustomerMapper.DELETED_AT), Versioned.of(item));
  }

  private Map<String, AttributeValue> key(Tenant tenant, String id) {
    return customers.key(tenant, id);
  }
}
