package dev.couponapi.service;

import dev.couponapi.api.Ids;
import dev.couponapi.domain.BillingPeriod;
import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.Customer;
import dev.couponapi.domain.Discount;
import dev.couponapi.domain.EventDraft;
import dev.couponapi.domain.EventObject;
import dev.couponapi.domain.Invoice;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Subscription;
import dev.couponapi.domain.InvoiceItem;
import dev.couponapi.domain.InvoicePricing;
import dev.couponapi.domain.Tenant;
import dev.couponapi.store.CustomerStore;
import dev.couponapi.store.InvoiceItemStore;
import dev.couponapi.store.InvoiceStore;
import dev.couponapi.store.SubscriptionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Invoices (docs/api.md §7.2) and the renewals that make them (§7.1). A renewal is one transaction
 * (the period moved, the invoice, the discounts it used, the customer's invoice number, the events)
 * guarded by the versions it read, so two runners or a crash half way never bill a period twice or
 * skip one: a runner that loses re-reads and finds the period already moved on.
 */
public final class InvoiceService {

  /** Renewals of one subscription a single call makes at most (a subscription far behind goes on at the next). */
  static final int MAX_RENEWALS_A_CALL = 400;
  /** Pending invoice items one invoice bills at most (the rest wait for the next: a transaction holds 100 writes). */
  static final int MAX_ITEMS_AN_INVOICE = 50;
  /** Lost races with another runner before a call gives up (the next sweep goes on). */
  private static final int MAX_LOST = 5;

  private final InvoiceStore invoices;
  private final InvoiceItemStore items;
  private final SubscriptionStore subscriptions;
  private final CustomerStore customers;
  private final DiscountService discounts;
  private final Finder<InvoiceStore.Stored> finder;

  public InvoiceService(InvoiceStore invoices, InvoiceItemStore items, SubscriptionStore subscriptions,
      CustomerStore customers, DiscountService discounts) {
    this.invoices = invoices;
    this.items = items;
    this.subscriptions = subscriptions;
    this.customers = customers;
    this.discounts = discounts;
    this.finder = new Finder<>("invoice", invoices::find, InvoiceStore.Stored::listKey);
  }

  public Invoice retrieve(Tenant tenant, String id) {
    return finder.find(tenant, id).invoice();
  }

  /** A page, newest first, of a subscription's, a customer's or every invoice, of one status or any. */
  public Page<Invoice> list(Tenant tenant, String customer, String subscription, String status, ListRequest request) {
    Finder.Cursors cursors = finder.cursors(tenant, request);
    Page<InvoiceStore.Stored> page = invoices.page(tenant, customer, subscription, status, request, cursors.after(),
        cursors.before());
    return new Page<>(page.items().stream().map(InvoiceStore.Stored::invoice).toList(), page.hasMore());
  }

  /** A one-off invoice asked for (docs/api.md §7.2): whose, in which currency, its discounts and details. */
  public record OneOff(String customer, String currency, List<dev.couponapi.domain.DiscountRequest> discounts,
      boolean includePending, Invoice.Details details) {}

  /**
   * A one-off invoice, a draft: the customer's pending items of its currency when asked
   * ({@code pending_invoice_items_behavior=include}), its own discounts redeemed now (each
   * discount's {@code invoice} set), else the customer's; one transaction with its items and counters.
   */
  public Invoice create(Change change, OneOff request) {
    Tenant tenant = change.tenant();
    Instant now = change.now();
    for (int attempt = 0; ; attempt++) {
      CustomerStore.Stored customer = customers.find(tenant, request.customer()).filter(stored -> !stored.deleted())
          .orElseThrow(() -> Lookups.noSuch("customer", request.customer(), "customer", 400));
      try {
        return createOnce(change, request, customer, now);
      } catch (dev.couponapi.store.ChangedMeanwhile changed) {
        if (attempt >= 4) {
          throw dev.couponapi.api.Errors.lockTimeout();
        }
      }
    }
  }

  private Invoice createOnce(Change change, OneOff request, CustomerStore.Stored stored, Instant now) {
    Tenant tenant = change.tenant();
    Customer customer = stored.customer();
    List<InvoiceItem> pending = !request.includePending() || customer.pendingInvoiceItems() <= 0 ? List.of()
        : items.pending(tenant, customer.id(), MAX_ITEMS_AN_INVOICE * 2);
    String currency = request.currency() != null ? request.currency()
        : customer.currency() != null ? customer.currency()
        : request.includePending() && !pending.isEmpty() ? pending.get(0).currency() : "usd";
    List<InvoiceItem> billed = !request.includePending() ? List.of()
        : pending.stream().filter(item -> item.billedBy(null, currency)).limit(MAX_ITEMS_AN_INVOICE).toList();
    String id = newId();
    long gross = billed.stream().mapToLong(InvoiceItem::amount).sum();
    DiscountService.Target target = DiscountService.Target.invoice(customer.id(), currency, gross);
    DiscountService.Plan plan = request.discounts() == null || request.discounts().isEmpty()
        ? DiscountService.Plan.NONE
        : discounts.plan(tenant, change.version(), request.discounts().stream().map(discount ->
            new DiscountService.Placed(discount, DiscountService.Slot.HOLDER, target)).toList(), List.of(), now);
    List<Discount> own = request.discounts() == null ? null : plan.discountsFor(DiscountService.Slot.HOLDER).stream()
        .map(discount -> discount.of(id, null)).toList();
    Function<Discount, Coupon> coupons = plan.coupons(discounts.lookup(tenant));
    long at = now.getEpochSecond();
    InvoicePricing.Made made = InvoicePricing.make(new InvoicePricing.Request(null, customer, currency, billed, own,
        new BillingPeriod(at, at, 0), request.details()), id, null, at, "manual", Invoice.DRAFT, coupons);
    List<EventDraft> drafts = new ArrayList<>(List.of(EventDraft.of(Invoice.CREATED,
        new EventObject.OfInvoice(made.invoice()))));
    if (made.usedCustomerDiscount()) {
      drafts.add(EventDraft.of(Discount.DELETED, new EventObject.OfDiscount(customer.discount(),
          coupons.apply(customer.discount()))));
    }
    try {
      invoices.insert(tenant, made, stored, now, plan.redemption(), change.creating(made.invoice(), drafts));
      discounts.redeemed(plan);
    } catch (dev.couponapi.store.Refused refused) {
      if (refused.reason() == dev.couponapi.store.Redemption.Part.HOLDER) {
        throw new dev.couponapi.store.ChangedMeanwhile();
      }
      throw discounts.explain(refused, plan, tenant, now);
    }
    return made.invoice();
  }

  /** A draft's description and metadata; a finalized invoice is no longer editable. */
  public Invoice update(Change change, String id, String description, boolean clearDescription,
      dev.couponapi.domain.MetadataChange metadata) {
    return ReadThenWrite.untilUnchanged(() -> {
      InvoiceStore.Stored current = finder.find(change.tenant(), id);
      Invoice before = current.invoice();
      requireStatus(before, Invoice.DRAFT, "update");
      Invoice.Details details = before.details().with(clearDescription ? null
          : description != null ? description : before.details().description(),
          metadata.applyTo(before.details().metadata()));
      Invoice after = before.with(details);
      if (after.equals(before)) {
        return before;
      }
      invoices.move(change.tenant(), current, after, null, change.recording(EventDraft.updated(Invoice.UPDATED,
          new EventObject.OfInvoice(after), new EventObject.OfInvoice(before))));
      return after;
    });
  }

  /**
   * A draft finalized: {@code open}, numbered from its customer's sequence in the same
   * transaction; an invoice of nothing to pay is paid at once, as in Stripe.
   */
  public Invoice finalizeInvoice(Change change, String id) {
    return ReadThenWrite.untilUnchanged(() -> {
      InvoiceStore.Stored current = finder.find(change.tenant(), id);
      Invoice before = current.invoice();
      requireStatus(before, Invoice.DRAFT, "finalize");
      CustomerStore.Stored customer = customers.find(change.tenant(), before.customer())
          .filter(stored -> !stored.deleted())
          .orElseThrow(() -> dev.couponapi.api.Errors.invalid(null, "The customer of this invoice was deleted.")
              .asOutcome());
      long at = change.now().getEpochSecond();
      Invoice open = before.moved(Invoice.OPEN, customer.customer().nextInvoiceNumber(), at);
      Invoice after = before.total() == 0 ? open.moved(Invoice.PAID_STATUS, open.number(), at) : open;
      List<EventDraft> drafts = new ArrayList<>(List.of(EventDraft.of(Invoice.FINALIZED,
          new EventObject.OfInvoice(open))));
      if (after != open) {
        drafts.add(EventDraft.of(Invoice.PAID, new EventObject.OfInvoice(after)));
      }
      invoices.move(change.tenant(), current, after, customer, change.recording(drafts));
      return after;
    });
  }

  /**
   * An open invoice marked paid. DECISION: this API moves no money, so only {@code
   * paid_out_of_band=true} is taken (docs/api.md §7.2).
   */
  public Invoice pay(Change change, String id, boolean paidOutOfBand) {
    if (!paidOutOfBand) {
      throw dev.couponapi.api.Errors.invalid("paid_out_of_band", "This API processes no payments: pay an invoice "
          + "outside it and mark it paid with `paid_out_of_band=true`.");
    }
    return moveOpen(change, id, "pay", Invoice.PAID_STATUS, Invoice.PAID);
  }

  public Invoice voidInvoice(Change change, String id) {
    return moveOpen(change, id, "void", Invoice.VOID, Invoice.VOIDED);
  }

  public Invoice markUncollectible(Change change, String id) {
    return moveOpen(change, id, "mark uncollectible", Invoice.UNCOLLECTIBLE, Invoice.MARKED_UNCOLLECTIBLE);
  }

  private Invoice moveOpen(Change change, String id, String action, String status,
      dev.couponapi.domain.EventType event) {
    return ReadThenWrite.untilUnchanged(() -> {
      InvoiceStore.Stored current = finder.find(change.tenant(), id);
      Invoice before = current.invoice();
      if (!Invoice.OPEN.equals(before.status())
          && !(Invoice.UNCOLLECTIBLE.equals(before.status()) && !Invoice.UNCOLLECTIBLE.equals(status))) {
        requireStatus(before, Invoice.OPEN, action);
      }
      Invoice after = before.moved(status, before.number(), change.now().getEpochSecond());
      invoices.move(change.tenant(), current, after, null, change.recording(EventDraft.of(event,
          new EventObject.OfInvoice(after))));
      return after;
    });
  }

  /** A draft deleted; the items it billed are pending again (DECISION: nothing billed is lost). */
  public void delete(Change change, String id) {
    ReadThenWrite.untilUnchanged(() -> {
      InvoiceStore.Stored current = finder.find(change.tenant(), id);
      requireStatus(current.invoice(), Invoice.DRAFT, "delete");
      invoices.deleteDraft(change.tenant(), current, change.recording(EventDraft.of(Invoice.DELETED,
          new EventObject.OfInvoice(current.invoice()))));
      return null;
    });
  }

  private static void requireStatus(Invoice invoice, String status, String action) {
    if (!status.equals(invoice.status())) {
      throw dev.couponapi.api.Errors.invalid(null, "You can only " + action + " an invoice whose status is `"
          + status + "`; " + invoice.id() + " is `" + invoice.status() + "`.").asOutcome();
    }
  }

  /** How an invoice's discounts name their coupons. */
  public Function<Discount, Coupon> coupons(Tenant tenant) {
    return discounts.lookup(tenant)::of;
  }

  /** A new invoice id. */
  public static String newId() {
    return "in_" + Ids.random(24);
  }

  /**
   * Renews the subscription {@code id} through every period that ended by {@code change.now()},
   * each in its own transaction, in order; how many it renewed (0: nothing was due, or it is not active).
   */
  public int renewDue(Change change, String id) {
    return renewDue(change, id, MAX_RENEWALS_A_CALL);
  }

  /** The same, at most {@code most} renewals. */
  public int renewDue(Change change, String id, int most) {
    return renewDue(change, id, most, change.now());
  }

  /**
   * The same through every period that ended by {@code now}, another time than the change's (a
   * test clock's target), its events recorded at the change's.
   */
  public int renewDue(Change change, String id, int most, Instant now) {
    Tenant tenant = change.tenant();
    int renewed = 0;
    int lost = 0;
    while (renewed < Math.min(most, MAX_RENEWALS_A_CALL) && lost < MAX_LOST) {
      SubscriptionStore.Stored current = subscriptions.find(tenant, id).orElse(null);
      if (current == null || !current.subscription().isDueAt(now)) {
        return renewed;
      }
      Subscription before = current.subscription();
      CustomerStore.Stored customer = customers.find(tenant, before.customer()).filter(stored -> !stored.deleted())
          .orElse(null);
      if (customer == null) {
        return renewed;
      }
      Subscription after = renewOnce(change, current, customer, now);
      if (after == null) {
        lost++;
        continue;
      }
      renewed++;
      if (!after.isDueAt(now)) {
        // renewed into a period that has not ended: nothing more is due (no read to learn it)
        return renewed;
      }
    }
    return renewed;
  }

  /** One renewal: the subscription as it left it, or null when another runner changed it first. */
  private Subscription renewOnce(Change change, SubscriptionStore.Stored current, CustomerStore.Stored customer,
      Instant now) {
    Tenant tenant = change.tenant();
    Subscription before = current.subscription();
    BillingPeriod next = before.nextPeriod();
    Function<Discount, Coupon> coupons = discounts.lookup(tenant)::of;
    InvoicePricing.Made made = InvoicePricing.make(InvoicePricing.Request.of(before, customer.customer(),
            pendingFor(tenant, customer.customer(), before.id(), before.currency()), next),
        newId(), customer.customer().nextInvoiceNumber(), next.start(), "subscription_cycle", Invoice.PAID_STATUS,
        coupons);
    Subscription after = made.leave(before, next, now.getEpochSecond());
    List<EventDraft> drafts = new ArrayList<>(invoiceEvents(made.invoice()));
    drafts.add(EventDraft.updated(Subscription.UPDATED, EventObject.OfSubscription.of(after, coupons),
        EventObject.OfSubscription.of(before, coupons)));
    drafts.addAll(ended(before, after, customer.customer(), made, coupons));
    return subscriptions.renew(tenant, current, after, made, customer, change.now(), change.recording(drafts))
        ? after : null;
  }

  /**
   * The pending items a customer's next invoice of {@code subscription} (null: a one-off invoice) in
   * {@code currency} bills, oldest first, at most {@link #MAX_ITEMS_AN_INVOICE}; no read when the
   * customer counts none.
   */
  List<InvoiceItem> pendingFor(Tenant tenant, Customer customer, String subscription, String currency) {
    if (customer.pendingInvoiceItems() <= 0) {
      return List.of();
    }
    return items.pending(tenant, customer.id(), MAX_ITEMS_AN_INVOICE * 2).stream()
        .filter(item -> item.billedBy(subscription, currency)).limit(MAX_ITEMS_AN_INVOICE).toList();
  }

  /** An invoice's events as it is made: created, finalized, and paid (out of band: docs/api.md §7.2). */
  public static List<EventDraft> invoiceEvents(Invoice invoice) {
    EventObject.OfInvoice of = new EventObject.OfInvoice(invoice);
    return List.of(EventDraft.of(Invoice.CREATED, of), EventDraft.of(Invoice.FINALIZED, of),
        EventDraft.of(Invoice.PAID, of));
  }

  /** A {@code customer.discount.deleted} for each discount (its own or its items') the subscription lost. */
  public static List<EventDraft> discountsDeleted(Subscription before, Subscription after,
      Function<Discount, Coupon> coupons) {
    List<String> kept = after.allDiscounts().stream().map(Discount::id).toList();
    return before.allDiscounts().stream().filter(discount -> !kept.contains(discount.id()))
        .map(discount -> EventDraft.of(Discount.DELETED, new EventObject.OfDiscount(discount,
            coupons.apply(discount)))).toList();
  }

  /** A {@code customer.discount.deleted} for each discount the invoice used up or that ended by then. */
  public static List<EventDraft> ended(Subscription before, Subscription after, Customer customer,
      InvoicePricing.Made made, Function<Discount, Coupon> coupons) {
    List<EventDraft> drafts = new ArrayList<>(discountsDeleted(before, after, coupons));
    if (made.usedCustomerDiscount()) {
      drafts.add(EventDraft.of(Discount.DELETED, new EventObject.OfDiscount(customer.discount(),
          coupons.apply(customer.discount()))));
    }
    return drafts;
  }
}
