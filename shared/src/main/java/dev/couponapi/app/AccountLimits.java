package dev.couponapi.app;

import dev.couponapi.store.PromotionCodeBatchStore;

/**
 * The per-account quotas of a deployment (docs/hosting.md, H1.5), from template.yaml's parameters:
 * {@code BATCHES_IN_FLIGHT_PER_ACCOUNT} unfinished promotion-code batches at once and
 * {@code BATCH_CODES_PER_DAY_PER_ACCOUNT} codes made by batches a day (UTC), per account and mode.
 */
public final class AccountLimits {

  private AccountLimits() {}

  /** From the environment, else the template's defaults; a value that is not a positive number refuses to start. */
  public static PromotionCodeBatchStore.Limits fromEnvironment() {
    PromotionCodeBatchStore.Limits defaults = PromotionCodeBatchStore.Limits.DEFAULT;
    return new PromotionCodeBatchStore.Limits(
        positive("BATCHES_IN_FLIGHT_PER_ACCOUNT", defaults.unfinishedBatches()),
        positive("BATCH_CODES_PER_DAY_PER_ACCOUNT", defaults.codesPerDay()));
  }

  private static int positive(String name, long fallback) {
    String value = Env.get(name, Long.toString(fallback));
    try {
      long parsed = Long.parseLong(value.trim());
      if (parsed >= 1 && parsed <= Integer.MAX_VALUE) {
        return (int) parsed;
      }
    } catch (NumberFormatException notANumber) {
      // refused below
    }
    throw new IllegalStateException(name + " must be a whole number from 1 to " + Integer.MAX_VALUE + ", not '"
        + value + "'");
  }
}
