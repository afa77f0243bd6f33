package dev.couponapi.bench;

import dev.couponapi.ddblocal.DynamoDbLocalServer;
import dev.couponapi.domain.Tenant;
import dev.couponapi.app.App;
import dev.couponapi.http.ProxyEvent;
import dev.couponapi.local.LocalTable;
import dev.couponapi.api.ApiVersion;
import dev.couponapi.wire.Json;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** What the benchmarks share: DynamoDB Local on loopback, an App on it, events, statistics. */
final class Bench {

  static final String TABLE = LocalTable.NAME;
  static final Tenant TENANT = new Tenant("acct_bench", false);

  private Bench() {}

  static App app(DynamoDbLocalServer dynamo) {
    LocalTable.ensure(dynamo.client(), TABLE);
    return new App(dynamo.client(), TABLE, Clock.systemUTC(), ApiVersion.parse(ApiVersion.FALLBACK));
  }

  /** A REST proxy event for {@link #TENANT}, as API Gateway sends it after the authorizer. */
  static Map<String, Object> event(String method, String path, Map<String, String> pathParameters, String body) {
    return ProxyEvent.of(method, path, pathParameters, body, TENANT);
  }

  static String body(App app, dev.couponapi.http.Operation operation, Map<String, Object> event) {
    var response = app.pipeline().handle(operation, event);
    if (response.status() != 200) {
      throw new IllegalStateException("setup request failed: " + response.bodyText());
    }
    return response.bodyText();
  }

  static String id(String json) {
    return (String) Json.readObject(json).get("id");
  }

  /** min / median / max of a sample. */
  record Stats(long min, long median, long max) {
    static Stats of(List<Long> sample) {
      long[] sorted = sample.stream().mapToLong(Long::longValue).sorted().toArray();
      long median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
          : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
      return new Stats(sorted[0], median, sorted[sorted.length - 1]);
    }

    static long percentile(long[] sorted, double p) {
      if (sorted.length == 0) {
        return 0;
      }
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
  }

  static String machine() {
    return System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", "
        + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
        + System.getProperty("os.arch");
  }

  static long[] sorted(List<Long> values) {
    long[] array = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(array);
    return array;
  }
}
