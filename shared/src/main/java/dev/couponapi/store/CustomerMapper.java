package dev.couponapi.store;

import dev.couponapi.domain.Customer;
import dev.couponapi.domain.Tenant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The only place that knows how a customer is laid out as an item, with its index keys. */
final class CustomerMapper {

  static final String ID = "id";
  static final String CREATED = "created";
  static final String METADATA = MetadataUpdate.ATTRIBUTE;
  static final String DISCOUNT = "discount";
  static final String LIVEMODE = "livemode";
  static final String DELETED_AT = ObjectTable.DELETED_AT;
  /** Absent until the customer's first invoice: then 1. */
  static final String NEXT_INVOICE_SEQUENCE = "next_invoice_sequence";
  /** How many of its invoice items are pending (absent: none), so that an invoice reads them only when there are some. */
  static final String PENDING_INVOICE_ITEMS = "pending_invoice_items";
  static final String TEST_CLOCK = "test_clock";
  /** How many of its invoices were paid with a total above zero (absent: none): its transactions. */
  static final String PAID_INVOICES = "paid_invoices";

  /** A test clock's customers (GSI4): what an advance moves and a clock's deletion deletes. */
  static String clockIndex(Tenant tenant, String clock) {
    return Table.listKey(tenant, "clockcustomer") + "#" + clock;
  }
  /** The plain string fields, stored under their API names. */
  static final List<String> FIELDS = List.of("name", "email", "description", "currency");

  private CustomerMapper() {}

  /** The GSI2 partition of a tenant's customers with one email. */
  static String emailIndex(Tenant tenant, String email) {
    return Table.listKey(tenant, "customeremail") + "#" + email;
  }

  static Map<String, AttributeValue> toItem(Tenant tenant, Customer customer, String listKey) {
    Map<String, AttributeValue> item = new HashMap<>();
    String pk = ObjectType.CUSTOMER.key(tenant, customer.id());
    item.put(Table.PK, Attr.s(pk));
    item.put(Table.GSI1_PK, Attr.s(ObjectType.CUSTOMER.listKey(tenant)));
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
    if (customer.testClock() != null) {
      item.put(TEST_CLOCK, Attr.s(customer.testClock()));
      item.put(Table.GSI4_PK, Attr.s(clockIndex(tenant, customer.testClock())));
    }
    ExpiryIndex.put(item, pk, customer.discount() == null ? null : customer.discount().end());
    return item;
  }

  static Customer fromItem(Map<String, AttributeValue> item) {
    Long sequence = Attr.longValue(item, NEXT_INVOICE_SEQUENCE);
    return new Customer(Attr.string(item, ID), Attr.longValue(item, CREATED), Attr.string(item, "name"),
        Attr.string(item, "email"), Attr.string(item, "description"), Attr.string(item, "currency"),
        Attr.stringMap(item, METADATA), DiscountMapper.fromAttribute(item.get(DISCOUNT)), Attr.bool(item, LIVEMODE),
        sequence == null ? 1 : sequence, Attr.longOrZero(item, PENDING_INVOICE_ITEMS), Attr.string(item, TEST_CLOCK));
  }
}
