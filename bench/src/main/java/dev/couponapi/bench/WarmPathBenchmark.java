package dev.couponapi.bench;

import dev.couponapi.http.ApiResponse;
import dev.couponapi.app.App;
import dev.couponapi.http.Operation;
import dev.couponapi.api.ApiVersion;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process cost of a request on a warm container: decode → validate → service → render,
 * with the store replaced by {@link InMemoryDynamo}. Run with
 * {@code java -cp … org.openjdk.jmh.Main WarmPathBenchmark} (see bench/run).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WarmPathBenchmark {

  private App app;
  private Operation create;
  private Operation retrieve;
  private Operation list;
  private Map<String, Object> createEvent;
  private Map<String, Object> retrieveEvent;
  private Map<String, Object> listEvent;

  @Setup
  public void setUp() {
    app = new App(new InMemoryDynamo(), "bench", Clock.systemUTC(), ApiVersion.parse(ApiVersion.FALLBACK));
    create = app.resource(dev.couponapi.http.CouponResource.class).create();
    retrieve = app.resource(dev.couponapi.http.CouponResource.class).retrieve();
    list = app.resource(dev.couponapi.http.CouponResource.class).list();
    for (int i = 0; i < 10; i++) {
      app.pipeline().handle(create, Bench.event("POST", "/v1/coupons", null, "id=LIST" + i + "&percent_off=" + (i + 1)));
    }
    createEvent = Bench.event("POST", "/v1/coupons", null,
        "percent_off=25.5&duration=repeating&duration_in_months=3&name=Spring&metadata[campaign]=spring");
    retrieveEvent = Bench.event("GET", "/v1/coupons/LIST3", Map.of("coupon", "LIST3"), null);
    listEvent = Bench.event("GET", "/v1/coupons", null, null);
    listEvent.put("queryStringParameters", Map.of("limit", "10"));
  }

  @Benchmark
  public ApiResponse createCoupon() {
    return app.pipeline().handle(create, createEvent);
  }

  @Benchmark
  public ApiResponse retrieveCoupon() {
    return app.pipeline().handle(retrieve, retrieveEvent);
  }

  @Benchmark
  public ApiResponse listTenCoupons() {
    return app.pipeline().handle(list, listEvent);
  }
}
