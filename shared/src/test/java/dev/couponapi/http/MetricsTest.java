package dev.couponapi.http;

import static dev.couponapi.http.DiscountFixture.CLOVER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.app.EmfMetrics;
import dev.couponapi.testing.TestApp;
import dev.couponapi.wire.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The counts a dashboard shows (docs/operations.md, "Metrics"): redemptions by kind, refusals by
 * reason, webhook deliveries by outcome, as embedded-metric log lines with one dimension, never
 * the account.
 */
class MetricsTest {

  private final DiscountFixture f = new DiscountFixture();

  @Test
  void redemptionsAndRefusals_areCountedByKindAndReason() {
    f.coupon("id=ONCE&percent_off=10&max_redemptions=1");
    f.customer("coupon=ONCE");
    assertThat(TestApp.body(f.client.version(CLOVER).post("/v1/customers", "coupon=ONCE")).toString())
        .contains("coupon_expired");
    assertThat(TestApp.body(f.client.version(CLOVER).post("/v1/customers", "coupon=NOPE")).toString())
        .contains("resource_missing");
    assertThat(TestApp.body(f.client.version(CLOVER).post("/v1/customers", "coupon=")).toString())
        .contains("error");

    assertThat(f.test.metrics).containsEntry("Redemptions Kind=coupon", 1L)
        .containsEntry("Refusals Reason=coupon_expired", 1L).containsEntry("Refusals Reason=resource_missing", 1L)
        .hasSize(3);
  }

  @Test
  void aDeliveryAttempt_isCountedByItsOutcome() {
    f.client.ok("/v1/webhook_endpoints", "url=http://127.0.0.1:9/none&enabled_events[]=*");
    f.coupon("id=HOOK&percent_off=10");
    f.test.fanOut(DiscountFixture.TENANT);
    var job = f.test.deliveryQueue.take().get(0).job();

    f.test.app.deliveryWork().run(job, () -> true);

    assertThat(f.test.metrics).containsEntry("WebhookDeliveries Outcome=retrying", 1L);
  }

  @Test
  void aCount_isOneEmbeddedMetricLine_withItsOneDimension() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new EmfMetrics(new PrintStream(out, true, StandardCharsets.UTF_8), f.test.clock)
        .count("Refusals", "Reason", "coupon_expired", 1);

    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(1);
    assertThat(Json.readObject(lines.get(0))).isEqualTo(Map.of(
        "_aws", Map.of("Timestamp", TestApp.START.toEpochMilli(), "CloudWatchMetrics", List.of(Map.of(
            "Namespace", "CouponApi", "Dimensions", List.of(List.of("Reason")),
            "Metrics", List.of(Map.of("Name", "Refusals", "Unit", "Count"))))),
        "Reason", "coupon_expired", "Refusals", 1));
  }
}
