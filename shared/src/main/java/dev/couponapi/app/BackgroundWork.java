package dev.couponapi.app;

import dev.couponapi.wire.LogLine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What one kind of background job does, the same in its Lambda function ({@link RecordBatchRun})
 * and in {@code serve} ({@link InProcessJobQueue}): run a job, say what became of it, describe it
 * for the log line. A job that throws is handed over again by its queue.
 */
public interface BackgroundWork<J> {

  /** The operation its log lines name, e.g. {@code webhooks.deliver}. */
  String operation();

  /** The fields that identify a job in a log line. */
  Map<String, Object> describe(J job);

  /** Runs one job while {@code hasTime} says there is time for another step. */
  Outcome run(J job, BooleanSupplier hasTime);

  /**
   * The work for one batch of jobs handed over together; a work that reads something all of them
   * share (the fan-out: a tenant's endpoints) reads it once here. Each job on its own by default.
   */
  default Runner<J> forBatch(List<J> jobs) {
    return this::run;
  }

  /** Runs one job of a batch. */
  @FunctionalInterface
  interface Runner<J> {
    Outcome run(J job, BooleanSupplier hasTime);
  }

  /** The log line of a job that ran: {@code item} names its record (null in serve's queues). */
  default LogLine ran(String item, J job, Outcome outcome) {
    return LogLine.info(operation()).with("item", item).with(describe(job)).with("outcome", outcome.name())
        .with("retry_in_ms", outcome instanceof Outcome.Again again ? again.after().toMillis() : null);
  }

  /** The log line of a job that threw; its queue hands it over again. */
  default LogLine threw(String item, J job, RuntimeException failure) {
    return LogLine.warn(operation()).with("item", item).with(describe(job)).with("outcome", "failed")
        .with("detail", failure.toString());
  }

  /** What became of a job. */
  sealed interface Outcome {
    /** Finished: {@code name} says how (succeeded, failed, more…). */
    record Done(String name) implements Outcome {}

    /** To run again after {@code after}: a webhook retry. */
    record Again(String name, Duration after) implements Outcome {}

    String name();
  }
}
