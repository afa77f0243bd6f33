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
    boolean livemode) {

  public static final EventType CREATED = new EventType("customer.created");
  public static final EventType UPDATED = new EventType("customer.updated");
  public static final EventType DELETED = new EventType("customer.deleted");

  public Customer {
    metadata = Map.copyOf(metadata);
  }

  public Customer withDiscount(Discount newDiscount) {
    return new Customer(id, created, name, email, description, currency, metadata, newDiscount, livemode);
  }

  /** The discount as it shows at {@code now}: gone once a repeating discount has ended (docs/api.md §4.5). */
  public Discount discountAt(Instant now) {
    return discount != null && discount.inEffect(now) ? discount : null;
  }
}
