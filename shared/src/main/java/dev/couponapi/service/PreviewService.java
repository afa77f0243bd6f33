package dev.couponapi.service;

import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.Customer;
import dev.couponapi.domain.Discount;
import dev.couponapi.domain.InvoiceMath;
import dev.couponapi.domain.Preview;
import dev.couponapi.domain.PreviewRequest;
import dev.couponapi.domain.Subscription;
import dev.couponapi.domain.SubscriptionDraft;
import dev.couponapi.domain.SubscriptionItem;
import dev.couponapi.domain.Tenant;
import dev.couponapi.store.CustomerStore;
import dev.couponapi.store.SubscriptionStore;
import dev.couponapi.api.ApiVersion;
import dev.couponapi.api.Errors;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Invoice previews (docs/api.md §6): which discounts apply to which lines, and what they take off. A
 * preview checks coupons and codes as a redemption would, but never redeems, counts or writes.
 */
public final class PreviewService {

  private final CustomerStore customers;
  private final SubscriptionStore subscriptions;
  private final DiscountService discounts;

  public PreviewService(CustomerStore customers, SubscriptionStore subscriptions, DiscountService discounts) {
    this.customers = customers;
    this.subscriptions = subscriptions;
    this.discounts = discounts;
  }

  /**
   * The invoice a request previews, in five steps: whose it is; its lines (the subscription's
   * items, new items, one-off items); the one-off items' own discounts; the invoice's discounts
   * (asked for, or inherited); and the amounts ({@link InvoiceMath}).
   */
  public Preview preview(Tenant tenant, ApiVersion version, Instant now, PreviewRequest request) {
    Subscription subscription = request.subscription() == null ? null : subscription(tenant, request);
    Customer customer = customer(tenant, request, subscription);
    if (subscription == null && request.newSubscriptionItems().isEmpty() && request.invoiceItems().isEmpty()) {
      throw Errors.noUpcomingInvoice(customer.id());
    }
    String currency = currency(request, subscription, customer);
    List<Discount> reusable = reusable(customer, subscription, now);
    // a subscription's upcoming invoice is its next renewal's: priced at the start of its next period
    boolean nextRenewal = subscription != null && request.billingCycleAnchor() == null
        && subscription.period() != null;
    Instant at = nextRenewal ? Instant.ofEpochSecond(subscription.period().end()) : now;
    List<Preview.PreviewLine> lines = new ArrayList<>(recurringLines(subscription, request, at));
    DiscountService.Target target = DiscountService.Target.invoice(customer.id(), currency, gross(lines, request));

    DiscountService.Plan itemPlan = discounts.plan(tenant, version, itemDiscountRequests(request, currency, target),
        reusable, now);
    List<PreviewRequest.InvoiceItem> invoiceItems = request.invoiceItems();
    for (int j = 0; j < invoiceItems.size(); j++) {
      PreviewRequest.InvoiceItem item = invoiceItems.get(j);
      lines.add(new Preview.PreviewLine(item.description(), item.amount(), item.unitAmount(), item.quantity(),
          item.product(), item.discountable(), null, itemPlan.discountsFor(DiscountService.Slot.line(j))));
    }

    CouponLookup lookup = discounts.lookup(tenant);
    DiscountService.Plan invoicePlan = request.discounts() == null || request.noDiscounts() ? DiscountService.Plan.NONE
        : discounts.plan(tenant, version, request.discounts().stream().map(discount -> new DiscountService.Placed(
            discount, DiscountService.Slot.HOLDER, target)).toList(), reusable, now);
    List<Discount> invoiceDiscounts = request.noDiscounts() ? List.of()
        : request.discounts() != null ? invoicePlan.discountsFor(DiscountService.Slot.HOLDER)
        : inherited(subscription, customer, at, lookup, currency);

    Function<Discount, Coupon> coupons = coupons(lookup, itemPlan, invoicePlan);
    InvoiceMath.Result result = InvoiceMath.apply(currency, lines.stream().map(line -> mathLine(line, coupons,
        currency)).toList(), invoiceDiscounts.stream().map(discount -> new InvoiceMath.Applied(discount.id(),
        coupons.apply(discount))).toList());
    String interval = lines.stream().map(Preview.PreviewLine::interval).filter(java.util.Objects::nonNull)
        .reduce((first, last) -> last).orElse(null);
    Instant periodStart = request.billingCycleAnchor() == null ? at : Instant.ofEpochSecond(request.billingCycleAnchor());
    long periodEnd = nextRenewal ? subscription.nextPeriod().end()
        : interval == null ? periodStart.getEpochSecond() : periodEnd(periodStart, interval);
    return new Preview(customer.id(), subscription == null ? null : subscription.id(), currency, now.getEpochSecond(),
        periodStart.getEpochSecond(), periodEnd, lines, invoiceDiscounts, result, coupons, tenant.livemode());
  }

  /** The customer the invoice is for: the subscription's, or the one named (who must be the same). */
  private Customer customer(Tenant tenant, PreviewRequest request, Subscription subscription) {
    String customerId = subscription != null ? subscription.customer() : request.customer();
    if (customerId == null) {
      throw Errors.missing("customer");
    }
    if (request.customer() != null && subscription != null && !request.customer().equals(subscription.customer())) {
      throw Errors.invalid("customer", "The subscription " + subscription.id() + " belongs to another customer.");
    }
    return customers.find(tenant, customerId).filter(stored -> !stored.deleted())
        .map(CustomerStore.Stored::customer)
        .orElseThrow(() -> Lookups.noSuch("customer", customerId, "customer", 400));
  }

  /** The discounts a {@code discounts[][discount]} element may keep: the customer's and the subscription's. */
  private static List<Discount> reusable(Customer customer, Subscription subscription, Instant now) {
    List<Discount> reusable = new ArrayList<>();
    if (customer.discountAt(now) != null) {
      reusable.add(customer.discount());
    }
    if (subscription != null) {
      reusable.addAll(subscription.discountsAt(now));
    }
    return reusable;
  }

  /** The subscription's items (with their discounts in effect), then the new items a preview adds. */
  private static List<Preview.PreviewLine> recurringLines(Subscription subscription, PreviewRequest request,
      Instant now) {
    List<Preview.PreviewLine> lines = new ArrayList<>();
    if (subscription != null) {
      for (SubscriptionItem item : subscription.items()) {
        lines.add(new Preview.PreviewLine(item.quantity() + " × " + item.product(), item.amount(), item.unitAmount(),
            item.quantity(), item.product(), true, item.interval(), item.discounts().stream()
                .filter(discount -> discount.inEffect(now)).toList()));
      }
    }
    for (SubscriptionDraft.Item item : request.newSubscriptionItems()) {
      lines.add(new Preview.PreviewLine(item.quantity() + " × " + item.product(),
          Math.multiplyExact(item.unitAmount(), item.quantity()), item.unitAmount(), item.quantity(), item.product(),
          true, item.interval(), List.of()));
    }
    return lines;
  }

  /** What the invoice bills before discounts: what a promotion code's minimum compares with. */
  private static long gross(List<Preview.PreviewLine> recurring, PreviewRequest request) {
    long gross = recurring.stream().mapToLong(Preview.PreviewLine::amount).sum();
    for (PreviewRequest.InvoiceItem item : request.invoiceItems()) {
      gross = Math.addExact(gross, item.amount());
    }
    return gross;
  }

  /** The one-off items' own discounts, each in its line's slot, checked as a redemption would check them. */
  private static List<DiscountService.Placed> itemDiscountRequests(PreviewRequest request, String currency,
      DiscountService.Target target) {
    List<DiscountService.Placed> placed = new ArrayList<>();
    List<PreviewRequest.InvoiceItem> items = request.invoiceItems();
    for (int j = 0; j < items.size(); j++) {
      if (!items.get(j).currency().equals(currency)) {
        throw Errors.invalid("invoice_items", "Every invoice item must be in the invoice currency (" + currency + ").");
      }
      DiscountService.Slot slot = DiscountService.Slot.line(j);
      items.get(j).discounts().forEach(discount -> placed.add(new DiscountService.Placed(discount, slot, target)));
    }
    return placed;
  }

  /**
   * Without {@code discounts}, the invoice has the subscription's discounts, else the customer's; an
   * amount-off coupon without an amount in this currency is skipped (docs/api.md §6.3).
   */
  private static List<Discount> inherited(Subscription subscription, Customer customer, Instant now,
      CouponLookup lookup, String currency) {
    List<Discount> inherited = subscription != null && !subscription.discountsAt(now).isEmpty()
        ? subscription.discountsAt(now)
        : customer.discountAt(now) == null ? List.of() : List.of(customer.discount());
    return inherited.stream().filter(discount -> InvoiceMath.appliesIn(lookup.of(discount), currency)).toList();
  }

  /** A line as the arithmetic sees it: its own discounts that apply in the currency. */
  private static InvoiceMath.Line mathLine(Preview.PreviewLine line, Function<Discount, Coupon> coupons,
      String currency) {
    return new InvoiceMath.Line(line.amount(), line.product(), line.discountable(), line.discounts().stream()
        .filter(discount -> InvoiceMath.appliesIn(coupons.apply(discount), currency))
        .map(discount -> new InvoiceMath.Applied(discount.id(), coupons.apply(discount))).toList());
  }

  private Subscription subscription(Tenant tenant, PreviewRequest request) {
    if (!request.newSubscriptionItems().isEmpty()) {
      throw Errors.exclusive("subscription", "subscription_details");
    }
    Subscription subscription = subscriptions.find(tenant, request.subscription())
        .map(SubscriptionStore.Stored::subscription)
        .orElseThrow(() -> Lookups.noSuch("subscription", request.subscription(), "subscription", 400));
    if (!Subscription.ACTIVE.equals(subscription.status())) {
      throw Errors.invalid("subscription", "A canceled subscription has no upcoming invoice.").asOutcome();
    }
    return subscription;
  }

  private static String currency(PreviewRequest request, Subscription subscription, Customer customer) {
    if (request.currency() != null) {
      return request.currency();
    }
    if (subscription != null) {
      return subscription.currency();
    }
    if (!request.newSubscriptionItems().isEmpty()) {
      return request.newSubscriptionItems().get(0).currency();
    }
    if (!request.invoiceItems().isEmpty()) {
      return request.invoiceItems().get(0).currency();
    }
    if (customer.currency() != null) {
      return customer.currency();
    }
    throw Errors.missing("currency");
  }

  /** Coupons as the plans read them (request discounts), else as stored (inherited discounts). */
  private static Function<Discount, Coupon> coupons(CouponLookup lookup, DiscountService.Plan... plans) {
    return discount -> {
      for (DiscountService.Plan plan : plans) {
        Map<String, Coupon> read = plan.redeemed();
        if (read.containsKey(discount.couponRev())) {
          return read.get(discount.couponRev());
        }
      }
      return lookup.of(discount);
    };
  }

  private static long periodEnd(Instant start, String interval) {
    var at = start.atOffset(ZoneOffset.UTC);
    return switch (interval) {
      case "day" -> at.plusDays(1).toEpochSecond();
      case "week" -> at.plusWeeks(1).toEpochSecond();
      case "year" -> at.plusYears(1).toEpochSecond();
      default -> at.plusMonths(1).toEpochSecond();
    };
  }
}
