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

  public Preview preview(Tenant tenant, ApiVersion version, Instant now, PreviewRequest request) {
    Subscription subscription = request.subscription() == null ? null : subscription(tenant, request);
    String customerId = subscription != null ? subscription.customer() : request.customer();
    if (customerId == null) {
      throw Errors.missing("customer");
    }
    if (request.customer() != null && subscription != null && !request.customer().equals(subscription.customer())) {
      throw Errors.invalid("customer", "The subscription " + subscription.id() + " belongs to another customer.");
    }
    Customer customer = customers.find(tenant, customerId).filter(stored -> !stored.deleted())
        .map(CustomerStore.Stored::customer)
        .orElseThrow(() -> Lookups.noSuch("customer", customerId, "customer", 400));
    if (subscription == null && request.newSubscriptionItems().isEmpty() && request.invoiceItems().isEmpty()) {
      throw Errors.noUpcomingInvoice(customer.id());
    }
    String currency = currency(request, subscription, customer);
    CouponLookup lookup = discounts.lookup(tenant);

    List<Preview.PreviewLine> lines = new ArrayList<>();
    String interval = null;
    if (subscription != null) {
      for (SubscriptionItem item : subscription.items()) {
        interval = item.interval();
        lines.add(new Preview.PreviewLine(item.quantity() + " × " + item.product(), item.amount(), item.unitAmount(),
            item.quantity(), item.product(), true, item.interval(), item.discounts().stream()
                .filter(discount -> discount.inEffect(now)).toList()));
      }
    }
    for (SubscriptionDraft.Item item : request.newSubscriptionItems()) {
      interval = item.interval();
      lines.add(new Preview.PreviewLine(item.quantity() + " × " + item.product(),
          Math.multiplyExact(item.unitAmount(), item.quantity()), item.unitAmount(), item.quantity(), item.product(),
          true, item.interval(), List.of()));
    }
    long gross = lines.stream().mapToLong(Preview.PreviewLine::amount).sum();
    List<PreviewRequest.InvoiceItem> invoiceItems = request.invoiceItems();
    for (PreviewRequest.InvoiceItem item : invoiceItems) {
      gross = Math.addExact(gross, item.amount());
    }
    DiscountService.Target target = DiscountService.Target.invoice(customer.id(), currency, gross);
    List<Discount> reusable = new ArrayList<>();
    if (customer.discountAt(now) != null) {
      reusable.add(customer.discount());
    }
    if (subscription != null) {
      reusable.addAll(subscription.discountsAt(now));
    }

    // line-level discounts of the one-off items, checked as a redemption would check them
    List<DiscountService.Placed> itemRequests = new ArrayList<>();
    for (PreviewRequest.InvoiceItem item : invoiceItems) {
      if (!item.currency().equals(currency)) {
        throw Errors.invalid("invoice_items", "Every invoice item must be in the invoice currency (" + currency + ").");
      }
      item.discounts().forEach(discount -> itemRequests.add(new DiscountService.Placed(discount, target)));
    }
    DiscountService.Plan itemPlan = discounts.plan(tenant, version, itemRequests, reusable, now);
    int next = 0;
    for (PreviewRequest.InvoiceItem item : invoiceItems) {
      List<Discount> own = itemPlan.discounts().subList(next, next + item.discounts().size());
      next += item.discounts().size();
      lines.add(new Preview.PreviewLine(item.description(), item.amount(), item.unitAmount(), item.quantity(),
          item.product(), item.discountable(), null, own));
    }

    DiscountService.Plan invoicePlan = DiscountService.Plan.NONE;
    List<Discount> invoiceDiscounts;
    if (request.noDiscounts()) {
      invoiceDiscounts = List.of();
    } else if (request.discounts() != null) {
      invoicePlan = discounts.plan(tenant, version, request.discounts().stream()
          .map(discount -> new DiscountService.Placed(discount, target)).toList(), reusable, now);
      invoiceDiscounts = invoicePlan.discounts();
    } else {
      List<Discount> inherited = subscription != null && !subscription.discountsAt(now).isEmpty()
          ? subscription.discountsAt(now)
          : customer.discountAt(now) == null ? List.of() : List.of(customer.discount());
      // an inherited amount-off coupon without an amount in this currency is skipped (docs/api.md §6.3)
      invoiceDiscounts = inherited.stream().filter(discount -> InvoiceMath.appliesIn(lookup.of(discount), currency))
          .toList();
    }

    Function<Discount, Coupon> coupons = coupons(lookup, itemPlan, invoicePlan);
    InvoiceMath.Result result = InvoiceMath.apply(currency,
        lines.stream().map(line -> new InvoiceMath.Line(line.amount(), line.product(), line.discountable(),
            line.discounts().stream().filter(discount -> InvoiceMath.appliesIn(coupons.apply(discount), currency))
                .map(discount -> new InvoiceMath.Applied(discount.id(), coupons.apply(discount))).toList()))
            .toList(),
        invoiceDiscounts.stream().map(discount -> new InvoiceMath.Applied(discount.id(), coupons.apply(discount)))
            .toList());
    Instant periodStart = request.billingCycleAnchor() == null ? now : Instant.ofEpochSecond(request.billingCycleAnchor());
    long periodEnd = interval == null ? periodStart.getEpochSecond() : periodEnd(periodStart, interval);
    return new Preview(customer.id(), subscription == null ? null : subscription.id(), currency, now.getEpochSecond(),
        periodStart.getEpochSecond(), periodEnd, lines, invoiceDiscounts, result, coupons, tenant.livemode());
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
