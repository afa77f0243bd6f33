package dev.couponapi.app;

import dev.couponapi.domain.Tenant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A stream batch's new events grouped by tenant, and what each tenant's events share (their
 * endpoints, their count), made once, at the first of them that runs; when making it failed, each of
 * that tenant's events fails with it (and is handed over again), the other tenants' go on.
 */
final class TenantBatches<R> {

  private final Map<Tenant, List<String>> eventIds = new LinkedHashMap<>();
  private final Map<Tenant, Object> made = new HashMap<>();
  private final BiFunction<Tenant, List<String>, R> make;

  TenantBatches(List<FanOutWork.NewEvent> jobs, BiFunction<Tenant, List<String>, R> make) {
    jobs.forEach(job -> eventIds.computeIfAbsent(job.tenant(), tenant -> new ArrayList<>()).add(job.eventId()));
    this.make = make;
  }

  /** What the tenant's events of the batch share; throws what making it threw. */
  @SuppressWarnings("unchecked")
  R of(Tenant tenant) {
    Object result = made.computeIfAbsent(tenant, which -> {
      try {
        return make.apply(which, eventIds.get(which));
      } catch (RuntimeException failed) {
        return failed;
      }
    });
    if (result instanceof RuntimeException failed) {
      throw failed;
    }
    return (R) result;
  }
}
