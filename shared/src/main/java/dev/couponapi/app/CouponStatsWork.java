package dev.couponapi.app;

import dev.couponapi.service.CouponStatsService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The coupon statistics' counting (docs/api.md §2.9), fed by the table's stream (filtered by the
 * template to events that redeemed something or paid an invoice, {@link #FILTER_PATTERNS}): a
 * batch's events of one tenant are read and counted together ({@link #forBatch}); an event handed
 * over again is counted once. {@code ./run-local serve} feeds it the records its poller reads.
 */
public final class CouponStatsWork implements BackgroundWork<FanOutWork.NewEvent> {

  /**
   * The trigger's filters, as template.yaml declares them ({@code TemplateTest} holds them
   * together): a new event whose change redeemed something, or an {@code invoice.paid}.
   */
  public static final List<String> FILTER_PATTERNS = List.of(
      "{\"eventName\": [\"INSERT\"], \"dynamodb\": {\"NewImage\": {\"entity\": {\"S\": [\"event\"]}, "
          + "\"redemptions\": {\"N\": [{\"exists\": true}]}}}}",
      "{\"eventName\": [\"INSERT\"], \"dynamodb\": {\"NewImage\": {\"entity\": {\"S\": [\"event\"]}, "
          + "\"type\": {\"S\": [\"invoice.paid\"]}}}}");

  private final CouponStatsService stats;
  private final Clock clock;

  public CouponStatsWork(CouponStatsService stats, Clock clock) {
    this.stats = stats;
    this.clock = clock;
  }

  @Override
  public String operation() {
    return "coupon_stats.count";
  }

  @Override
  public Map<String, Object> describe(FanOutWork.NewEvent job) {
    return Map.of("event", job.eventId());
  }

  @Override
  public Outcome run(FanOutWork.NewEvent job, BooleanSupplier hasTime) {
    return forBatch(List.of(job)).run(job, hasTime);
  }

  /** Counts each tenant's events of the batch together, at the first of them; a failed count fails that tenant's events. */
  @Override
  public Runner<FanOutWork.NewEvent> forBatch(List<FanOutWork.NewEvent> jobs) {
    TenantBatches<Map<String, CouponStatsService.Counted>> counted = new TenantBatches<>(jobs,
        (tenant, eventIds) -> stats.count(tenant, eventIds, clock.instant()));
    return (job, hasTime) -> new Outcome.Done(counted.of(job.tenant()).get(job.eventId()).name()
        .toLowerCase(java.util.Locale.ROOT));
  }
}
