package dev.couponapi.app;

import dev.couponapi.domain.Tenant;
import dev.couponapi.service.DeliveryQueue;
import dev.couponapi.wire.Json;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The delivery queue on AWS: one SQS message per delivery, read by the delivery function, which
 * waits a retry out by changing the message's visibility (docs/design.md, "Webhooks").
 */
public final class SqsDeliveryQueue implements DeliveryQueue, DeliveryRun.Postponer {

  /** SQS delays a new message by at most 15 minutes. */
  static final long MAX_DELAY_SECONDS = 900;

  private final String queueUrl;

  public SqsDeliveryQueue(String queueUrl) {
    this.queueUrl = queueUrl;
  }

  /** The queue of WEBHOOK_QUEUE_URL, or {@link DeliveryQueue#NONE} when the function has none. */
  public static DeliveryQueue fromEnvironment() {
    String url = Env.get("WEBHOOK_QUEUE_URL");
    return url == null || url.isEmpty() ? NONE : new SqsDeliveryQueue(url);
  }

  @Override
  public void send(Job job, Duration delay) {
    int seconds = (int) Math.min(MAX_DELAY_SECONDS, Math.max(0, delay.toSeconds()));
    SqsClients.shared().sendMessage(request -> request.queueUrl(queueUrl).messageBody(message(job))
        .delaySeconds(seconds));
  }

  @Override
  public void postpone(String receiptHandle, Duration wait) {
    SqsClients.shared().changeMessageVisibility(request -> request.queueUrl(queueUrl).receiptHandle(receiptHandle)
        .visibilityTimeout((int) Math.max(1, Math.min(43_200, wait.toSeconds()))));
  }

  /** The message body: the tenant, the event and the endpoint, nothing else. */
  public static String message(Job job) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("account", job.tenant().account());
    body.put("livemode", job.tenant().livemode());
    body.put("event", job.eventId());
    body.put("endpoint", job.endpointId());
    return Json.writeString(body);
  }

  /** The job a message body names; IllegalArgumentException for a body that is not one. */
  public static Job job(String body) {
    Map<String, Object> fields = Json.readObject(body);
    if (!(fields.get("account") instanceof String account) || !(fields.get("event") instanceof String event)
        || !(fields.get("endpoint") instanceof String endpoint) || !(fields.get("livemode") instanceof Boolean live)) {
      throw new IllegalArgumentException("not a webhook delivery: " + body);
    }
    return new Job(new Tenant(account, live), event, endpoint);
  }
}
