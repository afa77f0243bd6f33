package dev.couponapi.domain;

import java.time.Instant;
import java.util.Map;

/** A customer, as far as discounts need one (docs/api.md §5.1). */
public record Customer(
    String id,
    long created,
    String name,
    String email,
    String description,
    String currency,
    Map<String, String> metadata,
    Discount discount,
    boolean livemode,
    long nextInvoiceSequence,
    long pendingInvoiceItems,
    String testClock) {

  public static final EventType CREATED = new EventType("customer.created");
  public static final EventType UPDATED = new EventType("customer.updated");
  public static final EventType DELETED = new EventType("customer.deleted");

  public Customer {
    metadata = Map.copyOf(metadata);
  }

  /** A customer that has no invoice yet. */
  public Customer(String id, long created, String name, String email, String description, String currency,
      Map<String, String> metadata, Discount discount, boolean livemode) {
    this(id, created, name, email, description, currency, metadata, discount, livemode, 1, 0, null);
  }

  public Customer withDiscount(Discount newDiscount) {
    return new Customer(id, created, name, email, description, currency, metadata, newDiscount, livemode,
        nextInvoiceSequence, pendingInvoiceItems, testClock);
  }

  /** The same new customer on a test clock (docs/api.md §7.5). */
  public Customer onClock(String clock) {
    return new Customer(id, created, name, email, description, currency, metadata, discount, livemode,
        nextInvoiceSequence, pendingInvoiceItems, clock);
  }

  /** Its invoices' prefix: 8 characters of its id, upper-cased (Stripe makes one per customer). */
  public String invoicePrefix() {
    return id.substring("cus_".length(), "cus_".length() + 8).toUpperCase(java.util.Locale.ROOT);
  }

  /** The number its next invoice gets: {@code PREFIX-0001}, then {@code PREFIX-0002}, … */
  public String nextInvoiceNumber() {
    return invoicePrefix() + "-" + String.format("%04d", nextInvoiceSequence);
  }

  /** The discount as it shows at {@code now}: gone once a repeating discount has ended (docs/api.md §4.5). */
  public Discount discountAt(Instant now) {
    return discount != null && discount.inEffect(now) ? discount : null;
  }
}
