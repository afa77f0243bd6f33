package dev.couponapi.app;

import dev.couponapi.domain.Tenant;

/**
 * Whose background work this thread is doing now: set by {@code serve}'s queues around each job,
 * read by its engine's turns (dev.couponapi.ddblocal.EngineTurns), which take the accounts' waiting
 * calls in turn, so that one account's flood of work does not hold another's behind it.
 */
public final class WorkAccount {

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private WorkAccount() {}

  /** Runs {@code work} as this account's. */
  public static void run(Tenant tenant, Runnable work) {
    String before = CURRENT.get();
    CURRENT.set(tenant.account());
    try {
      work.run();
    } finally {
      CURRENT.set(before);
    }
  }

  /** The account whose work this thread does, or null. */
  public static String current() {
    return CURRENT.get();
  }
}
