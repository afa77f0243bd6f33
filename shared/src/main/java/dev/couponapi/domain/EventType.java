package dev.couponapi.domain;

import java.util.List;

/**
 * An event type, by its Stripe name ({@code coupon.created}). Each object declares its own
 * ({@link Coupon#CREATED}, …); the resources register them (docs/events.md, "What is recorded"),
 * which is where the list of every type comes from.
 */
public record EventType(String wireName) {

  /** What {@code enabled_events} may hold besides the types: every event. */
  public static final String ALL = "*";

  /** Whether this is an {@code *.updated} type, whose data carries {@code previous_attributes}. */
  public boolean isUpdate() {
    return wireName.endsWith(".updated");
  }

  /** Whether an endpoint that enabled {@code enabled} receives this type. */
  public boolean enabledBy(List<String> enabled) {
    return enabled.contains(ALL) || enabled.contains(wireName);
  }

  @Override
  public String toString() {
    return wireName;
  }
}
