package dev.couponapi.store;

/** Concurrent writes to the same objects could not be serialised in time (Stripe's lock_timeout). */
public final class LockTimeout extends RuntimeException {

  LockTimeout() {
    super("lock timeout", null, false, false);
  }
}
