package dev.couponapi.domain;

import java.util.List;

/**
 * An invoice (docs/api.md §7.2), stored as it was priced: its lines with what each discount took
 * off, its totals, its status; {@code discounts} the invoice-level ones as they were then (their own,
 * with {@code Discount.invoice} set, or those it took from its subscription or customer). A preview is the same object, never stored ({@link #preview}).
 * {@code billingReason}: {@code subscription_create}, {@code subscription_cycle} or {@code manual}.
 */
public record Invoice(
    String id,
    String number,
    String customer,
    String subscription,
    String currency,
    long created,
    long periodStart,
    long periodEnd,
    String status,
    String billingReason,
    List<Line> lines,
    List<Discount> discounts,
    List<Amount> totalDiscountAmounts,
    long subtotal,
    long total,
    long amountPaid,
    Long finalizedAt,
    Long paidAt,
    boolean livemode,
    Details details) {

  public static final EventType CREATED = new EventType("invoice.created");
  public static final EventType FINALIZED = new EventType("invoice.finalized");
  public static final EventType PAID = new EventType("invoice.paid");
  public static final EventType UPDATED = new EventType("invoice.updated");
  public static final EventType DELETED = new EventType("invoice.deleted");
  public static final EventType VOIDED = new EventType("invoice.voided");
  public static final EventType MARKED_UNCOLLECTIBLE = new EventType("invoice.marked_uncollectible");

  public static final String DRAFT = "draft";
  public static final String OPEN = "open";
  public static final String PAID_STATUS = "paid";
  public static final String VOID = "void";
  public static final String UNCOLLECTIBLE = "uncollectible";

  public Invoice {
    lines = List.copyOf(lines);
    discounts = List.copyOf(discounts);
    totalDiscountAmounts = List.copyOf(totalDiscountAmounts);
  }

  /**
   * What an invoice carries besides its pricing: its description and metadata, how it is collected
   * ({@code charge_automatically} or {@code send_invoice}), and when it was voided or marked uncollectible.
   */
  public record Details(String description, java.util.Map<String, String> metadata, String collectionMethod,
      Long voidedAt, Long markedUncollectibleAt) {

    public static final Details NONE = new Details(null, java.util.Map.of(), "charge_automatically", null, null);

    public Details {
      metadata = java.util.Map.copyOf(metadata);
    }

    public Details with(String newDescription, java.util.Map<String, String> newMetadata) {
      return new Details(newDescription, newMetadata, collectionMethod, voidedAt, markedUncollectibleAt);
    }
  }

  /** The same invoice in {@code newStatus} at {@code at}: numbered when finalized, paid in full when paid. */
  public Invoice moved(String newStatus, String newNumber, long at) {
    boolean paid = PAID_STATUS.equals(newStatus);
    return new Invoice(id, newNumber, customer, subscription, currency, created, periodStart, periodEnd, newStatus,
        billingReason, lines, discounts, totalDiscountAmounts, subtotal, total, paid ? total : amountPaid,
        finalizedAt == null && !DRAFT.equals(newStatus) ? Long.valueOf(at) : finalizedAt, paid ? Long.valueOf(at) : paidAt,
        livemode, new Details(details.description(), details.metadata(), details.collectionMethod(),
            VOID.equals(newStatus) ? Long.valueOf(at) : details.voidedAt(),
            UNCOLLECTIBLE.equals(newStatus) ? Long.valueOf(at) : details.markedUncollectibleAt()));
  }

  public Invoice with(Details newDetails) {
    return new Invoice(id, number, customer, subscription, currency, created, periodStart, periodEnd, status,
        billingReason, lines, discounts, totalDiscountAmounts, subtotal, total, amountPaid, finalizedAt, paidAt,
        livemode, newDetails);
  }

  /**
   * What one discount took off; in the invoice's totals also the coupon record and promotion code
   * the discount came from (what the coupon statistics count, docs/api.md §2.9), null on a line.
   */
  public record Amount(String discount, long amount, String couponRev, String promotionCode) {

    public Amount(String discount, long amount) {
      this(discount, amount, null, null);
    }
  }

  /**
   * One line: a subscription item's period (its {@code subscriptionItem}) or a one-off amount;
   * its own discounts and what every discount took off it.
   */
  public record Line(String id, String description, long amount, long unitAmount, long quantity, String product,
      boolean discountable, String interval, long intervalCount, String subscriptionItem, String invoiceItem,
      List<String> discounts, List<Amount> discountAmounts, long periodStart, long periodEnd) {

    public Line {
      discounts = List.copyOf(discounts);
      discountAmounts = List.copyOf(discountAmounts);
    }
  }

  /** A preview as an invoice that is never stored: a draft, its lines numbered after {@code id}. */
  public static Invoice preview(Preview preview, String id) {
    InvoiceMath.Result result = preview.result();
    String lineBase = lineBase(id);
    List<Line> lines = new java.util.ArrayList<>();
    for (int i = 0; i < preview.lines().size(); i++) {
      Preview.PreviewLine line = preview.lines().get(i);
      lines.add(new Line(lineBase + "_" + i, line.description(), line.amount(), line.unitAmount(), line.quantity(),
          line.product(), line.discountable(), line.interval(), 1, null, null,
          line.discounts().stream().map(Discount::id).toList(), amounts(result.lines().get(i)),
          preview.periodStart(), preview.periodEnd()));
    }
    return new Invoice(id, null, preview.customer(), preview.subscription(), preview.currency(), preview.created(),
        preview.periodStart(), preview.periodEnd(), DRAFT, preview.subscription() == null ? "manual" : "upcoming",
        lines, preview.discounts(), totals(result, List.of()), result.subtotal(),
        result.total(), 0, null, null, preview.livemode(), Details.NONE);
  }

  /** Line ids are {@code il_} + the invoice id's random part + {@code _} + the line's index. */
  public static String lineBase(String invoiceId) {
    return "il_" + invoiceId.substring(invoiceId.lastIndexOf('_') + 1);
  }

  /** What each discount took off one line, in the order they applied. */
  public static List<Amount> amounts(List<InvoiceMath.LineDiscount> taken) {
    return taken.stream().map(discount -> new Amount(discount.discountId(), discount.amount())).toList();
  }

  /** The invoice's total per discount, in the order they applied, each with where its discount came from. */
  public static List<Amount> totals(InvoiceMath.Result result, List<Discount> applied) {
    java.util.Map<String, Discount> byId = new java.util.HashMap<>();
    applied.forEach(discount -> byId.put(discount.id(), discount));
    return result.totals().entrySet().stream().map(total -> {
      Discount discount = byId.get(total.getKey());
      return discount == null ? new Amount(total.getKey(), total.getValue())
          : new Amount(total.getKey(), total.getValue(), discount.couponRev(), discount.promotionCode());
    }).toList();
  }
}
