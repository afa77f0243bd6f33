package dev.couponapi.service;

import dev.couponapi.api.Errors;
import dev.couponapi.api.Ids;
import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.Discount;
import dev.couponapi.domain.EventDraft;
import dev.couponapi.domain.EventObject;
import dev.couponapi.domain.InvoiceItem;
import dev.couponapi.domain.InvoiceItemDraft;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Subscription;
import dev.couponapi.domain.Tenant;
import dev.couponapi.store.CustomerStore;
import dev.couponapi.store.InvoiceItemStore;
import dev.couponapi.store.Redemption;
import dev.couponapi.store.Refused;
import dev.couponapi.store.SubscriptionStore;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Invoice items (docs/api.md §7.3): made pending for a customer (or one of its subscriptions), with
 * their own discounts redeemed in the same transaction (each discount's {@code invoice_item} set),
 * changed or deleted while pending, billed by the customer's next invoice of their currency.
 */
public final class InvoiceItemService {

  private final InvoiceItemStore store;
  private final CustomerStore customers;
  private final SubscriptionStore subscriptions;
  private final DiscountService discounts;
  private final Finder<InvoiceItemStore.Stored> finder;

  public InvoiceItemService(InvoiceItemStore store, CustomerStore customers, SubscriptionStore subscriptions,
      DiscountService discounts) {
    this.store = store;
    this.customers = customers;
    this.subscriptions = subscriptions;
    this.discounts = discounts;
    this.finder = new Finder<>("invoiceitem", store::find, InvoiceItemStore.Stored::listKey);
  }

  public InvoiceItem create(Change change, InvoiceItemDraft draft) {
    Tenant tenant = change.tenant();
    Instant now = change.now();
    customers.find(tenant, draft.customer()).filter(stored -> !stored.deleted())
        .orElseThrow(() -> CustomerService.noSuchCustomer(draft.customer(), "customer", 400));
    if (draft.subscription() != null) {
      checkSubscription(tenant, draft);
    }
    String id = "ii_" + Ids.random(24);
    long amount = Math.multiplyExact(draft.unitAmount(), draft.quantity());
    DiscountService.Target target = DiscountService.Target.invoice(draft.customer(), draft.currency(), amount);
    DiscountService.Plan plan = draft.discounts().isEmpty() ? DiscountService.Plan.NONE
        : discounts.plan(tenant, change.version(), draft.discounts().stream().map(request ->
            new DiscountService.Placed(request, DiscountService.Slot.HOLDER, target)).toList(), List.of(), now);
    List<Discount> own = plan.discountsFor(DiscountService.Slot.HOLDER).stream()
        .map(discount -> discount.of(null, id)).toList();
    InvoiceItem item = new InvoiceItem(id, draft.customer(), draft.currency(), draft.unitAmount(), draft.quantity(),
        draft.description(), draft.product(), draft.discountable(), own, draft.metadata(), draft.subscription(), null,
        now.getEpochSecond(), tenant.livemode());
    try {
      store.insert(tenant, item, now, plan.redemption(), change.creating(item,
          EventDraft.of(InvoiceItem.CREATED, new EventObject.OfInvoiceItem(item))));
      discounts.redeemed(plan);
    } catch (Refused refused) {
      if (refused.reason() == Redemption.Part.HOLDER) {
        throw CustomerService.noSuchCustomer(draft.customer(), "customer", 400);
      }
      throw discounts.explain(refused, plan, tenant, now);
    }
    return item;
  }

  /** An item for a subscription is billed by its invoices: the customer's, active, of the item's currency. */
  private void checkSubscription(Tenant tenant, InvoiceItemDraft draft) {
    Subscription subscription = subscriptions.find(tenant, draft.subscription())
        .map(SubscriptionStore.Stored::subscription)
        .orElseThrow(() -> Lookups.noSuch("subscription", draft.subscription(), "subscription", 400));
    if (!subscription.customer().equals(draft.customer())) {
      throw Errors.invalid("subscription", "The subscription " + subscription.id() + " belongs to another customer.");
    }
    if (!Subscription.ACTIVE.equals(subscription.status())) {
      throw Errors.invalid("subscription", "A canceled subscription has no next invoice.").asOutcome();
    }
    if (!subscription.currency().equals(draft.currency())) {
      throw Errors.invalid("currency", "The invoice item's currency (" + draft.currency()
          + ") must be the subscription's (" + subscription.currency() + ").");
    }
  }

  public InvoiceItem retrieve(Tenant tenant, String id) {
    return finder.find(tenant, id).item();
  }

  /** Changes a pending item; a billed one is refused (it is part of an invoice). */
  public InvoiceItem update(Change change, String id, InvoiceItemDraft.Changes changes) {
    if (change.alreadyWritten()) {
      return retrieve(change.tenant(), id);
    }
    return ReadThenWrite.untilUnchanged(() -> {
      InvoiceItemStore.Stored current = pendingOnly(change.tenant(), id);
      InvoiceItem after = changes.applyTo(current.item());
      if (after.equals(current.item())) {
        return after;
      }
      store.update(change.tenant(), current, after, change.recording(List.of()));
      return after;
    });
  }

  /** Deletes a pending item, with its {@code invoiceitem.deleted}. */
  public void delete(Change change, String id) {
    ReadThenWrite.untilUnchanged(() -> {
      InvoiceItemStore.Stored current = pendingOnly(change.tenant(), id);
      store.delete(change.tenant(), current, change.recording(EventDraft.of(InvoiceItem.DELETED,
          new EventObject.OfInvoiceItem(current.item()))));
      return null;
    });
  }

  private InvoiceItemStore.Stored pendingOnly(Tenant tenant, String id) {
    InvoiceItemStore.Stored current = finder.find(tenant, id);
    if (!current.item().pending()) {
      throw Errors.invalid(null, "The invoice item " + id + " is on invoice " + current.item().invoice()
          + " and can no longer be changed or deleted.").asOutcome();
    }
    return current;
  }

  public Page<InvoiceItem> list(Tenant tenant, String customer, Boolean pending, ListRequest request) {
    Finder.Cursors cursors = finder.cursors(tenant, request);
    Page<InvoiceItemStore.Stored> page = store.page(tenant, customer, pending, request, cursors.after(),
        cursors.before());
    return new Page<>(page.items().stream().map(InvoiceItemStore.Stored::item).toList(), page.hasMore());
  }

  /** How an item's discounts name their coupons. */
  public Function<Discount, Coupon> coupons(Tenant tenant) {
    return discounts.lookup(tenant)::of;
  }
}
