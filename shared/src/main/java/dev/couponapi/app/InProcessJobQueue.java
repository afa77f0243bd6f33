package dev.couponapi.app;

import dev.couponapi.service.JobQueue;
import dev.couponapi.wire.LogLine;
import java.io.PrintStream;
import java.time.Duration;
import dev.couponapi.domain.Tenant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A queue of {@code ./run-local serve}: a scheduler in this JVM runs the same {@link BackgroundWork}
 * the queue's function runs on AWS, on the same message bodies ({@link JobCodec}). A job asked to
 * run again waits its time out, as SQS's visibility would; one that throws is handed over again
 * after a pause, as SQS would deliver it again, up to {@link Settings#attempts} times.
 *
 * <p>Fair across accounts: at most {@link Settings#perAccount} jobs of one account run at once (the
 * rest of its due jobs wait their turn, in order), so one account's slow receivers can hold some of
 * the workers, never all of them (docs/events.md, "Delivery").
 */
public final class InProcessJobQueue<J> implements JobQueue<J>, AutoCloseable {

  /**
   * {@code threads} workers; a job runs for at most {@code slice} before it must yield;
   * {@code attempts} a job may throw before it is left (0: never left); the pause after the n-th
   * failure is {@code pause} doubled n-1 times when {@code backoff}, else {@code pause}.
   */
  public record Settings(String name, int threads, int perAccount, Duration slice, int attempts, Duration pause,
      boolean backoff) {

    /** Promotion-code batches: one worker, 20 s slices, five attempts (then the sweep resumes a stalled batch). */
    public static final Settings BATCHES = new Settings("promotion-code-batches", 1, 1, Duration.ofSeconds(20), 5,
        Duration.ofSeconds(2), true);

    /**
     * Webhook deliveries: eight workers, at most two of them on one account's attempts; a delivery
     * that threw is tried again a second later, for good.
     */
    public static final Settings DELIVERIES = new Settings("webhook-deliveries", 8, 2, Duration.ofSeconds(60), 0,
        Duration.ofSeconds(1), false);

    Duration pauseAfter(int failures) {
      return backoff ? pause.multipliedBy(1L << Math.min(failures - 1, 20)) : pause;
    }
  }

  private final JobCodec<J> codec;
  private final Function<J, Tenant> accountOf;
  private final Settings settings;
  private final PrintStream log;
  private final ScheduledExecutorService workers;
  private final List<String> waiting = new ArrayList<>();
  /** Per account: its jobs running now, and its due jobs waiting for one of them to end. */
  private final Map<Tenant, Integer> running = new HashMap<>();
  private final Map<Tenant, Deque<Runnable>> due = new HashMap<>();
  private BackgroundWork<J> work;

  /** {@code accountOf}: whose job it is, for fairness. */
  public InProcessJobQueue(JobCodec<J> codec, Function<J, Tenant> accountOf, Settings settings, PrintStream log) {
    this.codec = codec;
    this.accountOf = accountOf;
    this.settings = settings;
    this.log = log;
    this.workers = Executors.newScheduledThreadPool(settings.threads(), runnable -> {
      Thread thread = new Thread(runnable, settings.name());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Starts working, on what was sent so far too (the App is built with its queues, then attached). */
  public synchronized void attach(BackgroundWork<J> work) {
    this.work = work;
    waiting.forEach(body -> schedule(body, 1, Duration.ZERO));
    waiting.clear();
  }

  @Override
  public synchronized void send(J job, Duration delay) {
    String body = codec.encode(job);
    if (work == null) {
      waiting.add(body);
    } else {
      schedule(body, 1, delay);
    }
  }

  private void schedule(String body, int attempt, Duration delay) {
    workers.schedule(() -> admit(body, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A due job runs now, unless its account has {@link Settings#perAccount} running: then after them. */
  private void admit(String body, int attempt) {
    J job;
    try {
      job = codec.decode(body);
    } catch (IllegalArgumentException notAJob) {
      LogLine.warn(work.operation()).with("outcome", "dropped").with("detail", notAJob.getMessage()).to(log);
      return;
    }
    Tenant account = accountOf.apply(job);
    Runnable turn = () -> {
      try {
        WorkAccount.run(account, () -> run(body, job, attempt));
      } finally {
        ended(account);
      }
    };
    synchronized (running) {
      if (running.getOrDefault(account, 0) >= settings.perAccount()) {
        due.computeIfAbsent(account, waitingTurn -> new ArrayDeque<>()).add(turn);
        return;
      }
      running.merge(account, 1, Integer::sum);
    }
    turn.run();
  }

  /** One of the account's jobs ended: its next due job, if any, takes the turn. */
  private void ended(Tenant account) {
    Runnable next;
    synchronized (running) {
      Deque<Runnable> queued = due.get(account);
      next = queued == null ? null : queued.poll();
      if (next == null) {
        due.remove(account);
        running.computeIfPresent(account, (same, count) -> count == 1 ? null : count - 1);
        return;
      }
    }
    workers.execute(next);
  }

  private void run(String body, J job, int attempt) {
    long until = System.nanoTime() + settings.slice().toNanos();
    try {
      BackgroundWork.Outcome outcome = work.run(job, () -> System.nanoTime() < until);
      work.ran(null, job, outcome).to(log);
      if (outcome instanceof BackgroundWork.Outcome.Again again) {
        schedule(body, 1, again.after());
      }
    } catch (RuntimeException failed) {
      boolean giveUp = settings.attempts() > 0 && attempt >= settings.attempts();
      work.threw(null, job, failed).with("attempt", attempt)
          .with("next", giveUp ? "given up" : "again in " + settings.pauseAfter(attempt).toMillis() + " ms").to(log);
      if (!giveUp) {
        schedule(body, attempt + 1, settings.pauseAfter(attempt));
      }
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
