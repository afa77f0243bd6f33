package dev.couponapi.app;

import dev.couponapi.domain.Tenant;
import dev.couponapi.service.WebhookFanOut;
import dev.couponapi.store.EventStore;
import dev.couponapi.store.ObjectType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The fan-out of new events, fed by the table's stream (filtered to event inserts by the template):
 * each event becomes one delivery per endpoint that receives its type. A stream batch's events of
 * one tenant are read together, with the tenant's endpoints once ({@link #forBatch}).
 * {@code ./run-local serve} feeds it the records it polls from DynamoDB Local's stream, in the same shape.
 */
public final class FanOutWork implements BackgroundWork<FanOutWork.NewEvent> {

  /**
   * The trigger's filter, as template.yaml declares it ({@code TemplateTest} holds the two together):
   * inserted items whose image is an event. A record that is not one is skipped here too, by its key,
   * which is what a local poller on a keys-only stream relies on ({@link #isNewEvent}).
   */
  public static final String FILTER_PATTERN =
      "{\"eventName\": [\"INSERT\"], \"dynamodb\": {\"NewImage\": {\"entity\": {\"S\": [\"event\"]}}}}";

  /** A new event of a tenant. */
  public record NewEvent(Tenant tenant, String eventId) {}

  /** Stream records: named by their sequence number, a job when they insert an event. */
  public static final RecordBatchRun.Source<NewEvent> STREAM = new RecordBatchRun.Source<>() {
    public String identifier(Map<String, Object> record) {
      return String.valueOf(dynamodb(record).get("SequenceNumber"));
    }

    public Optional<NewEvent> job(Map<String, Object> record) {
      String pk = partitionKey(dynamodb(record));
      if (!isNewEvent(String.valueOf(record.get("eventName")), pk)) {
        return Optional.empty();
      }
      ObjectType.Key key = EventStore.eventKey(pk);
      return Optional.of(new NewEvent(key.tenant(), key.id()));
    }
  };

  private final WebhookFanOut fanOut;

  public FanOutWork(WebhookFanOut fanOut) {
    this.fanOut = fanOut;
  }

  /** Whether a stream record of this kind, for this partition key, is a new event. */
  public static boolean isNewEvent(String eventName, String pk) {
    return "INSERT".equals(eventName) && pk != null && EventStore.isEventKey(pk);
  }

  @Override
  public String operation() {
    return "webhooks.fan_out";
  }

  @Override
  public Map<String, Object> describe(NewEvent job) {
    return Map.of("event", job.eventId());
  }

  @Override
  public Outcome run(NewEvent job, BooleanSupplier hasTime) {
    return fannedOut(fanOut.fanOut(job.tenant(), job.eventId()));
  }

  /** Reads each tenant's endpoints and events once for the whole batch; a failed read fails that tenant's events. */
  @Override
  public Runner<NewEvent> forBatch(List<NewEvent> jobs) {
    TenantBatches<WebhookFanOut.Batch> batches = new TenantBatches<>(jobs, fanOut::batch);
    return (job, hasTime) -> fannedOut(batches.of(job.tenant()).fanOut(job.eventId()));
  }

  private static Outcome fannedOut(List<String> endpoints) {
    return new Outcome.Done("to " + endpoints.size() + (endpoints.size() == 1 ? " endpoint" : " endpoints"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> dynamodb(Map<String, Object> record) {
    return record.get("dynamodb") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
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
