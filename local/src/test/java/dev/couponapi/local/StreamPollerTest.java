package dev.couponapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;

/** Stopping serve: a stream read that the engine's closing cuts short is no error to report. */
class StreamPollerTest {

  @Test
  void aReadCutShortByTheStopIsNotReportedAndCloseWaitsForIt() throws Exception {
    Thread stopping = Thread.currentThread();
    CountDownLatch reading = new CountDownLatch(1);
    AtomicBoolean readEnded = new AtomicBoolean();
    DynamoDbClient closingEngine = describingTableBy(() -> {
      reading.countDown();
      // an engine call goes on through the stop's interrupt; it ends, cut short, only once the
      // poller is told to stop and the stopping thread waits in close() (or after 10 s, when
      // close() does not wait)
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!(Thread.currentThread().isInterrupted() && stopping.getState() == Thread.State.TIMED_WAITING)
          && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      readEnded.set(true);
      throw new IllegalStateException("the engine has stopped");
    });
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    StreamPoller poller = new StreamPoller(closingEngine, null, LocalTable.NAME, null, null, null,
        new PrintStream(err, true, StandardCharsets.UTF_8), null).start();
    assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

    poller.close();

    assertThat(readEnded).as("close waited for the read in progress").isTrue();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aFailedReadWhileRunningIsReported() throws Exception {
    DynamoDbClient failing = describingTableBy(() -> {
      throw new IllegalStateException("no such table");
    });
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CountDownLatch reported = new CountDownLatch(1);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8) {
      @Override
      public void println(String line) {
        super.println(line);
        reported.countDown();
      }
    };
    try (StreamPoller poller = new StreamPoller(failing, null, LocalTable.NAME, null, null, null, errStream, null).start()) {
      assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("webhook stream poll failed (java.lang.IllegalStateException: no such table); trying again");
  }

  /** A client whose DescribeTable, the poller's first call, is {@code describe}. */
  private static DynamoDbClient describingTableBy(Supplier<DescribeTableResponse> describe) {
    return new DynamoDbClient() {
      @Override
      public DescribeTableResponse describeTable(DescribeTableRequest request) {
        return describe.get();
      }

      @Override
      public String serviceName() {
        return "dynamodb";
      }

      @Override
      public void close() {}
    };
  }
}
