package dev.couponapi.app;

import dev.couponapi.domain.Tenant;
import dev.couponapi.service.WebhookFanOut;
import dev.couponapi.store.EventStore;
import dev.couponapi.store.ObjectType;
import dev.couponapi.wire.Json;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One DynamoDB Streams event for the fan-out function (filtered to new event items by the
 * template): each event is fanned out; one that failed is reported back by its sequence number
 * ({@code batchItemFailures}), so the stream hands it over again. {@code ./run-local serve} feeds
 * it the records it polls from DynamoDB Local's stream, in the same shape.
 */
public final class FanOutRun {

  /**
   * The trigger's filter, as template.yaml declares it ({@code TemplateTest} holds the two together):
   * inserted items whose image is an event. A record that is not one is skipped here too, by its key,
   * which is what a local poller on a keys-only stream relies on ({@link #isNewEvent}).
   */
  public static final String FILTER_PATTERN =
      "{\"eventName\": [\"INSERT\"], \"dynamodb\": {\"NewImage\": {\"entity\": {\"S\": [\"event\"]}}}}";

  /** Whether a stream record of this kind, for this partition key, is a new event. */
  public static boolean isNewEvent(String eventName, String pk) {
    return "INSERT".equals(eventName) && pk != null && EventStore.isEventKey(pk);
  }

  private final WebhookFanOut fanOut;
  private final PrintStream log;

  public FanOutRun(WebhookFanOut fanOut, PrintStream log) {
    this.fanOut = fanOut;
    this.log = log;
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> run(Map<String, Object> event) {
    // the batch's new events, by tenant, each with the sequence number that reports it failed
    Map<Tenant, Map<String, String>> byTenant = new LinkedHashMap<>();
    for (Map<String, Object> record : LambdaRecords.of(event)) {
      Map<String, Object> dynamodb = record.get("dynamodb") instanceof Map<?, ?> map ? (Map<String, Object>) map
          : Map.of();
      String pk = partitionKey(dynamodb);
      if (isNewEvent(String.valueOf(record.get("eventName")), pk)) {
        ObjectType.Key key = EventStore.eventKey(pk);
        byTenant.computeIfAbsent(key.tenant(), tenant -> new LinkedHashMap<>())
            .put(key.id(), String.valueOf(dynamodb.get("SequenceNumber")));
      }
    }
    List<Map<String, Object>> failures = new ArrayList<>();
    byTenant.forEach((tenant, events) -> {
      WebhookFanOut.Batch batch;
      try {
        batch = fanOut.batch(tenant, List.copyOf(events.keySet()));
      } catch (RuntimeException failed) {
        events.forEach((id, sequence) -> failed(failures, id, sequence, failed));
        return;
      }
      events.forEach((id, sequence) -> {
        try {
          log("INFO", id, "endpoints", batch.fanOut(id).size());
        } catch (RuntimeException failed) {
          failed(failures, id, sequence, failed);
        }
      });
    });
    return Map.of("batchItemFailures", failures);
  }

  private void failed(List<Map<String, Object>> failures, String eventId, String sequence, RuntimeException cause) {
    log("WARN", eventId, "detail", cause.toString());
    failures.add(Map.of("itemIdentifier", sequence));
  }

  private void log(String level, String event, String name, Object value) {
    Map<String, Object> line = new java.util.LinkedHashMap<>();
    line.put("level", level);
    line.put("operation", "webhooks.fan_out");
    line.put("event", event);
    line.put(name, value);
    log.println(Json.writeString(line));
  }

  @SuppressWarnings("unchecked")
  private static String partitionKey(Map<String, Object> dynamodb) {
    if (dynamodb.get("Keys") instanceof Map<?, ?> keys && keys.get("pk") instanceof Map<?, ?> pk
        && ((Map<String, Object>) pk).get("S") instanceof String value) {
      return value;
    }
    return null;
  }
}
