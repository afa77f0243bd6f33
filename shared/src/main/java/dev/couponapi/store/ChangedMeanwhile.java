package dev.couponapi.store;

/**
 * The object changed (or went) between the read an update decided on and its write, which required
 * it unchanged: the caller reads again and decides anew. A service throws it too when a refused part
 * of a transaction tells it the same (a redemption's holder).
 */
public final class ChangedMeanwhile extends RuntimeException {

  public ChangedMeanwhile() {
    super("changed since it was read", null, false, false);
  }
}
