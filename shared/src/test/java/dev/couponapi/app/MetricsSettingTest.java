package dev.couponapi.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.service.Metrics;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Metrics are written as EMF lines in Lambda only: serve's console and the benchmarks stay quiet. */
class MetricsSettingTest {

  @Test
  void inLambda_emfLines_elsewhere_nothing() {
    assertThat(App.metricsFromEnvironment(Clock.systemUTC())).isSameAs(Metrics.NONE);
    System.setProperty("AWS_LAMBDA_FUNCTION_NAME", "ApplyDiscountFunction");
    try {
      assertThat(App.metricsFromEnvironment(Clock.systemUTC())).isInstanceOf(EmfMetrics.class);
    } finally {
      System.clearProperty("AWS_LAMBDA_FUNCTION_NAME");
    }
  }
}
