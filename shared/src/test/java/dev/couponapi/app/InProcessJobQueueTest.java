package dev.couponapi.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import dev.couponapi.service.DeliveryJob;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** serve's queues: one account's stuck jobs hold some of the workers, never all of them. */
class InProcessJobQueueTest {

  private static final Tenant NOISY = new Tenant("acct_noisy", false);
  private static final Tenant QUIET = new Tenant("acct_quiet", false);
  private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

  /** Jobs of the noisy account block until released; the quiet account's finish at once. */
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch quietDone = new CountDownLatch(1);
  private final CountDownLatch twoNoisyRunning = new CountDownLatch(1);
  private final AtomicInteger noisyRunning = new AtomicInteger();
  private final Map<Tenant, AtomicInteger> mostAtOnce = new ConcurrentHashMap<>();

  private final BackgroundWork<DeliveryJob> work = new BackgroundWork<>() {
    public String operation() {
      return "test";
    }

    public Map<String, Object> describe(DeliveryJob job) {
      return Map.of();
    }

    public Outcome run(DeliveryJob job, BooleanSupplier hasTime) {
      if (job.tenant().equals(QUIET)) {
        quietDone.countDown();
        return new Outcome.Done("succeeded");
      }
      int now = noisyRunning.incrementAndGet();
      mostAtOnce.computeIfAbsent(NOISY, account -> new AtomicInteger()).accumulateAndGet(now, Math::max);
      if (now == 2) {
        twoNoisyRunning.countDown();
      }
      try {
        release.await();
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
      } finally {
        noisyRunning.decrementAndGet();
      }
      return new Outcome.Done("succeeded");
    }
  };

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void anAccountWithStuckDeliveries_leavesWorkersForTheOthers() throws Exception {
    InProcessJobQueue.Settings settings = new InProcessJobQueue.Settings("test", 4, 2, Duration.ofSeconds(60), 0,
        Duration.ofSeconds(1), false);
    try (InProcessJobQueue<DeliveryJob> queue = new InProcessJobQueue<>(JobCodec.DELIVERY, DeliveryJob::tenant,
        settings, NOWHERE)) {
      queue.attach(work);
      for (int i = 0; i < 16; i++) {
        queue.send(new DeliveryJob(NOISY, "evt_" + i, "we_slow"), Duration.ZERO);
      }
      queue.send(new DeliveryJob(QUIET, "evt_q", "we_fast"), Duration.ZERO);
      assertThat(quietDone.await(20, TimeUnit.SECONDS)).as("the quiet account's delivery ran").isTrue();
      assertThat(twoNoisyRunning.await(20, TimeUnit.SECONDS)).isTrue();
      assertThat(mostAtOnce.get(NOISY).get()).as("the noisy account's attempts in flight at once").isEqualTo(2);
      release.countDown();
    }
  }
}
