package dev.couponapi.domain;

import java.util.List;
import java.util.Map;

/**
 * An invoice item (docs/api.md §7.3): a one-off amount for a customer, with its own discounts,
 * pending until an invoice bills it ({@code invoice} set then), for a subscription's next invoice
 * when {@code subscription} is given, else for the customer's next invoice of its currency.
 */
public record InvoiceItem(
    String id,
    String customer,
    String currency,
    long unitAmount,
    long quantity,
    String description,
    String product,
    boolean discountable,
    List<Discount> discounts,
    Map<String, String> metadata,
    String subscription,
    String invoice,
    long created,
    boolean livemode) {

  public static final EventType CREATED = new EventType("invoiceitem.created");
  public static final EventType DELETED = new EventType("invoiceitem.deleted");

  public InvoiceItem {
    discounts = List.copyOf(discounts);
    metadata = Map.copyOf(metadata);
  }

  public long amount() {
    return Math.multiplyExact(unitAmount, quantity);
  }

  public boolean pending() {
    return invoice == null;
  }

  /** Whether the next invoice of {@code subscription} (null: a one-off invoice) in {@code currency} bills it. */
  public boolean billedBy(String invoiceSubscription, String invoiceCurrency) {
    return pending() && currency.equals(invoiceCurrency)
        && (subscription == null || subscription.equals(invoiceSubscription));
  }

  /** The same item, billed by {@code invoiceId}. */
  public InvoiceItem billed(String invoiceId) {
    return new InvoiceItem(id, customer, currency, unitAmount, quantity, description, product, discountable, discounts,
        metadata, subscription, invoiceId, created, livemode);
  }

  /** The same item with new fields (an update while it is pending). */
  public InvoiceItem with(long newUnitAmount, long newQuantity, String newDescription, boolean newDiscountable,
      Map<String, String> newMetadata) {
    return new InvoiceItem(id, customer, currency, newUnitAmount, newQuantity, newDescription, product,
        newDiscountable, discounts, newMetadata, subscription, invoice, created, livemode);
  }
}
