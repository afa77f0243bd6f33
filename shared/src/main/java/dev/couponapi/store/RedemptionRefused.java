package dev.couponapi.store;

/** A redemption's transaction refused by one of its conditions: which part, and which of its kind. */
public final class RedemptionRefused extends RuntimeException {

  /** The coupon counters, the promotion-code counters, or the holder (customer / subscription). */
  public enum Part { COUPON, PROMOTION_CODE, HOLDER }

  private final Part part;
  private final int index;

  RedemptionRefused(Part part, int index) {
    super(part + " " + index, null, false, false);
    this.part = part;
    this.index = index;
  }

  public Part part() {
    return part;
  }

  public int index() {
    return index;
  }
}
