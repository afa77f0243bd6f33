package dev.couponapi.app;

import dev.couponapi.service.DeliveryJob;
import dev.couponapi.service.Metrics;
import dev.couponapi.service.WebhookDeliveries;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** One attempt of one webhook delivery (docs/design.md, "Webhooks"); a retry runs again after its wait. */
public final class DeliveryWork implements BackgroundWork<DeliveryJob> {

  private final WebhookDeliveries deliveries;
  private final Metrics metrics;

  /** {@code metrics}: where each attempt is counted by its outcome (docs/operations.md, "Metrics"). */
  public DeliveryWork(WebhookDeliveries deliveries, Metrics metrics) {
    this.deliveries = deliveries;
    this.metrics = metrics;
  }

  @Override
  public String operation() {
    return "webhooks.deliver";
  }

  @Override
  public Map<String, Object> describe(DeliveryJob job) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("event", job.eventId());
    fields.put("endpoint", job.endpointId());
    return fields;
  }

  @Override
  public Outcome run(DeliveryJob job, BooleanSupplier hasTime) {
    WebhookDeliveries.Outcome outcome = deliveries.attempt(job);
    if (outcome instanceof WebhookDeliveries.Outcome.RetryAfter retry) {
      metrics.count("WebhookDeliveries", "Outcome", "retrying", 1);
      return new Outcome.Again("retrying", retry.delay());
    }
    String status = ((WebhookDeliveries.Outcome.Done) outcome).status().wire();
    metrics.count("WebhookDeliveries", "Outcome", status, 1);
    return new Outcome.Done(status);
  }
}
