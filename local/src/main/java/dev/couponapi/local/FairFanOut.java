package dev.couponapi.local;

import dev.couponapi.app.FanOutWork;
import dev.couponapi.app.RecordBatchRun;
import dev.couponapi.app.WorkAccount;
import dev.couponapi.domain.Tenant;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code serve}'s fan-out of new events, fair across accounts: the stream's new events wait in a
 * queue per account, and {@link #WORKERS} workers take turns among the accounts, never two on one
 * account, {@link #PER_TURN} events a turn. In the stream's order, a flood of one account's events
 * (a 100,000-code batch's, each to 16 endpoints) would hold every other account's behind it; here
 * another account's event waits for one turn at most. Events whose fan-out failed queue again a
 * second later (the stream hands them over again on AWS).
 */
public final class FairFanOut implements AutoCloseable {

  static final int WORKERS = 2;
  static final int PER_TURN = 10;
  /** While this many wait, the poller reads no more of the stream; memory stays bounded. */
  static final int MAX_WAITING = 10_000;
  static final Duration RETRY_AFTER = Duration.ofSeconds(1);
  /** Events of one account waiting, past which its batches wait ({@link #awaitRoom}). */
  static final int ROOM_PER_ACCOUNT = 1_000;
  /** How long a batch waits at most for room, before it goes on regardless. */
  static final Duration LONGEST_WAIT_FOR_ROOM = Duration.ofSeconds(10);

  private final RecordBatchRun<FanOutWork.NewEvent> run;
  private final PrintStream err;
  /** Each account's waiting stream records; the map's order is the turn order. */
  private final Map<Tenant, Deque<Map<String, Object>>> waiting = new LinkedHashMap<>();
  private final Set<Tenant> inTurn = new HashSet<>();
  private int count;
  private volatile boolean open = true;
  private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(WORKERS, runnable -> {
    Thread thread = new Thread(runnable, "webhook-fan-out");
    thread.setDaemon(true);
    return thread;
  });

  public FairFanOut(RecordBatchRun<FanOutWork.NewEvent> run, PrintStream err) {
    this.run = run;
    this.err = err;
  }

  /** Queues new-event stream records (Lambda's shape), each under its account. */
  void add(List<Map<String, Object>> records) {
    synchronized (this) {
      for (Map<String, Object> record : records) {
        FanOutWork.STREAM.job(record).ifPresent(event -> {
          waiting.computeIfAbsent(event.tenant(), account -> new ArrayDeque<>()).add(record);
          count++;
        });
      }
    }
    dispatch();
  }

  /**
   * Waits (at most {@link #LONGEST_WAIT_FOR_ROOM}) while more than {@link #ROOM_PER_ACCOUNT} of the
   * account's events wait: a batch makes codes as fast as their events are fanned out, so that its
   * backlog stays small and the stream keeps being read for every account.
   */
  void awaitRoom(Tenant account) {
    long deadline = System.nanoTime() + LONGEST_WAIT_FOR_ROOM.toNanos();
    synchronized (this) {
      for (long left = deadline - System.nanoTime(); open && left > 0 && waitingOf(account) > ROOM_PER_ACCOUNT;
          left = deadline - System.nanoTime()) {
        try {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private int waitingOf(Tenant account) {
    Deque<Map<String, Object>> queued = waiting.get(account);
    return queued == null ? 0 : queued.size();
  }

  /** Whether the poller should wait before reading more. */
  synchronized boolean full() {
    return count >= MAX_WAITING;
  }

  /** Starts turns while a worker and an account not in a turn are free. */
  private void dispatch() {
    while (open) {
      Tenant account = null;
      List<Map<String, Object>> turn = new ArrayList<>();
      synchronized (this) {
        if (inTurn.size() >= WORKERS) {
          return;
        }
        for (Tenant candidate : waiting.keySet()) {
          if (!inTurn.contains(candidate)) {
            account = candidate;
            break;
          }
        }
        if (account == null) {
          return;
        }
        Deque<Map<String, Object>> queued = waiting.remove(account);
        while (turn.size() < PER_TURN && !queued.isEmpty()) {
          turn.add(queued.poll());
        }
        count -= turn.size();
        if (!queued.isEmpty()) {
          waiting.put(account, queued); // to the back of the turn order
        }
        inTurn.add(account);
        notifyAll(); // room, maybe, for a waiting batch
      }
      Tenant taking = account;
      workers.execute(() -> WorkAccount.run(taking, () -> take(taking, turn)));
    }
  }

  private void take(Tenant account, List<Map<String, Object>> turn) {
    List<Map<String, Object>> again = List.of();
    try {
      again = run.failedOf(turn, () -> open);
    } catch (RuntimeException unexpected) {
      err.println("webhook fan-out failed (" + unexpected + "); trying again");
      again = turn;
    } finally {
      synchronized (this) {
        inTurn.remove(account);
      }
    }
    if (!again.isEmpty() && open) {
      List<Map<String, Object>> retry = again;
      workers.schedule(() -> add(retry), RETRY_AFTER.toMillis(), TimeUnit.MILLISECONDS);
    }
    dispatch();
  }

  @Override
  public void close() {
    open = false;
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
