package dev.couponapi.app;

import dev.couponapi.domain.Tenant;
import dev.couponapi.service.BatchJob;
import dev.couponapi.service.DeliveryJob;
import dev.couponapi.wire.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How one kind of job travels as a message body: SQS on AWS and the in-process queues of
 * {@code serve} both carry the same text. A body names the tenant and the work, nothing else.
 */
public interface JobCodec<J> {

  String encode(J job);

  /** The job a body names; IllegalArgumentException for a body that is not one. */
  J decode(String body);

  JobCodec<BatchJob> BATCH = new JobCodec<>() {
    public String encode(BatchJob job) {
      return write(job.tenant(), "batch", job.batchId());
    }

    public BatchJob decode(String body) {
      Map<String, Object> fields = read(body, "promotion-code batch job", "batch");
      return new BatchJob(tenant(fields), (String) fields.get("batch"));
    }
  };

  JobCodec<DeliveryJob> DELIVERY = new JobCodec<>() {
    public String encode(DeliveryJob job) {
      return write(job.tenant(), "event", job.eventId(), "endpoint", job.endpointId());
    }

    public DeliveryJob decode(String body) {
      Map<String, Object> fields = read(body, "webhook delivery", "event", "endpoint");
      return new DeliveryJob(tenant(fields), (String) fields.get("event"), (String) fields.get("endpoint"));
    }
  };

  /**
   * A body that is to run no earlier than {@code notBefore} (epoch seconds): a job handed on as a new
   * message because its wait is longer than one message may stay invisible.
   */
  static String waitingUntil(String body, Instant notBefore) {
    Map<String, Object> fields = new LinkedHashMap<>(Json.readObject(body));
    fields.put(NOT_BEFORE, notBefore.getEpochSecond());
    return Json.writeString(fields);
  }

  /** When a body may run, if it says. */
  static Optional<Instant> notBefore(String body) {
    try {
      return Json.readObject(body).get(NOT_BEFORE) instanceof Number at ? Optional.of(Instant.ofEpochSecond(
          at.longValue())) : Optional.empty();
    } catch (RuntimeException notJson) {
      return Optional.empty();
    }
  }

  /** The field of a body that waits: every codec's body is a JSON object, so it has room for it. */
  String NOT_BEFORE = "not_before";

  /** {@code {"account":…,"livemode":…,name:value,…}}. */
  private static String write(Tenant tenant, String... namesAndValues) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("account", tenant.account());
    body.put("livemode", tenant.livemode());
    for (int i = 0; i < namesAndValues.length; i += 2) {
      body.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return Json.writeString(body);
  }

  /** The fields of a body that has the tenant and every one of {@code names} as text. */
  private static Map<String, Object> read(String body, String what, String... names) {
    Map<String, Object> fields;
    try {
      fields = Json.readObject(body);
    } catch (RuntimeException notJson) {
      throw new IllegalArgumentException("not a " + what + ": " + body);
    }
    boolean complete = fields.get("account") instanceof String && fields.get("livemode") instanceof Boolean;
    for (String name : names) {
      complete &= fields.get(name) instanceof String;
    }
    if (!complete) {
      throw new IllegalArgumentException("not a " + what + ": " + body);
    }
    return fields;
  }

  private static Tenant tenant(Map<String, Object> fields) {
    return new Tenant((String) fields.get("account"), (Boolean) fields.get("livemode"));
  }
}
