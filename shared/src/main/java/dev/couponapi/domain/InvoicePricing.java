package dev.couponapi.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Prices an invoice (docs/api.md §7.2): a subscription's items for a period, then the pending
 * invoice items it bills, each line with its own discounts, then the invoice's discounts, and
 * says what the invoice used up. Discounts are judged at the period's start: a repeating discount
 * applies to the periods that start before its end; a {@code once} discount applies to the first
 * invoice that carries it and is used by it. Without discounts of its own, an invoice takes the
 * subscription's, else its customer's (as a preview).
 */
public final class InvoicePricing {

  private InvoicePricing() {}

  /** What an invoice is of: whose, which period, which lines, and its own discounts (null: inherited). */
  public record Request(Subscription subscription, Customer customer, String currency, List<InvoiceItem> items,
      List<Discount> discounts, BillingPeriod period, Invoice.Details details) {

    /** A subscription's invoice of {@code period}: its items, the pending items it bills, inherited discounts. */
    public static Request of(Subscription subscription, Customer customer, List<InvoiceItem> items,
        BillingPeriod period) {
      return new Request(subscription, customer, subscription.currency(), items, null, period, Invoice.Details.NONE);
    }
  }

  /**
   * The invoice and what it used: the {@code once} discounts of the subscription and its items it
   * applied, whether it applied the customer's own {@code once} discount, and the items it bills.
   */
  public record Made(Invoice invoice, List<String> usedDiscounts, boolean usedCustomerDiscount,
      List<InvoiceItem> billed) {

    /** The subscription as the invoice leaves it: renewed into the period, without what it used or what ended by {@code now}. */
    public Subscription leave(Subscription subscription, BillingPeriod period, long now) {
      Instant at = Instant.ofEpochSecond(now);
      List<Discount> own = subscription.discounts().stream()
          .filter(discount -> discount.inEffect(at) && !usedDiscounts.contains(discount.id())).toList();
      List<SubscriptionItem> items = subscription.items().stream().map(item -> item.withDiscounts(item.discounts()
          .stream().filter(discount -> discount.inEffect(at) && !usedDiscounts.contains(discount.id())).toList()))
          .toList();
      return subscription.withDiscounts(own, items).renewed(period, invoice.id());
    }
  }

  /** The invoice {@code id} of {@code request}, numbered {@code number} (null for a draft), made at {@code created}. */
  public static Made make(Request request, String id, String number, long created, String billingReason,
      String status, Function<Discount, Coupon> coupons) {
    Subscription subscription = request.subscription();
    Customer customer = request.customer();
    BillingPeriod period = request.period();
    Instant at = Instant.ofEpochSecond(period.start());
    String currency = request.currency();
    List<SubscriptionItem> recurring = subscription == null ? List.of() : subscription.items();
    List<InvoiceMath.Line> mathLines = new ArrayList<>();
    List<List<Discount>> lineDiscounts = new ArrayList<>();
    for (SubscriptionItem item : recurring) {
      List<Discount> own = applicable(item.discounts().stream().filter(discount -> discount.inEffect(at)).toList(),
          coupons, currency);
      lineDiscounts.add(own);
      mathLines.add(new InvoiceMath.Line(item.amount(), item.product(), true, applied(own, coupons)));
    }
    for (InvoiceItem item : request.items()) {
      List<Discount> own = applicable(item.discounts(), coupons, currency);
      lineDiscounts.add(own);
      mathLines.add(new InvoiceMath.Line(item.amount(), item.product(), item.discountable(), applied(own, coupons)));
    }
    List<Discount> subscriptionLevel = subscription == null ? List.of() : subscription.discountsAt(at);
    boolean fromCustomer = request.discounts() == null && subscriptionLevel.isEmpty()
        && customer.discount() != null && customer.discount().inEffect(at);
    List<Discount> invoiceDiscounts = applicable(request.discounts() != null ? request.discounts()
        : fromCustomer ? List.of(customer.discount()) : subscriptionLevel, coupons, currency);
    InvoiceMath.Result result = InvoiceMath.apply(currency, mathLines, applied(invoiceDiscounts, coupons));

    String lineBase = Invoice.lineBase(id);
    List<Invoice.Line> lines = new ArrayList<>();
    for (int i = 0; i < recurring.size(); i++) {
      SubscriptionItem item = recurring.get(i);
      lines.add(new Invoice.Line(lineBase + "_" + i, item.quantity() + " × " + item.product(), item.amount(),
          item.unitAmount(), item.quantity(), item.product(), true, item.interval(), item.intervalCount(), item.id(),
          null, ids(lineDiscounts.get(i)), Invoice.amounts(result.lines().get(i)), period.start(), period.end()));
    }
    for (int j = 0; j < request.items().size(); j++) {
      InvoiceItem item = request.items().get(j);
      int i = recurring.size() + j;
      lines.add(new Invoice.Line(lineBase + "_" + i, item.description(), item.amount(), item.unitAmount(),
          item.quantity(), item.product(), item.discountable(), null, 1, null, item.id(), ids(lineDiscounts.get(i)),
          Invoice.amounts(result.lines().get(i)), item.created(), item.created()));
    }
    boolean paid = Invoice.PAID_STATUS.equals(status);
    Invoice invoice = new Invoice(id, number, customer.id(), subscription == null ? null : subscription.id(),
        currency, created, period.start(), period.end(), status, billingReason, lines, invoiceDiscounts,
        Invoice.totals(result, applied(lineDiscounts, invoiceDiscounts)), result.subtotal(), result.total(), paid ? result.total() : 0,
        number == null ? null : created, paid ? created : null, customer.livemode(), request.details());
    List<String> used = new ArrayList<>();
    for (int i = 0; i < recurring.size(); i++) {
      lineDiscounts.get(i).stream().filter(discount -> isOnce(discount, coupons)).forEach(discount -> used.add(discount.id()));
    }
    if (subscription != null && !fromCustomer && request.discounts() == null) {
      invoiceDiscounts.stream().filter(discount -> isOnce(discount, coupons)).forEach(discount -> used.add(discount.id()));
    }
    boolean usedCustomer = fromCustomer && !invoiceDiscounts.isEmpty() && isOnce(invoiceDiscounts.get(0), coupons);
    return new Made(invoice, used, usedCustomer, request.items().stream().map(item -> item.billed(id)).toList());
  }

  /** Every discount the invoice applied: its lines' and its own. */
  private static List<Discount> applied(List<List<Discount>> lineDiscounts, List<Discount> invoiceDiscounts) {
    List<Discount> all = new ArrayList<>(invoiceDiscounts);
    lineDiscounts.forEach(all::addAll);
    return all;
  }

  private static List<String> ids(List<Discount> discounts) {
    return discounts.stream().map(Discount::id).toList();
  }

  /** An amount-off coupon without an amount in the currency takes nothing and is skipped (docs/api.md §6.3). */
  private static List<Discount> applicable(List<Discount> discounts, Function<Discount, Coupon> coupons,
      String currency) {
    return discounts.stream().filter(discount -> InvoiceMath.appliesIn(coupons.apply(discount), currency)).toList();
  }

  private static List<InvoiceMath.Applied> applied(List<Discount> discounts, Function<Discount, Coupon> coupons) {
    return discounts.stream().map(discount -> new InvoiceMath.Applied(discount.id(), coupons.apply(discount))).toList();
  }

  private static boolean isOnce(Discount discount, Function<Discount, Coupon> coupons) {
    return coupons.apply(discount).duration() == CouponDuration.ONCE;
  }
}
