package dev.couponapi.bench;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.app.App;
import dev.couponapi.ddblocal.DynamoDbLocalServer;
import dev.couponapi.local.LocalTable;
import dev.couponapi.service.ExpirySweep;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Renewals (docs/api.md §7.1) on the local runner: {@code n} monthly subscriptions (default 10,000,
 * each its own customer, with a coupon) all due at once, renewed by sweep runs as {@code ./run-local
 * serve} makes them (in-process engine, the template's 5,000 items a run): how long until all are
 * renewed; then calls and write units per renewal for a smaller set, as DynamoDB's published rules
 * compute them from the items written.
 */
public final class RenewalBenchmark {

  private static final String ITEM = "&items[0][price_data][currency]=usd&items[0][price_data][product]=prod_A"
      + "&items[0][price_data][unit_amount]=2000&items[0][price_data][recurring][interval]=month";
  /** The template's SweepMaxItems: what one scheduled run handles at most. */
  private static final int RUN_ITEMS = 5_000;

  private RenewalBenchmark() {}

  /** A clock the benchmark moves: a month on, as the subscriptions' periods end. */
  private static final class MovableClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    public Clock withZone(ZoneId zone) {
      return this;
    }

    public Instant instant() {
      return now.get();
    }

    void monthLater() {
      now.set(now.get().atOffset(ZoneOffset.UTC).plusMonths(1).plusMinutes(1).toInstant());
    }
  }

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int metered = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int clocked = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
    System.out.printf("renewals on the local runner (%s)%n", Bench.machine());
    if (count > 0) {
      speed(count);
    }
    if (metered > 0) {
      units(metered);
    }
    if (clocked > 0) {
      year(clocked);
    }
  }

  /**
   * A test clock with {@code count} customers, each with a monthly subscription, advanced a year a
   * month at a time (two months is the most Stripe allows an advance); each advance finished as
   * serve finishes it (the request's part, then sweep runs until the clock is ready).
   */
  private static void year(int count) throws Exception {
    try (DynamoDbLocalServer dynamo = DynamoDbLocalServer.inMemory(0)) {
      LocalTable.ensure(dynamo.client(), Bench.TABLE);
      MovableClock wall = new MovableClock();
      App app = new App(dynamo.inProcessClient(), Bench.TABLE, wall, ApiVersion.parse(ApiVersion.FALLBACK));
      long start = wall.instant().getEpochSecond();
      String clock = Bench.id(Bench.body(app, app.resource(dev.couponapi.http.TestClockResource.class).create(),
          Bench.event("POST", "/v1/test_helpers/test_clocks", null, "frozen_time=" + start)));
      for (int i = 0; i < count; i++) {
        String customer = Bench.id(Bench.body(app, app.resource(dev.couponapi.http.CustomerResource.class).create(),
            Bench.event("POST", "/v1/customers", null, "name=c" + i + "&test_clock=" + clock)));
        Bench.body(app, app.resource(dev.couponapi.http.SubscriptionResource.class).create(),
            Bench.event("POST", "/v1/subscriptions", null, "customer=" + customer + ITEM));
      }
      long started = System.nanoTime();
      int runs = 0;
      for (int month = 1; month <= 12; month++) {
        long target = java.time.Instant.ofEpochSecond(start).atOffset(ZoneOffset.UTC).plusMonths(month).toEpochSecond();
        String answer = Bench.body(app, app.resource(dev.couponapi.http.TestClockResource.class).advance(),
            Bench.event("POST", "/v1/test_helpers/test_clocks/" + clock + "/advance", java.util.Map.of("test_clock",
                clock), "frozen_time=" + target));
        while (answer.contains("\"advancing\"")) {
          app.sweep().run(RUN_ITEMS);
          runs++;
          answer = Bench.body(app, app.resource(dev.couponapi.http.TestClockResource.class).retrieve(),
              Bench.event("GET", "/v1/test_helpers/test_clocks/" + clock, java.util.Map.of("test_clock", clock), null));
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("  a test clock advanced a year, a month at a time, over %,d monthly subscriptions: %,d "
          + "renewals in %.1f s (%d sweep runs finished what the requests left), %,.0f renewals/s%n", count,
          12L * count, seconds, runs, 12.0 * count / seconds);
    }
  }

  private static App subscribed(DynamoDbLocalServer dynamo, software.amazon.awssdk.services.dynamodb.DynamoDbClient client,
      MovableClock clock, int count) {
    LocalTable.ensure(dynamo.client(), Bench.TABLE);
    App app = new App(client, Bench.TABLE, clock, ApiVersion.parse(ApiVersion.FALLBACK));
    Bench.body(app, app.resource(dev.couponapi.http.CouponResource.class).create(),
        Bench.event("POST", "/v1/coupons", null, "id=LOYAL&percent_off=10&duration=forever"));
    for (int i = 0; i < count; i++) {
      String customer = Bench.id(Bench.body(app, app.resource(dev.couponapi.http.CustomerResource.class).create(),
          Bench.event("POST", "/v1/customers", null, "name=c" + i)));
      Bench.body(app, app.resource(dev.couponapi.http.SubscriptionResource.class).create(),
          Bench.event("POST", "/v1/subscriptions", null, "customer=" + customer + ITEM + "&discounts[0][coupon]=LOYAL"));
    }
    // a sweep at creation, as serve's schedule makes one: the days before are swept
    app.sweep().run(RUN_ITEMS);
    return app;
  }

  private static void speed(int count) throws Exception {
    try (DynamoDbLocalServer dynamo = DynamoDbLocalServer.inMemory(0)) {
      MovableClock clock = new MovableClock();
      App app = subscribed(dynamo, dynamo.inProcessClient(), clock, count);
      clock.monthLater();
      long started = System.nanoTime();
      long renewals = 0;
      int runs = 0;
      ExpirySweep.Summary summary;
      do {
        summary = app.sweep().run(RUN_ITEMS);
        renewals += summary.renewals();
        runs++;
      } while (!summary.complete());
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("  %,d subscriptions due at once: %,d renewals in %d sweep runs of up to %,d items, %.1f s, "
          + "%,.0f renewals/s%n", count, renewals, runs, RUN_ITEMS, seconds, renewals / seconds);
    }
  }

  private static void units(int count) throws Exception {
    HotCodeBenchmark.Meter meter = new HotCodeBenchmark.Meter();
    try (DynamoDbLocalServer dynamo = DynamoDbLocalServer.inMemory(0)) {
      meter.watch(dynamo);
      MovableClock clock = new MovableClock();
      App app = subscribed(dynamo, dynamo.client(meter), clock, count);
      clock.monthLater();
      meter.on = true;
      long renewals = app.sweep().run(RUN_ITEMS).renewals();
      meter.on = false;
      long queries = meter.calls().stream().filter("Query"::equals).count();
      System.out.printf("  %,d renewals metered: %,d calls (%,d of them the sweep's Query of due days and shards); "
          + "per renewal %.2f calls, write units %.2f table + %.2f index = %.2f by DynamoDB's rules%n", renewals,
          meter.calls().size(), queries, (double) (meter.calls().size() - queries) / renewals,
          meter.tableWriteUnits / renewals, meter.indexWriteUnits / renewals,
          (meter.tableWriteUnits + meter.indexWriteUnits) / renewals);
    }
  }
}
