package dev.couponapi.store;

/**
 * A write refused by one of its conditions, and which rule it ran into: each store names its
 * reasons in an enum of its own (e.g. {@link CouponStore.Refusal}); {@code subject} names which of
 * several alike parts refused (the {@link Redemption.Count} of a redemption's refused counter), or null.
 */
public final class Refused extends RuntimeException {

  private final Enum<?> reason;
  private final Object subject;

  Refused(Enum<?> reason) {
    this(reason, null);
  }

  Refused(Enum<?> reason, Object subject) {
    super(reason.name(), null, false, false);
    this.reason = reason;
    this.subject = subject;
  }

  public Enum<?> reason() {
    return reason;
  }

  /** What refused, when the reason alone does not say (a redemption's counter); null otherwise. */
  public Object subject() {
    return subject;
  }
}
