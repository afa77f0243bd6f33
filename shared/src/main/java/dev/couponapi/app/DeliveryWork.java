package dev.couponapi.app;

import dev.couponapi.service.DeliveryJob;
import dev.couponapi.service.WebhookDeliveries;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** One attempt of one webhook delivery (docs/design.md, "Webhooks"); a retry runs again after its wait. */
public final class DeliveryWork implements BackgroundWork<DeliveryJob> {

  private final WebhookDeliveries deliveries;

  public DeliveryWork(WebhookDeliveries deliveries) {
    this.deliveries = deliveries;
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
      return new Outcome.Again("retrying", retry.delay());
    }
    return new Outcome.Done(((WebhookDeliveries.Outcome.Done) outcome).status().wire());
  }
}
