package dev.couponapi.store;

import dev.couponapi.domain.BillingPeriod;
import dev.couponapi.domain.Subscription;
import dev.couponapi.domain.SubscriptionItem;
import dev.couponapi.domain.Tenant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The only place that knows how a subscription and its items are laid out as an item, with its index keys. */
final class SubscriptionMapper {

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
  /** Absent on a subscription whose anchor was never reset: then it is its creation. */
  static final String BILLING_CYCLE_ANCHOR = "billing_cycle_anchor";
  /** The period billed last (absent on a subscription made before billing periods: its first). */
  static final String PERIOD_START = "current_period_start";
  static final String PERIOD_END = "current_period_end";
  static final String PERIOD_INDEX = "period_index";
  static final String LATEST_INVOICE = "latest_invoice";
  /** A subscription item's pointer names its subscription. */
  static final String POINTER_SUBSCRIPTION = "subscription";
  /** The test clock of its customer, whose time it runs on (absent: the wall clock's). */
  static final String TEST_CLOCK = "test_clock";

  private SubscriptionMapper() {}

  static String customerIndex(Tenant tenant, String customer) {
    return Table.listKey(tenant, "subcustomer") + "#" + customer;
  }

  static String statusIndex(Tenant tenant, String status) {
    return Table.listKey(tenant, "substatus") + "#" + status;
  }

  static Map<String, AttributeValue> toItem(Tenant tenant, Subscription subscription, String listKey) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Table.PK, Attr.s(ObjectType.SUBSCRIPTION.key(tenant, subscription.id())));
    item.put(Table.GSI1_PK, Attr.s(ObjectType.SUBSCRIPTION.listKey(tenant)));
    item.put(Table.GSI1_SK, Attr.s(listKey));
    item.put(Table.GSI3_PK, Attr.s(customerIndex(tenant, subscription.customer())));
    item.put(Table.GSI5_PK, Attr.s(statusIndex(tenant, subscription.status())));
    item.put(ID, Attr.s(subscription.id()));
    item.put(CUSTOMER, Attr.s(subscription.customer()));
    item.put(CREATED, Attr.n(subscription.created()));
    item.put(BILLING_CYCLE_ANCHOR, Attr.n(subscription.billingCycleAnchor()));
    item.put(CURRENCY, Attr.s(subscription.currency()));
    item.put(STATUS, Attr.s(subscription.status()));
    Attr.putIfPresent(item, CANCELED_AT, subscription.canceledAt());
    item.put(METADATA, Attr.stringMap(subscription.metadata()));
    item.put(ITEMS, AttributeValue.fromL(subscription.items().stream().map(SubscriptionMapper::itemAttribute).toList()));
    item.put(DISCOUNTS, DiscountMapper.toAttribute(subscription.discounts()));
    item.put(LIVEMODE, Attr.bool(subscription.livemode()));
    item.put(VERSION, Attr.n(0));
    item.put(PERIOD_START, Attr.n(subscription.period().start()));
    item.put(PERIOD_END, Attr.n(subscription.period().end()));
    item.put(PERIOD_INDEX, Attr.n(subscription.period().index()));
    Attr.putIfPresent(item, LATEST_INVOICE, subscription.latestInvoice());
    Attr.putIfPresent(item, TEST_CLOCK, subscription.testClock());
    ExpiryIndex.put(item, Attr.string(item, Table.PK), subscription.nextMoment());
    return item;
  }

  static AttributeValue itemAttribute(SubscriptionItem item) {
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
    if (!item.metadata().isEmpty()) {
      map.put("metadata", Attr.stringMap(item.metadata()));
    }
    return AttributeValue.fromM(map);
  }

  private static SubscriptionItem item(AttributeValue value) {
    Map<String, AttributeValue> map = value.m();
    return new SubscriptionItem(Attr.string(map, "id"), Attr.longValue(map, "created"), Attr.string(map, "currency"),
        Attr.string(map, "product"), Attr.longValue(map, "unit_amount"), Attr.string(map, "interval"),
        Attr.longValue(map, "interval_count"), Attr.longValue(map, "quantity"),
        DiscountMapper.fromList(map.get("discounts")), Attr.stringMap(map, "metadata"));
  }

  static Subscription fromItem(Map<String, AttributeValue> item) {
    AttributeValue items = item.get(ITEMS);
    Long created = Attr.longValue(item, CREATED);
    Long anchor = Attr.longValue(item, BILLING_CYCLE_ANCHOR);
    List<SubscriptionItem> lines = items == null || !items.hasL() ? List.of()
        : items.l().stream().map(SubscriptionMapper::item).toList();
    long anchorAt = anchor == null ? created : anchor;
    Long start = Attr.longValue(item, PERIOD_START);
    BillingPeriod period = start != null ? new BillingPeriod(start, Attr.longValue(item, PERIOD_END),
        Attr.longValue(item, PERIOD_INDEX))
        : lines.isEmpty() ? null : BillingPeriod.first(anchorAt, lines.get(0).interval(), lines.get(0).intervalCount());
    return new Subscription(Attr.string(item, ID), Attr.string(item, CUSTOMER),
        created, anchorAt, Attr.string(item, CURRENCY), Attr.string(item, STATUS),
        Attr.longValue(item, CANCELED_AT), Attr.stringMap(item, METADATA), lines,
        DiscountMapper.fromList(item.get(DISCOUNTS)), Attr.bool(item, LIVEMODE), period,
        Attr.string(item, LATEST_INVOICE), Attr.string(item, TEST_CLOCK));
  }

  /** Sets the period billed last and the latest invoice in an update. */
  static void setPeriod(UpdateExpression update, BillingPeriod period, String latestInvoice) {
    update.name("#pstart", PERIOD_START).value(":pstart", Attr.n(period.start())).set("#pstart = :pstart")
        .name("#pend", PERIOD_END).value(":pend", Attr.n(period.end())).set("#pend = :pend")
        .name("#pindex", PERIOD_INDEX).value(":pindex", Attr.n(period.index())).set("#pindex = :pindex");
    if (latestInvoice != null) {
      update.name("#latest", LATEST_INVOICE).value(":latest", Attr.s(latestInvoice)).set("#latest = :latest");
    }
  }
}
