package dev.couponapi.service;

import dev.couponapi.domain.BillingPeriod;
import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.Invoice;
import dev.couponapi.domain.InvoiceItem;
import dev.couponapi.domain.InvoiceItemDraft;
import dev.couponapi.domain.InvoicePricing;
import dev.couponapi.domain.EventDraft;
import dev.couponapi.domain.EventObject;
import dev.couponapi.store.ChangedMeanwhile;

import dev.couponapi.domain.Customer;
import dev.couponapi.domain.Discount;
import dev.couponapi.domain.DiscountRequest;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Subscription;
import dev.couponapi.domain.SubscriptionDraft;
import dev.couponapi.domain.SubscriptionItem;
import dev.couponapi.domain.Tenant;
import dev.couponapi.store.CustomerStore;
import dev.couponapi.store.Redemption;
import dev.couponapi.store.Refused;
import dev.couponapi.store.SubscriptionStore;
import dev.couponapi.api.Errors;
import dev.couponapi.api.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Subscriptions (docs/api.md §5.2) and their discounts, subscription- and item-level (docs/api.md §4.3, §4.6). */
public final class SubscriptionService {

  private final SubscriptionStore store;
  private final CustomerStore customers;
  private final DiscountService discounts;
  private final InvoiceService invoices;
  private final SubscriptionItemService items;
  private final ClockTime clocks;
  private final Finder<SubscriptionStore.Stored> finder;

  public SubscriptionService(SubscriptionStore store, CustomerStore customers, DiscountService discounts,
      InvoiceService invoices, SubscriptionItemService items, ClockTime clocks) {
    this.clocks = clocks;
    this.invoices = invoices;
    this.items = items;
    this.store = store;
    this.customers = customers;
    this.discounts = discounts;
    this.finder = new Finder<>("subscription", store::find, SubscriptionStore.Stored::listKey);
  }

  /**
   * Creates an active subscription with the invoice of its first period (docs/api.md §7.2),
   * redeeming its discounts, in one transaction. A {@code once} discount is used by that invoice and
   * leaves the subscription (or its customer) in the same transaction.
   */
  public HolderView<Subscription> create(Change change, SubscriptionDraft draft) {
    for (int attempt = 0; ; attempt++) {
      CustomerStore.Stored customer = customers.find(change.tenant(), draft.customer())
          .filter(stored -> !stored.deleted())
          .orElseThrow(() -> CustomerService.noSuchCustomer(draft.customer(), "customer", 400));
      try {
        return create(change, draft, customer);
      } catch (ChangedMeanwhile changed) {
        // the customer changed between the read and the write (another invoice took its number): again
        if (attempt >= 4) {
          throw Errors.lockTimeout();
        }
      }
    }
  }

  private HolderView<Subscription> create(Change change, SubscriptionDraft draft, CustomerStore.Stored stored) {
    Tenant tenant = change.tenant();
    Customer customer = stored.customer();
    // a customer on a test clock lives at the clock's time: its subscription starts then (docs/api.md §7.5)
    Instant now = clocks.timeOf(tenant, customer, change.now());
    String id = "sub_" + Ids.random(24);
    String currency = draft.items().get(0).currency();
    List<SubscriptionItem> items = new ArrayList<>();
    List<DiscountService.Placed> requested = new ArrayList<>();
    List<DiscountRequest> own = draft.single() != null ? List.of(draft.single())
        : draft.discounts() == null ? List.of() : draft.discounts();
    long amount = 0;
    for (SubscriptionDraft.Item item : draft.items()) {
      amount = Math.addExact(amount, Math.multiplyExact(item.unitAmount(), item.quantity()));
    }
    for (DiscountRequest request : own) {
      requested.add(new DiscountService.Placed(request, DiscountService.Slot.HOLDER,
          DiscountService.Target.subscription(customer.id(), id, null, currency, amount, false)));
    }
    List<String> itemIds = new ArrayList<>();
    for (SubscriptionDraft.Item item : draft.items()) {
      String itemId = "si_" + Ids.random(14);
      itemIds.add(itemId);
      for (DiscountRequest request : item.discounts()) {
        requested.add(new DiscountService.Placed(request, DiscountService.Slot.item(itemId),
            DiscountService.Target.subscription(customer.id(), id, itemId, currency,
                Math.multiplyExact(item.unitAmount(), item.quantity()), false)));
      }
    }
    List<String> invoiceItemIds = new ArrayList<>();
    for (int i = 0; i < draft.addInvoiceItems().size(); i++) {
      InvoiceItemDraft added = draft.addInvoiceItems().get(i);
      if (!added.currency().equals(currency)) {
        throw Errors.invalid("add_invoice_items[" + i + "][price_data][currency]", "The invoice item's currency ("
            + added.currency() + ") must be the subscription's (" + currency + ").");
      }
      String itemId = "ii_" + Ids.random(24);
      invoiceItemIds.add(itemId);
      long itemAmount = Math.multiplyExact(added.unitAmount(), added.quantity());
      added.discounts().forEach(request -> requested.add(new DiscountService.Placed(request,
          DiscountService.Slot.invoiceItem(itemId), DiscountService.Target.invoice(customer.id(), currency, itemAmount))));
    }
    List<Discount> reusable = customer.discountAt(now) == null ? List.of() : List.of(customer.discount());
    DiscountService.Plan plan = discounts.plan(tenant, change.version(), requested, reusable, now);
    List<Discount> subscriptionLevel = plan.discountsFor(DiscountService.Slot.HOLDER);
    for (int i = 0; i < draft.items().size(); i++) {
      SubscriptionDraft.Item item = draft.items().get(i);
      items.add(new SubscriptionItem(itemIds.get(i), now.getEpochSecond(), item.currency(), item.product(),
          item.unitAmount(), item.interval(), item.intervalCount(), item.quantity(),
          plan.discountsFor(DiscountService.Slot.item(itemIds.get(i)))));
    }
    SubscriptionDraft.Item first = draft.items().get(0);
    BillingPeriod period = BillingPeriod.first(now.getEpochSecond(), first.interval(), first.intervalCount());
    Subscription created = new Subscription(id, customer.id(), now.getEpochSecond(), now.getEpochSecond(), currency,
        Subscription.ACTIVE, null, draft.metadata(), items, subscriptionLevel, tenant.livemode(), period, null,
        customer.testClock());
    Function<Discount, Coupon> coupons = plan.coupons(discounts.lookup(tenant));
    // add_invoice_items[] are billed by the first invoice, after the customer's pending items
    List<InvoiceItem> billed = new ArrayList<>(invoices.pendingFor(tenant, customer, null, currency));
    for (int i = 0; i < draft.addInvoiceItems().size(); i++) {
      InvoiceItemDraft added = draft.addInvoiceItems().get(i);
      String itemId = invoiceItemIds.get(i);
      billed.add(new InvoiceItem(itemId, customer.id(), currency, added.unitAmount(), added.quantity(), null,
          added.product(), true, plan.discountsFor(DiscountService.Slot.invoiceItem(itemId)).stream()
              .map(discount -> discount.of(null, itemId)).toList(), Map.of(), id, null, now.getEpochSecond(),
          tenant.livemode()));
    }
    InvoicePricing.Made made = InvoicePricing.make(InvoicePricing.Request.of(created, customer, billed, period),
        InvoiceService.newId(),
        customer.nextInvoiceNumber(), now.getEpochSecond(), "subscription_create", Invoice.PAID_STATUS, coupons);
    Subscription subscription = made.leave(created, period, now.getEpochSecond());
    HolderView<Subscription> view = new HolderView<>(subscription, coupons);
    List<EventDraft> drafts = new ArrayList<>(List.of(EventDraft.of(Subscription.CREATED,
        EventObject.OfSubscription.of(subscription, coupons))));
    created.allDiscounts().forEach(discount -> drafts.add(EventDraft.of(Discount.CREATED,
        new EventObject.OfDiscount(discount, coupons.apply(discount)))));
    made.billed().stream().filter(item -> invoiceItemIds.contains(item.id())).forEach(item -> drafts.add(
        EventDraft.of(InvoiceItem.CREATED, new EventObject.OfInvoiceItem(item))));
    drafts.addAll(InvoiceService.invoiceEvents(made.invoice()));
    drafts.addAll(InvoiceService.ended(created, subscription, customer, made, coupons));
    try {
      store.insert(tenant, subscription, made, invoiceItemIds, stored, now, plan.redemption(),
          change.creating(view, drafts));
      discounts.redeemed(plan);
    } catch (Refused refused) {
      if (refused.reason() == Redemption.Part.HOLDER) {
        if (customers.find(tenant, customer.id()).filter(again -> !again.deleted()).isPresent()) {
          throw new ChangedMeanwhile();
        }
        throw CustomerService.noSuchCustomer(draft.customer(), "customer", 400);
      }
      throw discounts.explain(refused, plan, tenant, now);
    }
    return view;
  }

  public Subscription retrieve(Tenant tenant, String id) {
    return find(tenant, id).subscription();
  }

  /**
   * Metadata alone is one update. New discounts replace the subscription-level ones ({@code discount=}
   * elements keep existing ones); {@code discounts=} removes them; the old single coupon replaces them.
   */
  public Subscription update(Change change, String id, SubscriptionDraft.Changes changes) {
    Tenant tenant = change.tenant();
    Instant now = change.now();
    if (change.alreadyWritten()) {
      // an earlier request with the same idempotency key made this write; its answer was lost
      return find(tenant, id).subscription();
    }
    if (changes.changesItems()) {
      return items.update(change, id, changes);
    }
    Long anchor = changes.resetBillingCycleAnchor() ? now.getEpochSecond() : null;
    if (!changes.changesDiscounts()) {
      if (changes.metadata().isEmpty() && anchor == null) {
        return retrieve(tenant, id);
      }
      return ReadThenWrite.untilUnchanged(() -> {
        SubscriptionStore.Stored current = find(tenant, id);
        Subscription before = current.subscription();
        if (anchor != null && !Subscription.ACTIVE.equals(before.status())) {
          throw Errors.invalid(null, "A canceled subscription can no longer be updated.").asOutcome();
        }
        Subscription after = before.with(before.discounts(), changes.metadata().applyTo(before.metadata()),
            anchor == null ? before.billingCycleAnchor() : anchor);
        if (after.equals(before)) {
          return before;
        }
        Function<Discount, Coupon> coupons = discounts.lookup(tenant)::of;
        store.updateFields(tenant, current, changes.metadata(), anchor, change.recording(updated(before, after,
            coupons)));
        return after;
      });
    }
    SubscriptionStore.Stored current = find(tenant, id);
    Subscription subscription = current.subscription();
    if (!Subscription.ACTIVE.equals(subscription.status())) {
      throw Errors.invalid(null, "A canceled subscription can no longer be updated.").asOutcome();
    }
    List<DiscountRequest> requests = changes.removeDiscounts() ? List.of()
        : changes.single() != null ? List.of(changes.single()) : changes.discounts();
    List<DiscountService.Placed> placed = requests.stream().map(request -> new DiscountService.Placed(request,
        DiscountService.Slot.HOLDER, DiscountService.Target.subscription(subscription.customer(), id, null, subscription.currency(),
            subscription.amount(), true))).toList();
    List<Discount> reusable = new ArrayList<>(subscription.discountsAt(now));
    customers.find(tenant, subscription.customer()).map(stored -> stored.customer().discountAt(now))
        .ifPresent(reusable::add);
    DiscountService.Plan plan = requests.isEmpty() ? DiscountService.Plan.NONE
        : discounts.plan(tenant, change.version(), placed, reusable, now);
    Subscription after = subscription.with(plan.discountsFor(DiscountService.Slot.HOLDER), changes.metadata().applyTo(subscription.metadata()),
        anchor == null ? subscription.billingCycleAnchor() : anchor);
    Function<Discount, Coupon> coupons = plan.coupons(discounts.lookup(tenant));
    List<EventDraft> drafts = new ArrayList<>(List.of(updated(subscription, after, coupons)));
    List<String> kept = subscription.discounts().stream().map(Discount::id).toList();
    List<String> given = after.discounts().stream().map(Discount::id).toList();
    after.discounts().stream().filter(discount -> !kept.contains(discount.id())).forEach(discount -> drafts.add(
        EventDraft.of(Discount.CREATED, new EventObject.OfDiscount(discount,
            coupons.apply(discount)))));
    subscription.discountsAt(now).stream().filter(discount -> !given.contains(discount.id())).forEach(discount ->
        drafts.add(EventDraft.of(Discount.DELETED, new EventObject.OfDiscount(discount,
            coupons.apply(discount)))));
    try {
      store.replace(tenant, current, after.discounts(), after.metadata(), after.billingCycleAnchor(),
          plan.redemption(), now, change.redeeming(drafts));
      discounts.redeemed(plan);
    } catch (Refused refused) {
      if (refused.reason() == Redemption.Part.HOLDER) {
        throw Errors.lockTimeout();
      }
      throw discounts.explain(refused, plan, tenant, now);
    }
    return find(tenant, id).subscription();
  }

  /** Cancels an active subscription (DELETE), with its {@code customer.subscription.deleted}; its discounts stay for display. */
  public Subscription cancel(Change change, String id) {
    return ReadThenWrite.untilUnchanged(() -> {
      SubscriptionStore.Stored current = find(change.tenant(), id);
      if (!Subscription.ACTIVE.equals(current.subscription().status())) {
        throw Errors.invalid(null, "This subscription is already canceled.").asOutcome();
      }
      return cancel(change, current);
    });
  }

  /**
   * Cancels the subscription read at {@code current} with its {@code customer.subscription.deleted},
   * on the condition that it is unchanged since (else a {@link ChangedMeanwhile}); the canceled one.
   */
  Subscription cancel(Change change, SubscriptionStore.Stored current) {
    Subscription canceled = current.subscription().canceled(change.now().getEpochSecond());
    store.cancel(change.tenant(), current, change.now(), change.recording(EventDraft.of(
        Subscription.DELETED, EventObject.OfSubscription.of(canceled,
            discounts.lookup(change.tenant())::of))));
    return canceled;
  }

  /**
   * Removes every subscription-level discount and returns the oldest (docs/api.md §4.6, DECISION),
   * with a {@code customer.discount.deleted} for each in effect and the {@code customer.subscription.updated}.
   */
  public Discount deleteDiscount(Change change, String id) {
    Tenant tenant = change.tenant();
    Instant now = change.now();
    return ReadThenWrite.untilUnchanged(() -> {
      SubscriptionStore.Stored current = find(tenant, id);
      Subscription before = current.subscription();
      List<Discount> inEffect = before.discountsAt(now);
      if (inEffect.isEmpty()) {
        throw Errors.noActiveDiscount("subscription", id);
      }
      Subscription after = before.with(List.of(), before.metadata(), before.billingCycleAnchor());
      Function<Discount, Coupon> coupons = discounts.lookup(tenant)::of;
      List<EventDraft> drafts = new ArrayList<>();
      inEffect.forEach(discount -> drafts.add(EventDraft.of(Discount.DELETED,
          new EventObject.OfDiscount(discount, coupons.apply(discount)))));
      drafts.add(updated(before, after, coupons));
      store.removeDiscounts(tenant, current, change.recording(drafts));
      return inEffect.get(0);
    });
  }

  private static EventDraft updated(Subscription before, Subscription after, Function<Discount, Coupon> coupons) {
    return EventDraft.updated(Subscription.UPDATED, EventObject.OfSubscription.of(after, coupons),
        EventObject.OfSubscription.of(before, coupons));
  }

  /** A page; without {@code status} only active subscriptions, as Stripe lists them; {@code all}: every one. */
  public Page<Subscription> list(Tenant tenant, String customer, String status, ListRequest request) {
    String filter = status == null ? Subscription.ACTIVE : "all".equals(status) ? null : status;
    Finder.Cursors cursors = finder.cursors(tenant, request);
    Page<SubscriptionStore.Stored> page = store.page(tenant, customer, filter, request, cursors.after(),
        cursors.before());
    return new Page<>(page.items().stream().map(SubscriptionStore.Stored::subscription).toList(), page.hasMore());
  }

  private SubscriptionStore.Stored find(Tenant tenant, String id) {
    return finder.find(tenant, id);
  }
}
