package dev.couponapi.store;

/**
 * The object changed (or went) between the read an update decided on and its write, which required
 * it unchanged: the caller reads again and decides anew.
 */
public final class ChangedMeanwhile extends RuntimeException {

  ChangedMeanwhile() {
    super("changed since it was read", null, false, false);
  }
}
