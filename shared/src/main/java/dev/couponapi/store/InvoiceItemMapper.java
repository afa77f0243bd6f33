package dev.couponapi.store;

import dev.couponapi.domain.InvoiceItem;
import dev.couponapi.domain.Tenant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The only place that knows how an invoice item is laid out as an item, with its index keys. */
final class InvoiceItemMapper {

  static final String INVOICE = "invoice";
  static final String METADATA = MetadataUpdate.ATTRIBUTE;

  private InvoiceItemMapper() {}

  static String customerIndex(Tenant tenant, String customer) {
    return Table.listKey(tenant, "iicustomer") + "#" + customer;
  }

  /** The sparse index of a customer's pending items: an item leaves it when an invoice bills it. */
  static String pendingIndex(Tenant tenant, String customer) {
    return Table.listKey(tenant, "iipending") + "#" + customer;
  }

  static Map<String, AttributeValue> toItem(Tenant tenant, InvoiceItem invoiceItem, String listKey) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Table.PK, Attr.s(ObjectType.INVOICE_ITEM.key(tenant, invoiceItem.id())));
    item.put(Table.GSI1_PK, Attr.s(ObjectType.INVOICE_ITEM.listKey(tenant)));
    item.put(Table.GSI1_SK, Attr.s(listKey));
    item.put(Table.GSI3_PK, Attr.s(customerIndex(tenant, invoiceItem.customer())));
    if (invoiceItem.pending()) {
      item.put(Table.GSI5_PK, Attr.s(pendingIndex(tenant, invoiceItem.customer())));
    }
    item.put("id", Attr.s(invoiceItem.id()));
    item.put("customer", Attr.s(invoiceItem.customer()));
    item.put("currency", Attr.s(invoiceItem.currency()));
    item.put("unit_amount", Attr.n(invoiceItem.unitAmount()));
    item.put("quantity", Attr.n(invoiceItem.quantity()));
    Attr.putIfPresent(item, "description", invoiceItem.description());
    Attr.putIfPresent(item, "product", invoiceItem.product());
    item.put("discountable", Attr.bool(invoiceItem.discountable()));
    item.put("discounts", DiscountMapper.toAttribute(invoiceItem.discounts()));
    item.put(METADATA, Attr.stringMap(invoiceItem.metadata()));
    Attr.putIfPresent(item, "subscription", invoiceItem.subscription());
    Attr.putIfPresent(item, INVOICE, invoiceItem.invoice());
    item.put("created", Attr.n(invoiceItem.created()));
    item.put("livemode", Attr.bool(invoiceItem.livemode()));
    return item;
  }

  static InvoiceItem fromItem(Map<String, AttributeValue> item) {
    return new InvoiceItem(Attr.string(item, "id"), Attr.string(item, "customer"), Attr.string(item, "currency"),
        Attr.longValue(item, "unit_amount"), Attr.longValue(item, "quantity"), Attr.string(item, "description"),
        Attr.string(item, "product"), Attr.bool(item, "discountable"), DiscountMapper.fromList(item.get("discounts")),
        Attr.stringMap(item, METADATA), Attr.string(item, "subscription"), Attr.string(item, INVOICE),
        Attr.longValue(item, "created"), Attr.bool(item, "livemode"));
  }
}
