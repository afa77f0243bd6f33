package dev.couponapi.store;

/**
 * The request's idempotency claim was taken over (it was presumed dead) before its write
 * committed; nothing was written, and the request that holds the key now answers for it.
 */
public final class ClaimLost extends RuntimeException {

  ClaimLost() {
    super("idempotency claim lost", null, false, false);
  }
}
