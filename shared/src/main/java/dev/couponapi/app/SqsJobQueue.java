package dev.couponapi.app;

import dev.couponapi.service.JobQueue;
import dev.couponapi.wire.LogLine;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A queue on AWS: one SQS message per job, its body the job's {@link JobCodec} text, read by the
 * queue's function through {@link RecordBatchRun}, which waits a retry out by the message's
 * visibility ({@link #postpone}). The client is made on first use, so a function that never sends
 * never pays for it.
 */
public final class SqsJobQueue<J> implements JobQueue<J>, RecordBatchRun.Postponer {

  /** SQS delays a new message by at most 15 minutes. */
  static final long MAX_DELAY_SECONDS = 900;
  /** SQS keeps a message invisible for at most 12 hours. */
  static final long MAX_VISIBILITY_SECONDS = 43_200;

  private final String queueUrl;
  private final JobCodec<J> codec;

  public SqsJobQueue(String queueUrl, JobCodec<J> codec) {
    this.queueUrl = queueUrl;
    this.codec = codec;
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

  @Override
  public void send(J job, Duration delay) {
    int seconds = (int) Math.min(MAX_DELAY_SECONDS, Math.max(0, delay.toSeconds()));
    SqsClients.shared().sendMessage(request -> request.queueUrl(queueUrl).messageBody(codec.encode(job))
        .delaySeconds(seconds));
  }

  @Override
  public void postpone(Map<String, Object> record, Duration wait) {
    String receiptHandle = String.valueOf(record.get("receiptHandle"));
    SqsClients.shared().changeMessageVisibility(request -> request.queueUrl(queueUrl).receiptHandle(receiptHandle)
        .visibilityTimeout((int) Math.max(1, Math.min(MAX_VISIBILITY_SECONDS, wait.toSeconds()))));
  }
}
