package dev.couponapi.store;

/**
 * A write refused by one of its conditions, and which rule it ran into: each store names its
 * reasons in an enum of its own (e.g. {@link CouponStore.Refusal}); {@code index} says which of
 * several alike parts refused (the n-th coupon counter of a redemption), else 0.
 */
public final class Refused extends RuntimeException {

  private final Enum<?> reason;
  private final int index;

  Refused(Enum<?> reason) {
    this(reason, 0);
  }

  Refused(Enum<?> reason, int index) {
    super(reason.name() + (index == 0 ? "" : " " + index), null, false, false);
    this.reason = reason;
    this.index = index;
  }

  public Enum<?> reason() {
    return reason;
  }

  public int index() {
    return index;
  }
}
