package dev.couponapi.app;

import dev.couponapi.service.WebhookDeliveries;
import dev.couponapi.wire.Json;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One SQS event of deliveries for the delivery function: each is attempted; one to try again is
 * postponed by its wait (its message's visibility) and reported back ({@code batchItemFailures}),
 * so SQS hands it over again then; one that threw is reported back as it is.
 */
public final class DeliveryRun {

  /** Makes a received message visible again only after {@code wait}. */
  public interface Postponer {
    void postpone(String receiptHandle, Duration wait);
  }

  private final WebhookDeliveries deliveries;
  private final Postponer postponer;
  private final PrintStream log;

  public DeliveryRun(WebhookDeliveries deliveries, Postponer postponer, PrintStream log) {
    this.deliveries = deliveries;
    this.postponer = postponer;
    this.log = log;
  }

  public Map<String, Object> run(Map<String, Object> event) {
    List<Map<String, Object>> failures = new ArrayList<>();
    for (Map<String, Object> record : LambdaRecords.of(event)) {
      String messageId = String.valueOf(record.get("messageId"));
      try {
        var job = SqsDeliveryQueue.job(String.valueOf(record.get("body")));
        WebhookDeliveries.Outcome outcome = deliveries.attempt(job);
        log.println(Json.writeString(WebhookDeliveries.describe(job, outcome)));
        if (outcome instanceof WebhookDeliveries.Outcome.RetryAfter retry) {
          postponer.postpone(String.valueOf(record.get("receiptHandle")), retry.delay());
          failures.add(Map.of("itemIdentifier", messageId));
        }
      } catch (IllegalArgumentException notADelivery) {
        log.println(Json.writeString(Map.of("level", "WARN", "operation", "webhooks.deliver", "message_id", messageId,
            "outcome", "dropped", "detail", String.valueOf(notADelivery.getMessage()))));
      } catch (RuntimeException failed) {
        log.println(Json.writeString(Map.of("level", "WARN", "operation", "webhooks.deliver", "message_id", messageId,
            "outcome", "failed", "detail", failed.toString())));
        failures.add(Map.of("itemIdentifier", messageId));
      }
    }
    return Map.of("batchItemFailures", failures);
  }
}
