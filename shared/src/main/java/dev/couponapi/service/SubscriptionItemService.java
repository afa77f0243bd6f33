package dev.couponapi.service;

import dev.couponapi.api.Errors;
import dev.couponapi.api.Ids;
import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.Discount;
import dev.couponapi.domain.EventDraft;
import dev.couponapi.domain.EventObject;
import dev.couponapi.domain.InvoiceItem;
import dev.couponapi.domain.InvoiceItemDraft;
import dev.couponapi.domain.MetadataChange;
import dev.couponapi.domain.Subscription;
import dev.couponapi.domain.SubscriptionDraft;
import dev.couponapi.domain.SubscriptionItem;
import dev.couponapi.domain.SubscriptionItemDraft;
import dev.couponapi.domain.Tenant;
import dev.couponapi.store.ChangedMeanwhile;
import dev.couponapi.store.Redemption;
import dev.couponapi.store.Refused;
import dev.couponapi.store.SubscriptionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Subscription items (docs/api.md §7.4), kept inside their subscription, and the invoice items a
 * subscription update adds ({@code add_invoice_items[]}): every edit (items added, changed,
 * removed, invoice items added) is one write of the subscription guarded by the version read, with
 * the discounts it redeems and its events. DECISION: nothing is prorated; a change is billed from
 * the next invoice on.
 */
public final class SubscriptionItemService {

  /** The item and the subscription it is in, as written. */
  public record Placed(Subscription subscription, SubscriptionItem item, Function<Discount, Coupon> coupons) {}

  private final SubscriptionStore store;
  private final DiscountService discounts;

  public SubscriptionItemService(SubscriptionStore store, DiscountService discounts) {
    this.store = store;
    this.discounts = discounts;
  }

  public Placed create(Change change, SubscriptionItemDraft draft) {
    String id = "si_" + Ids.random(14);
    Subscription after = edit(change, draft.subscription(), "subscription", 400, List.of(
        new SubscriptionDraft.ItemChange("", null, draft.price(), draft.quantity(),
            draft.discounts() == null ? List.of() : draft.discounts(), false, draft.metadata())), List.of(),
        MetadataChange.NONE, id);
    return placed(change.tenant(), after, id);
  }

  public Placed retrieve(Tenant tenant, String id) {
    return placed(tenant, subscriptionOf(tenant, id).subscription(), id);
  }

  public Placed update(Change change, String id, SubscriptionItemDraft draft) {
    Subscription after = edit(change, pointedTo(change.tenant(), id), "id", 404, List.of(
        new SubscriptionDraft.ItemChange("", id, draft.price(), draft.quantity(), draft.discounts(), false,
            draft.metadata())), List.of(), MetadataChange.NONE, null);
    return placed(change.tenant(), after, id);
  }

  /** Removes an item; the last one cannot be (cancel the subscription instead, as Stripe says). */
  public void delete(Change change, String id) {
    edit(change, pointedTo(change.tenant(), id), "id", 404, List.of(
        new SubscriptionDraft.ItemChange("", id, null, null, null, true, MetadataChange.NONE)), List.of(),
        MetadataChange.NONE, null);
  }

  /** The subscription whose items a list shows. */
  public Subscription itemsOf(Tenant tenant, String subscription) {
    if (subscription == null) {
      throw Errors.missing("subscription");
    }
    return store.find(tenant, subscription).map(SubscriptionStore.Stored::subscription)
        .orElseThrow(() -> Lookups.noSuch("subscription", subscription, "subscription", 400));
  }

  /**
   * A subscription update's {@code items[]} and {@code add_invoice_items[]} (and its metadata), in
   * one write: the subscription as it is after.
   */
  public Subscription update(Change change, String subscription, SubscriptionDraft.Changes changes) {
    return edit(change, subscription, "id", 404, changes.items(), changes.addInvoiceItems(), changes.metadata(), null);
  }

  /**
   * Reads the subscription, redeems the discounts the edit asks for, makes it, and writes it with
   * its {@code customer.subscription.updated} (and an {@code invoiceitem.created} per invoice item),
   * again from the read when it changed meanwhile. {@code newId}: the id of the one new item, else null.
   */
  private Subscription edit(Change change, String subscriptionId, String param, int status,
      List<SubscriptionDraft.ItemChange> itemChanges, List<InvoiceItemDraft> addInvoiceItems,
      MetadataChange metadata, String newId) {
    Tenant tenant = change.tenant();
    Instant now = change.now();
    return ReadThenWrite.untilUnchanged(() -> {
      SubscriptionStore.Stored current = store.find(tenant, subscriptionId)
          .orElseThrow(() -> Lookups.noSuch("subscription", subscriptionId, param, status));
      Subscription before = current.subscription();
      if (!Subscription.ACTIVE.equals(before.status())) {
        throw Errors.invalid(null, "A canceled subscription can no longer be updated.").asOutcome();
      }
      Map<String, SubscriptionItem> items = new LinkedHashMap<>();
      before.items().forEach(item -> items.put(item.id(), item));
      List<String> added = new ArrayList<>();
      List<String> removed = new ArrayList<>();
      List<DiscountService.Placed> placed = new ArrayList<>();
      Map<String, SubscriptionDraft.ItemChange> kept = new LinkedHashMap<>();
      for (SubscriptionDraft.ItemChange itemChange : itemChanges) {
        String id = itemChange.id() != null ? itemChange.id() : newId != null ? newId : "si_" + Ids.random(14);
        if (itemChange.id() != null && !items.containsKey(id)) {
          throw Lookups.noSuch("subscription_item", id, itemChange.param().isEmpty() ? "id"
              : itemChange.param() + "[id]", itemChange.param().isEmpty() ? 404 : 400);
        }
        if (itemChange.price() != null) {
          checkPrice(before, itemChange.price(), itemChange.param());
        }
        if (itemChange.deleted()) {
          items.remove(id);
          removed.add(id);
          continue;
        }
        if (itemChange.id() == null) {
          added.add(id);
        }
        kept.put(id, itemChange);
        if (itemChange.discounts() != null) {
          SubscriptionItem existing = items.get(id);
          long amount = Math.multiplyExact(itemChange.price() != null ? itemChange.price().unitAmount()
              : existing.unitAmount(), itemChange.quantity() != null ? itemChange.quantity()
              : existing != null ? existing.quantity() : 1);
          itemChange.discounts().forEach(request -> placed.add(new DiscountService.Placed(request,
              DiscountService.Slot.item(id), DiscountService.Target.subscription(before.customer(), before.id(), id,
                  before.currency(), amount, true))));
        }
      }
      if (items.isEmpty() && kept.isEmpty()) {
        throw Errors.invalid(null, "A subscription must have at least one active plan. To cancel a subscription, "
            + "please use the cancel API endpoint on /v1/subscriptions.").asOutcome();
      }
      List<String> invoiceItemIds = new ArrayList<>();
      for (int i = 0; i < addInvoiceItems.size(); i++) {
        InvoiceItemDraft draft = addInvoiceItems.get(i);
        if (!draft.currency().equals(before.currency())) {
          throw Errors.invalid("add_invoice_items[" + i + "][price_data][currency]", "The invoice item's currency ("
              + draft.currency() + ") must be the subscription's (" + before.currency() + ").");
        }
        String id = "ii_" + Ids.random(24);
        invoiceItemIds.add(id);
        long amount = Math.multiplyExact(draft.unitAmount(), draft.quantity());
        draft.discounts().forEach(request -> placed.add(new DiscountService.Placed(request,
            DiscountService.Slot.invoiceItem(id), DiscountService.Target.invoice(before.customer(), before.currency(),
                amount))));
      }
      DiscountService.Plan plan = placed.isEmpty() ? DiscountService.Plan.NONE
          : discounts.plan(tenant, change.version(), placed, List.of(), now);
      kept.forEach((id, itemChange) -> items.put(id, changed(items.get(id), id, itemChange, before, plan, now)));
      Subscription after = before.with(before.discounts(), metadata.applyTo(before.metadata()),
          before.billingCycleAnchor()).withDiscounts(before.discounts(), List.copyOf(items.values()));
      List<InvoiceItem> invoiceItems = new ArrayList<>();
      for (int i = 0; i < addInvoiceItems.size(); i++) {
        InvoiceItemDraft draft = addInvoiceItems.get(i);
        String id = invoiceItemIds.get(i);
        invoiceItems.add(new InvoiceItem(id, before.customer(), draft.currency(), draft.unitAmount(), draft.quantity(),
            null, draft.product(), true, plan.discountsFor(DiscountService.Slot.invoiceItem(id)).stream()
                .map(discount -> discount.of(null, id)).toList(), Map.of(), before.id(), null, now.getEpochSecond(),
            tenant.livemode()));
      }
      Function<Discount, Coupon> coupons = plan.coupons(discounts.lookup(tenant));
      List<EventDraft> drafts = new ArrayList<>(List.of(EventDraft.updated(Subscription.UPDATED,
          EventObject.OfSubscription.of(after, coupons), EventObject.OfSubscription.of(before, coupons))));
      invoiceItems.forEach(item -> drafts.add(EventDraft.of(InvoiceItem.CREATED, new EventObject.OfInvoiceItem(item))));
      try {
        store.changeItems(tenant, current, after, added, removed, invoiceItems, plan.redemption(), now,
            change.redeeming(drafts));
        discounts.redeemed(plan);
      } catch (Refused refused) {
        if (refused.reason() == Redemption.Part.HOLDER) {
          throw new ChangedMeanwhile();
        }
        throw discounts.explain(refused, plan, tenant, now);
      }
      return after;
    });
  }

  /** An item as a change leaves it: a new one made, or an existing one with its new price, quantity, discounts. */
  private static SubscriptionItem changed(SubscriptionItem existing, String id, SubscriptionDraft.ItemChange itemChange,
      Subscription subscription, DiscountService.Plan plan, Instant now) {
    SubscriptionItemDraft.Price price = itemChange.price();
    if (existing == null) {
      return new SubscriptionItem(id, now.getEpochSecond(), price.currency(), price.product(), price.unitAmount(),
          price.interval(), price.intervalCount(), itemChange.quantity() == null ? 1 : itemChange.quantity(),
          plan.discountsFor(DiscountService.Slot.item(id)), itemChange.metadata().applyTo(Map.of()));
    }
    SubscriptionItem after = existing.with(price == null ? existing.product() : price.product(),
        price == null ? existing.unitAmount() : price.unitAmount(),
        itemChange.quantity() == null ? existing.quantity() : itemChange.quantity(),
        itemChange.metadata().applyTo(existing.metadata()));
    return itemChange.discounts() == null ? after : after.withDiscounts(plan.discountsFor(DiscountService.Slot.item(id)));
  }

  /** An item's price must bill with the others: the subscription's currency and period. */
  private static void checkPrice(Subscription subscription, SubscriptionItemDraft.Price price, String param) {
    if (!price.currency().equals(subscription.currency())) {
      throw Errors.invalid(name(param, "price_data[currency]"), "The price's currency (" + price.currency()
          + ") must be the subscription's (" + subscription.currency() + ").");
    }
    if (!price.interval().equals(subscription.interval()) || price.intervalCount() != subscription.intervalCount()) {
      throw Errors.invalid(name(param, "price_data[recurring]"),
          "All prices on a subscription must have the same `recurring.interval` and `recurring.interval_count`.");
    }
  }

  /** A parameter's name inside {@code param} ({@code items[0]}), or alone when there is none. */
  private static String name(String param, String field) {
    return param.isEmpty() ? field : param + "[" + field.replaceFirst("\\[", "][");
  }

  private Placed placed(Tenant tenant, Subscription subscription, String id) {
    return new Placed(subscription, itemOf(subscription, id), discounts.lookup(tenant)::of);
  }

  /** The id of the subscription an item's pointer names (the edit reads it, and finds the item in it or 404s). */
  private String pointedTo(Tenant tenant, String item) {
    return store.subscriptionOf(tenant, item).orElseThrow(() -> Lookups.noSuch("subscription_item", item, "id", 404));
  }

  private SubscriptionStore.Stored subscriptionOf(Tenant tenant, String item) {
    return store.subscriptionOf(tenant, item).flatMap(id -> store.find(tenant, id))
        .filter(stored -> stored.subscription().items().stream().anyMatch(line -> line.id().equals(item)))
        .orElseThrow(() -> Lookups.noSuch("subscription_item", item, "id", 404));
  }

  private static SubscriptionItem itemOf(Subscription subscription, String id) {
    return subscription.items().stream().filter(item -> item.id().equals(id)).findFirst()
        .orElseThrow(() -> Lookups.noSuch("subscription_item", id, "id", 404));
  }
}
