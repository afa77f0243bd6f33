package dev.couponapi.app;

import dev.couponapi.service.JobQueue;
import dev.couponapi.wire.LogLine;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A queue on AWS: one SQS message per job, its body the job's {@link JobCodec} text, read by the
 * queue's function through {@link RecordBatchRun}, which waits a retry out by the message's
 * visibility ({@link #postpone}). The client is made on first use, so a function that never sends
 * never pays for it.
 */
public final class SqsJobQueue<J> implements JobQueue<J>, RecordBatchRun.Postponer {

  /** SQS delays a new message by at most 15 minutes. */
  static final long MAX_DELAY_SECONDS = 900;
  /** SQS keeps a message invisible for at most 12 hours from its receipt. */
  static final long MAX_VISIBILITY_SECONDS = 43_200;
  /**
   * How much earlier than the function's start the message may have been received (the event
   * source's batching window and retries): the visibility asked for stays this far within the 12 hours.
   */
  static final long RECEIPT_MARGIN_SECONDS = 300;

  private final String queueUrl;
  private final JobCodec<J> codec;
  private final Supplier<SqsClient> client;
  private final Clock clock;

  public SqsJobQueue(String queueUrl, JobCodec<J> codec) {
    this(queueUrl, codec, SqsClients::shared, Clock.systemUTC());
  }

  /** {@code client}: the SQS client, made when first needed. */
  SqsJobQueue(String queueUrl, JobCodec<J> codec, Supplier<SqsClient> client, Clock clock) {
    this.queueUrl = queueUrl;
    this.codec = codec;
    this.client = client;
    this.clock = clock;
  }

  /** The queue whose URL the environment variable {@code variable} holds, or {@code orElse} when it holds none. */
  public static <J> JobQueue<J> fromEnvironment(String variable, JobCodec<J> codec, JobQueue<J> orElse) {
    String url = Env.get(variable);
    return url == null || url.isEmpty() ? orElse : new SqsJobQueue<>(url, codec);
  }

  /**
   * {@code queue}, where a send that fails is logged with its {@code consequence} instead of
   * thrown: for a job whose loss something else repairs (the sweep resumes a stalled batch).
   */
  public static <J> JobQueue<J> tolerating(JobQueue<J> queue, String operation, String consequence, PrintStream log) {
    return (job, delay) -> {
      try {
        queue.send(job, delay);
      } catch (SdkException | IllegalStateException lost) {
        LogLine.warn(operation).with("job", job.toString()).with("error", lost.getClass().getSimpleName())
            .with("message", consequence).to(log);
      }
    };
  }

  /** Sends the job; a delay above SQS's 15 minutes is a job that waits out the rest when it arrives. */
  @Override
  public void send(J job, Duration delay) {
    String body = codec.encode(job);
    sendBody(delay.toSeconds() > MAX_DELAY_SECONDS ? JobCodec.waitingUntil(body, clock.instant().plus(delay)) : body,
        delay);
  }

  /**
   * Waits a job out in the queue: its message stays invisible for {@code wait} when that fits in
   * the 12 hours SQS allows from its receipt (then the record is reported failed and comes again);
   * a longer wait goes on as a new message that says when it may run, delayed as long as SQS
   * allows and kept invisible again when it arrives early, so every step of the retry schedule is
   * waited out in full (the record itself is then done).
   */
  @Override
  public boolean postpone(Map<String, Object> record, Duration wait, Instant received) {
    long room = MAX_VISIBILITY_SECONDS - RECEIPT_MARGIN_SECONDS
        - Math.max(0, Duration.between(received, clock.instant()).toSeconds());
    if (wait.toSeconds() <= room) {
      String receiptHandle = String.valueOf(record.get("receiptHandle"));
      client.get().changeMessageVisibility(request -> request.queueUrl(queueUrl).receiptHandle(receiptHandle)
          .visibilityTimeout((int) Math.max(1, wait.toSeconds())));
      return true;
    }
    sendBody(JobCodec.waitingUntil(String.valueOf(record.get("body")), clock.instant().plus(wait)), wait);
    return false;
  }

  private void sendBody(String body, Duration delay) {
    int seconds = (int) Math.min(MAX_DELAY_SECONDS, Math.max(0, delay.toSeconds()));
    client.get().sendMessage(request -> request.queueUrl(queueUrl).messageBody(body).delaySeconds(seconds));
  }
}
