package dev.couponapi.store;

import dev.couponapi.domain.Invoice;
import dev.couponapi.domain.Tenant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The only place that knows how an invoice and its lines are laid out as an item, with its index keys. */
final class InvoiceMapper {

  static final String STATUS = "status";
  static final String METADATA = MetadataUpdate.ATTRIBUTE;

  private InvoiceMapper() {}

  static String customerIndex(Tenant tenant, String customer) {
    return Table.listKey(tenant, "invcustomer") + "#" + customer;
  }

  static String subscriptionIndex(Tenant tenant, String subscription) {
    return Table.listKey(tenant, "invsub") + "#" + subscription;
  }

  static Map<String, AttributeValue> toItem(Tenant tenant, Invoice invoice, String listKey) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Table.PK, Attr.s(ObjectType.INVOICE.key(tenant, invoice.id())));
    item.put(Table.GSI1_PK, Attr.s(ObjectType.INVOICE.listKey(tenant)));
    item.put(Table.GSI1_SK, Attr.s(listKey));
    item.put(Table.GSI3_PK, Attr.s(customerIndex(tenant, invoice.customer())));
    if (invoice.subscription() != null) {
      item.put(Table.GSI5_PK, Attr.s(subscriptionIndex(tenant, invoice.subscription())));
    }
    item.put("id", Attr.s(invoice.id()));
    Attr.putIfPresent(item, "number", invoice.number());
    item.put("customer", Attr.s(invoice.customer()));
    Attr.putIfPresent(item, "subscription", invoice.subscription());
    item.put("currency", Attr.s(invoice.currency()));
    item.put("created", Attr.n(invoice.created()));
    item.put("period_start", Attr.n(invoice.periodStart()));
    item.put("period_end", Attr.n(invoice.periodEnd()));
    item.put(STATUS, Attr.s(invoice.status()));
    item.put("billing_reason", Attr.s(invoice.billingReason()));
    item.put("lines", AttributeValue.fromL(invoice.lines().stream().map(InvoiceMapper::line).toList()));
    item.put("discounts", DiscountMapper.toAttribute(invoice.discounts()));
    item.put("total_discount_amounts", amounts(invoice.totalDiscountAmounts()));
    item.put("subtotal", Attr.n(invoice.subtotal()));
    item.put("total", Attr.n(invoice.total()));
    item.put("amount_paid", Attr.n(invoice.amountPaid()));
    Attr.putIfPresent(item, "finalized_at", invoice.finalizedAt());
    Attr.putIfPresent(item, "paid_at", invoice.paidAt());
    item.put("livemode", Attr.bool(invoice.livemode()));
    Attr.putIfPresent(item, "description", invoice.details().description());
    item.put(METADATA, Attr.stringMap(invoice.details().metadata()));
    item.put("collection_method", Attr.s(invoice.details().collectionMethod()));
    Attr.putIfPresent(item, "voided_at", invoice.details().voidedAt());
    Attr.putIfPresent(item, "marked_uncollectible_at", invoice.details().markedUncollectibleAt());
    return item;
  }

  static Invoice fromItem(Map<String, AttributeValue> item) {
    String collection = Attr.string(item, "collection_method");
    return new Invoice(Attr.string(item, "id"), Attr.string(item, "number"), Attr.string(item, "customer"),
        Attr.string(item, "subscription"), Attr.string(item, "currency"), Attr.longValue(item, "created"),
        Attr.longValue(item, "period_start"), Attr.longValue(item, "period_end"), Attr.string(item, STATUS),
        Attr.string(item, "billing_reason"), item.get("lines").l().stream().map(line -> line(line.m())).toList(),
        DiscountMapper.fromList(item.get("discounts")), amounts(item.get("total_discount_amounts")),
        Attr.longValue(item, "subtotal"), Attr.longValue(item, "total"), Attr.longValue(item, "amount_paid"),
        Attr.longValue(item, "finalized_at"), Attr.longValue(item, "paid_at"), Attr.bool(item, "livemode"),
        new Invoice.Details(Attr.string(item, "description"), Attr.stringMap(item, METADATA),
            collection == null ? "charge_automatically" : collection, Attr.longValue(item, "voided_at"),
            Attr.longValue(item, "marked_uncollectible_at")));
  }

  private static AttributeValue line(Invoice.Line line) {
    Map<String, AttributeValue> map = new HashMap<>();
    map.put("id", Attr.s(line.id()));
    Attr.putIfPresent(map, "description", line.description());
    map.put("amount", Attr.n(line.amount()));
    map.put("unit_amount", Attr.n(line.unitAmount()));
    map.put("quantity", Attr.n(line.quantity()));
    Attr.putIfPresent(map, "product", line.product());
    map.put("discountable", Attr.bool(line.discountable()));
    Attr.putIfPresent(map, "interval", line.interval());
    map.put("interval_count", Attr.n(line.intervalCount()));
    Attr.putIfPresent(map, "subscription_item", line.subscriptionItem());
    Attr.putIfPresent(map, "invoice_item", line.invoiceItem());
    map.put("discounts", Attr.stringList(line.discounts()));
    map.put("discount_amounts", amounts(line.discountAmounts()));
    map.put("period_start", Attr.n(line.periodStart()));
    map.put("period_end", Attr.n(line.periodEnd()));
    return AttributeValue.fromM(map);
  }

  private static Invoice.Line line(Map<String, AttributeValue> map) {
    return new Invoice.Line(Attr.string(map, "id"), Attr.string(map, "description"), Attr.longValue(map, "amount"),
        Attr.longValue(map, "unit_amount"), Attr.longValue(map, "quantity"), Attr.string(map, "product"),
        Attr.bool(map, "discountable"), Attr.string(map, "interval"), Attr.longValue(map, "interval_count"),
        Attr.string(map, "subscription_item"), Attr.string(map, "invoice_item"), Attr.stringList(map, "discounts"),
        amounts(map.get("discount_amounts")),
        Attr.longValue(map, "period_start"), Attr.longValue(map, "period_end"));
  }

  private static AttributeValue amounts(List<Invoice.Amount> amounts) {
    return AttributeValue.fromL(amounts.stream().map(amount -> {
      Map<String, AttributeValue> map = new HashMap<>();
      map.put("discount", Attr.s(amount.discount()));
      map.put("amount", Attr.n(amount.amount()));
      Attr.putIfPresent(map, "coupon_rev", amount.couponRev());
      Attr.putIfPresent(map, "promotion_code", amount.promotionCode());
      return AttributeValue.fromM(map);
    }).toList());
  }

  private static List<Invoice.Amount> amounts(AttributeValue value) {
    if (value == null || !value.hasL()) {
      return List.of();
    }
    return value.l().stream().map(amount -> new Invoice.Amount(Attr.string(amount.m(), "discount"),
        Attr.longValue(amount.m(), "amount"), Attr.string(amount.m(), "coupon_rev"),
        Attr.string(amount.m(), "promotion_code"))).toList();
  }
}
