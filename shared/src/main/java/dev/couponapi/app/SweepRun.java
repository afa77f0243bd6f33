package dev.couponapi.app;

import dev.couponapi.service.ExpirySweep;
import dev.couponapi.wire.Json;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** One sweep run as the scheduler starts it: input → run → one structured log line → summary JSON. */
public final class SweepRun {

  public static final int DEFAULT_MAX_ITEMS = 1000;

  private final ExpirySweep sweep;
  private final PrintStream log;

  public SweepRun(ExpirySweep sweep, PrintStream log) {
    this.sweep = sweep;
    this.log = log;
  }

  /** {@code input}: the schedule's Input, e.g. {@code {"max_items": 1000}}; anything else is the default. */
  public Map<String, Object> run(Map<String, Object> input) {
    return report(input, "expiry_sweep", sweep::run);
  }

  /** What {@link #run} would do now, without writing anything. */
  public Map<String, Object> dryRun(Map<String, Object> input) {
    return report(input, "expiry_sweep_dry_run", sweep::dryRun);
  }

  private Map<String, Object> report(Map<String, Object> input, String operation,
      java.util.function.IntFunction<ExpirySweep.Summary> sweeping) {
    Object max = input == null ? null : input.get("max_items");
    int maxItems = max instanceof Number number && number.intValue() > 0 ? number.intValue() : DEFAULT_MAX_ITEMS;
    long started = System.nanoTime();
    ExpirySweep.Summary summary = sweeping.apply(maxItems);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("examined", summary.examined());
    result.put("coupons_expired", summary.couponsExpired());
    result.put("promotion_codes_switched_off", summary.promotionCodesSwitchedOff());
    result.put("customer_discounts_ended", summary.customerDiscountsEnded());
    result.put("subscriptions_updated", summary.subscriptionsUpdated());
    result.put("renewals", summary.renewals());
    result.put("promotion_code_batches_resumed", summary.batchesResumed());
    result.put("already_handled", summary.alreadyHandled());
    result.put("complete", summary.complete());
    result.put("swept_through", summary.sweptThrough());
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("level", "INFO");
    line.put("operation", operation);
    line.putAll(result);
    line.put("ms", (System.nanoTime() - started) / 1_000_000);
    log.println(Json.writeString(line));
    return result;
  }
}
