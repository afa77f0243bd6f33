package dev.couponapi.app;

import dev.couponapi.domain.Tenant;
import dev.couponapi.service.BatchQueue;
import dev.couponapi.wire.Json;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The batch queue on AWS: one SQS message per job, read by the worker function. The client is made
 * on first use, so a function that never enqueues never pays for it.
 */
public final class SqsBatchQueue implements BatchQueue {

  private final String queueUrl;
  private final PrintStream log;

  public SqsBatchQueue(String queueUrl, PrintStream log) {
    this.queueUrl = queueUrl;
    this.log = log;
  }

  /** The queue of BATCH_QUEUE_URL, or {@link BatchQueue#NONE} when the function has none. */
  public static BatchQueue fromEnvironment() {
    String url = Env.get("BATCH_QUEUE_URL");
    return url == null || url.isEmpty() ? NONE : new SqsBatchQueue(url, System.out);
  }

  /**
   * Sends the job. A send that fails is logged, not thrown: the batch is already stored, and the
   * expiry sweep hands a batch that stalled to a worker again (docs/design.md, "Promotion-code batches").
   */
  @Override
  public void enqueue(Job job) {
    try {
      client().sendMessage(request -> request.queueUrl(queueUrl).messageBody(message(job)));
    } catch (SdkException lost) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("level", "WARN");
      line.put("operation", "promotion_code_batches.enqueue");
      line.put("batch", job.batchId());
      line.put("error", lost.getClass().getSimpleName());
      line.put("message", "the expiry sweep resumes this batch once it counts as stalled");
      log.println(Json.writeString(line));
    }
  }

  /** The message body: the tenant and the batch, nothing else. */
  public static String message(Job job) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("account", job.tenant().account());
    body.put("livemode", job.tenant().livemode());
    body.put("batch", job.batchId());
    return Json.writeString(body);
  }

  /** The job a message body names; IllegalArgumentException for a body that is not one. */
  public static Job job(String body) {
    Map<String, Object> fields = Json.readObject(body);
    if (!(fields.get("account") instanceof String account) || !(fields.get("batch") instanceof String batch)
        || !(fields.get("livemode") instanceof Boolean livemode)) {
      throw new IllegalArgumentException("not a promotion-code batch job: " + body);
    }
    return new Job(new Tenant(account, livemode), batch);
  }

  private SqsClient client() {
    return SqsClients.shared();
  }
}
