package dev.couponapi.app;

import dev.couponapi.service.Metrics;
import dev.couponapi.wire.Json;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metrics as CloudWatch's embedded metric format: one JSON log line per count, which CloudWatch
 * Logs turns into a metric of the namespace {@link #NAMESPACE} without any call to CloudWatch.
 */
public final class EmfMetrics implements Metrics {

  public static final String NAMESPACE = "CouponApi";

  private final PrintStream out;
  private final Clock clock;

  public EmfMetrics(PrintStream out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  @Override
  public void count(String metric, String dimension, String value, long n) {
    Map<String, Object> directive = new LinkedHashMap<>();
    directive.put("Namespace", NAMESPACE);
    directive.put("Dimensions", List.of(List.of(dimension)));
    directive.put("Metrics", List.of(Map.of("Name", metric, "Unit", "Count")));
    Map<String, Object> aws = new LinkedHashMap<>();
    aws.put("Timestamp", clock.millis());
    aws.put("CloudWatchMetrics", List.of(directive));
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("_aws", aws);
    line.put(dimension, value);
    line.put(metric, n);
    out.println(Json.writeString(line));
  }
}
