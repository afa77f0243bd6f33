package dev.couponapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;

/** Stopping serve: a stream read that the engine's closing cuts short is no error to report. */
class StreamPollerTest {

  @Test
  void aReadCutShortByTheStopIsNotReportedAndCloseWaitsForIt() throws Exception {
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch engineClosed = new CountDownLatch(1);
    DynamoDbClient closingEngine = describingTableBy(() -> {
      reading.countDown();
      // an engine call goes on through an interrupt, until the engine stops under it
      while (engineClosed.getCount() > 0) {
        try {
          engineClosed.await();
        } catch (InterruptedException notHeard) {
          // as the engine does
        }
      }
      throw new IllegalStateException("the engine has stopped");
    });
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    StreamPoller poller = new StreamPoller(closingEngine, null, LocalTable.NAME, null,
        new PrintStream(err, true, StandardCharsets.UTF_8), null).start();
    assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

    Thread engineStop = new Thread(() -> {
      sleep(200);
      engineClosed.countDown();
    });
    engineStop.start();
    poller.close();

    assertThat(engineClosed.getCount()).as("close waited for the read in progress").isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aFailedReadWhileRunningIsReported() throws Exception {
    CountDownLatch failedOnce = new CountDownLatch(1);
    DynamoDbClient failing = describingTableBy(() -> {
      failedOnce.countDown();
      throw new IllegalStateException("no such table");
    });
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (StreamPoller poller = new StreamPoller(failing, null, LocalTable.NAME, null,
        new PrintStream(err, true, StandardCharsets.UTF_8), null).start()) {
      assertThat(failedOnce.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 100 && err.size() == 0; i++) {
        sleep(20);
      }
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

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
