package dev.couponapi.app;

import dev.couponapi.wire.LogLine;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The one loop of every record-batch function (SQS and DynamoDB Streams), after Powertools'
 * {@code BatchMessageHandler}: each record becomes a job ({@link Source}), the jobs run through
 * their {@link BackgroundWork}, each gets one log line, and a job to run again or that threw is
 * reported back in {@code batchItemFailures}, so its queue or stream hands it over again.
 */
public final class RecordBatchRun<J> {

  /** How a record of the event becomes a job. */
  public interface Source<J> {
    /** What {@code batchItemFailures} names the record by. */
    String identifier(Map<String, Object> record);

    /** The record's job; empty when the record is not for this function; IllegalArgumentException when malformed. */
    Optional<J> job(Map<String, Object> record);
  }

  /** Makes a received message visible again only after {@code wait} (an SQS message's visibility). */
  public interface Postponer {
    Postponer NONE = (record, wait) -> { };

    void postpone(Map<String, Object> record, Duration wait);
  }

  private final Source<J> source;
  private final BackgroundWork<J> work;
  private final Postponer postponer;
  private final PrintStream log;

  public RecordBatchRun(Source<J> source, BackgroundWork<J> work, Postponer postponer, PrintStream log) {
    this.source = source;
    this.work = work;
    this.postponer = postponer;
    this.log = log;
  }

  /** SQS records whose bodies {@code codec} reads. */
  public static <J> Source<J> sqs(JobCodec<J> codec) {
    return new Source<>() {
      public String identifier(Map<String, Object> record) {
        return String.valueOf(record.get("messageId"));
      }

      public Optional<J> job(Map<String, Object> record) {
        return Optional.of(codec.decode(String.valueOf(record.get("body"))));
      }
    };
  }

  /**
   * Runs the event's jobs while {@code hasTime}; Lambda's partial-batch answer. A job handed over
   * in several records of one batch (a stream hands an event over again) runs once, for all of them.
   */
  public Map<String, Object> run(Map<String, Object> event, BooleanSupplier hasTime) {
    Map<J, List<Map<String, Object>>> recordsOf = new LinkedHashMap<>();
    for (Map<String, Object> record : LambdaRecords.of(event)) {
      try {
        source.job(record).ifPresent(job -> recordsOf.computeIfAbsent(job, same -> new ArrayList<>()).add(record));
      } catch (IllegalArgumentException notAJob) {
        // handed over again it would fail again: logged and dropped
        LogLine.warn(work.operation()).with("item", source.identifier(record)).with("outcome", "dropped")
            .with("detail", notAJob.getMessage()).to(log);
      }
    }
    List<Map<String, Object>> failures = new ArrayList<>();
    BackgroundWork.Runner<J> batch = work.forBatch(List.copyOf(recordsOf.keySet()));
    recordsOf.forEach((job, records) -> {
      String id = source.identifier(records.get(records.size() - 1));
      try {
        BackgroundWork.Outcome outcome = batch.run(job, hasTime);
        work.ran(id, job, outcome).to(log);
        if (outcome instanceof BackgroundWork.Outcome.Again again) {
          records.forEach(record -> {
            postponer.postpone(record, again.after());
            failures.add(Map.of("itemIdentifier", source.identifier(record)));
          });
        }
      } catch (RuntimeException failed) {
        work.threw(id, job, failed).to(log);
        records.forEach(record -> failures.add(Map.of("itemIdentifier", source.identifier(record))));
      }
    });
    return Map.of("batchItemFailures", failures);
  }
}
