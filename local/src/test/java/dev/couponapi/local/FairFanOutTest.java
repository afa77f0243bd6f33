package dev.couponapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.app.BackgroundWork;
import dev.couponapi.app.FanOutWork;
import dev.couponapi.app.RecordBatchRun;
import dev.couponapi.domain.Tenant;
import dev.couponapi.store.ObjectType;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** serve's fan-out takes accounts in turn: one account's flood of events never holds another's behind it. */
class FairFanOutTest {

  private static final Tenant FLOOD = new Tenant("acct_flood", false);
  private static final Tenant QUIET = new Tenant("acct_quiet", false);

  /** The flood's events wait here until released; every event fanned out is noted. */
  private final CountDownLatch floodMayGoOn = new CountDownLatch(1);
  private final List<String> fannedOut = Collections.synchronizedList(new ArrayList<>());
  /** Counted down when the quiet account's event is fanned out: what the first test waits on. */
  private final CountDownLatch quietFannedOut = new CountDownLatch(1);
  private final AtomicInteger sequence = new AtomicInteger();
  private final FairFanOut fanOut = new FairFanOut(new RecordBatchRun<>(FanOutWork.STREAM, new Work(),
      RecordBatchRun.Postponer.NONE, Clock.systemUTC(), quiet()), quiet());

  @AfterEach
  void stop() {
    floodMayGoOn.countDown();
    fanOut.close();
  }

  @Test
  void anotherAccountsEventIsFannedOutWhileAFloodWaits() throws Exception {
    fanOut.add(records(FLOOD, 500));
    fanOut.add(records(QUIET, 1));

    assertThat(quietFannedOut.await(10, TimeUnit.SECONDS)).as("the quiet account's event is fanned out").isTrue();

    assertThat(fannedOut).as("what was fanned out while the flood's first turn is held").containsExactly("acct_quiet");
  }

  @Test
  void aBatchWaitsForRoomWhileItsAccountsEventsPileUpAndNoOtherAccountDoes() throws Exception {
    fanOut.add(records(FLOOD, FairFanOut.ROOM_PER_ACCOUNT + 2 * FairFanOut.PER_TURN));
    CountDownLatch floodHadRoom = new CountDownLatch(1);
    Thread floodBatch = new Thread(() -> {
      fanOut.awaitRoom(FLOOD);
      floodHadRoom.countDown();
    });
    floodBatch.setDaemon(true);
    floodBatch.start();

    CountDownLatch quietHadRoom = new CountDownLatch(1);
    new Thread(() -> {
      fanOut.awaitRoom(QUIET);
      quietHadRoom.countDown();
    }).start();

    assertThat(quietHadRoom.await(10, TimeUnit.SECONDS)).as("another account's batch goes on").isTrue();
    assertThat(floodHadRoom.getCount()).as("the flood's batch waits").isEqualTo(1);
    floodMayGoOn.countDown();
    assertThat(floodHadRoom.await(10, TimeUnit.SECONDS)).as("once its events are fanned out, it goes on").isTrue();
  }

  /** New-event stream records for this account, in Lambda's shape, numbered in stream order. */
  private List<Map<String, Object>> records(Tenant tenant, int count) {
    return IntStream.range(0, count).mapToObj(i -> {
      String pk = ObjectType.EVENT.key(tenant, "evt_" + sequence.incrementAndGet());
      Map<String, Object> record = Map.of("eventName", "INSERT", "dynamodb", Map.of(
          "Keys", Map.of("pk", Map.of("S", pk)), "SequenceNumber", String.format("%021d", sequence.get())));
      return record;
    }).toList();
  }

  private static PrintStream quiet() {
    return new PrintStream(OutputStream.nullOutputStream());
  }

  /** Fans out by noting the account; the flood's events wait for the latch. */
  private final class Work implements BackgroundWork<FanOutWork.NewEvent> {
    @Override
    public String operation() {
      return "webhooks.fan_out";
    }

    @Override
    public Map<String, Object> describe(FanOutWork.NewEvent job) {
      return Map.of("event", job.eventId());
    }

    @Override
    public Outcome run(FanOutWork.NewEvent job, BooleanSupplier hasTime) {
      if (job.tenant().equals(FLOOD)) {
        try {
          floodMayGoOn.await();
        } catch (InterruptedException stopped) {
          Thread.currentThread().interrupt();
        }
      }
      fannedOut.add(job.tenant().account());
      if (job.tenant().equals(QUIET)) {
        quietFannedOut.countDown();
      }
      return new Outcome.Done("noted");
    }
  }
}
