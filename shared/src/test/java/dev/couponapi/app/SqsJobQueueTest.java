package dev.couponapi.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import dev.couponapi.service.DeliveryJob;
import dev.couponapi.testing.MutableClock;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Waits in the queue are what the schedule says (docs/events.md, "Retries"): never a visibility SQS
 * refuses (more than 12 hours from the message's receipt), and a longer wait waited out in full.
 */
class SqsJobQueueTest {

  private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
  private static final DeliveryJob JOB = new DeliveryJob(new Tenant("acct_sqs", true), "evt_1", "we_1");

  private final MutableClock clock = new MutableClock(START);
  private final List<Object> requests = new ArrayList<>();
  private final SqsClient sqs = (SqsClient) Proxy.newProxyInstance(SqsClient.class.getClassLoader(),
      new Class<?>[] {SqsClient.class}, (proxy, method, args) -> {
        if (args != null && args.length == 1 && args[0] instanceof java.util.function.Consumer<?> build) {
          requests.add(build(method.getName(), build));
          return null;
        }
        throw new UnsupportedOperationException(method.getName());
      });
  private final SqsJobQueue<DeliveryJob> queue = new SqsJobQueue<>("https://sqs.test/queue", JobCodec.DELIVERY,
      () -> sqs, clock);

  @SuppressWarnings("unchecked")
  private static Object build(String method, java.util.function.Consumer<?> build) {
    if (method.equals("sendMessage")) {
      SendMessageRequest.Builder request = SendMessageRequest.builder();
      ((java.util.function.Consumer<SendMessageRequest.Builder>) build).accept(request);
      return request.build();
    }
    ChangeMessageVisibilityRequest.Builder request = ChangeMessageVisibilityRequest.builder();
    ((java.util.function.Consumer<ChangeMessageVisibilityRequest.Builder>) build).accept(request);
    return request.build();
  }

  private Map<String, Object> record(String body) {
    return Map.of("messageId", "m1", "receiptHandle", "r1", "body", body);
  }

  @Test
  void aWaitThatFits_isTheMessagesVisibility_andTheRecordComesAgain() {
    boolean failed = queue.postpone(record(JobCodec.DELIVERY.encode(JOB)), Duration.ofHours(2), START);
    assertThat(failed).isTrue();
    assertThat(((ChangeMessageVisibilityRequest) requests.get(0)).visibilityTimeout()).isEqualTo(7200);
  }

  @Test
  void twelveHoursLater_inTheSameReceipt_neverAsksForMoreThanSqsAllows() {
    clock.advance(Duration.ofMinutes(5));  // the attempt took its time after the receipt
    boolean failed = queue.postpone(record(JobCodec.DELIVERY.encode(JOB)), Duration.ofHours(12), START);
    assertThat(failed).as("the job went on as a new message instead").isFalse();
    SendMessageRequest resent = (SendMessageRequest) requests.get(0);
    assertThat(resent.delaySeconds()).isEqualTo(900);
    assertThat(JobCodec.notBefore(resent.messageBody())).contains(clock.instant().plus(Duration.ofHours(12)));
    assertThat(JobCodec.DELIVERY.decode(resent.messageBody())).isEqualTo(JOB);
    assertThat(requests).noneMatch(request -> request instanceof ChangeMessageVisibilityRequest visibility
        && visibility.visibilityTimeout() > SqsJobQueue.MAX_VISIBILITY_SECONDS);
  }

  @Test
  void aMessageThatArrivesEarly_isNotRun_andWaitsTheRest() {
    AtomicInteger ran = new AtomicInteger();
    BackgroundWork<DeliveryJob> work = new BackgroundWork<>() {
      public String operation() {
        return "test";
      }

      public Map<String, Object> describe(DeliveryJob job) {
        return Map.of();
      }

      public Outcome run(DeliveryJob job, BooleanSupplier hasTime) {
        ran.incrementAndGet();
        return new Outcome.Done("succeeded");
      }
    };
    RecordBatchRun<DeliveryJob> run = new RecordBatchRun<>(RecordBatchRun.sqs(JobCodec.DELIVERY), work, queue, clock,
        new PrintStream(OutputStream.nullOutputStream()));
    String waiting = JobCodec.waitingUntil(JobCodec.DELIVERY.encode(JOB), START.plus(Duration.ofHours(5)));
    clock.advance(Duration.ofMinutes(15));  // its 15-minute delay is over: 4 h 45 min are left
    Map<String, Object> answer = run.run(Map.of("Records", List.of(record(waiting))), () -> true);
    assertThat(ran).hasValue(0);
    assertThat(answer).isEqualTo(Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "m1"))));
    assertThat(((ChangeMessageVisibilityRequest) requests.get(0)).visibilityTimeout()).isEqualTo(4 * 3600 + 45 * 60);
    clock.advance(Duration.ofHours(5));
    assertThat(run.run(Map.of("Records", List.of(record(waiting))), () -> true))
        .isEqualTo(Map.of("batchItemFailures", List.of()));
    assertThat(ran).hasValue(1);
  }
}
