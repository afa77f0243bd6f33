package dev.couponapi.app;

import dev.couponapi.wire.LogLine;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    /** When the record's job may run: a job handed on to wait longer ({@link Postponer}) says; else now. */
    default Optional<Instant> notBefore(Map<String, Object> record) {
      return Optional.empty();
    }
  }

  /** Hands a record's job back to its queue, to run again after {@code wait}. */
  public interface Postponer {
    /** No queue to hand it to (a stream): the record is reported failed and comes again at once. */
    Postponer NONE = (record, wait, received) -> true;

    /**
     * Arranges for the job to run again after {@code wait}, the message having been received no
     * earlier than {@code received}; true when the record must be reported failed (its message then
     * comes again), false when the job went on as a new message (the record is done).
     */
    boolean postpone(Map<String, Object> record, Duration wait, Instant received);
  }

  private final Source<J> source;
  private final BackgroundWork<J> work;
  private final Postponer postponer;
  private final Clock clock;
  private final PrintStream log;

  public RecordBatchRun(Source<J> source, BackgroundWork<J> work, Postponer postponer, Clock clock, PrintStream log) {
    this.source = source;
    this.work = work;
    this.postponer = postponer;
    this.clock = clock;
    this.log = log;
  }

  /** SQS records whose bodies {@code codec} reads; a body handed on to wait longer carries its {@code not_before}. */
  public static <J> Source<J> sqs(JobCodec<J> codec) {
    return new Source<>() {
      public String identifier(Map<String, Object> record) {
        return String.valueOf(record.get("messageId"));
      }

      public Optional<J> job(Map<String, Object> record) {
        return Optional.of(codec.decode(String.valueOf(record.get("body"))));
      }

      public Optional<Instant> notBefore(Map<String, Object> record) {
        return JobCodec.notBefore(String.valueOf(record.get("body")));
      }
    };
  }

  /**
   * Runs {@code records} as one batch, as a poller without a queue hands them over ({@code serve}'s);
   * the records its answer reports failed, to hand over again.
   */
  public List<Map<String, Object>> failedOf(List<Map<String, Object>> records, BooleanSupplier hasTime) {
    java.util.Set<Object> failed = new java.util.HashSet<>();
    ((List<?>) run(Map.of("Records", records), hasTime).get("batchItemFailures"))
        .forEach(failure -> failed.add(((Map<?, ?>) failure).get("itemIdentifier")));
    return records.stream().filter(record -> failed.contains(source.identifier(record))).toList();
  }

  /**
   * Runs the event's jobs while {@code hasTime}; Lambda's partial-batch answer. A job handed over
   * in several records of one batch (a stream hands an event over again) runs once, for all of them.
   */
  public Map<String, Object> run(Map<String, Object> event, BooleanSupplier hasTime) {
    Instant received = clock.instant();
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
        Optional<Instant> early = source.notBefore(records.get(0)).filter(notBefore -> notBefore.isAfter(received));
        BackgroundWork.Outcome outcome = early.isPresent()
            ? new BackgroundWork.Outcome.Again("waiting", Duration.between(received, early.get()))
            : batch.run(job, hasTime);
        work.ran(id, job, outcome).to(log);
        if (outcome instanceof BackgroundWork.Outcome.Again again) {
          records.forEach(record -> {
            if (postponer.postpone(record, again.after(), received)) {
              failures.add(Map.of("itemIdentifier", source.identifier(record)));
            }
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
