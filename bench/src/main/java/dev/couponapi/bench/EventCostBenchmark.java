package dev.couponapi.bench;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.app.App;
import dev.couponapi.app.RedemptionSettings;
import dev.couponapi.ddblocal.DynamoDbLocalServer;
import java.time.Clock;
import java.util.Map;

/**
 * What each change costs in DynamoDB, measured with {@link HotCodeBenchmark.Meter} (write units by
 * DynamoDB's rules, read units as DynamoDB Local reports them), for the changes that record events.
 * Uses only API calls every version of App has, so bench/events-cost runs it on the code before
 * events too, and the difference is what an event costs.
 */
public final class EventCostBenchmark {

  private EventCostBenchmark() {}

  public static void main(String[] args) throws Exception {
    String label = args.length > 0 ? args[0] : "now";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    HotCodeBenchmark.Meter meter = new HotCodeBenchmark.Meter();
    try (DynamoDbLocalServer dynamo = DynamoDbLocalServer.inMemory(0)) {
      meter.watch(dynamo);
      App app = new App(dynamo.client(meter), Bench.TABLE, Clock.systemUTC(), ApiVersion.parse(ApiVersion.FALLBACK),
          RedemptionSettings.UNCACHED.withShards(1));
      System.out.println(label + " (" + rounds + " of each; units per operation; 1 shard per counter):");
      System.out.println(String.format("  %-34s %12s %12s %12s %10s", "operation", "table WU", "index WU",
          "total WU", "read RU"));
      measure(meter, "coupon create", rounds, i -> Bench.body(app, app.resource(dev.couponapi.http.CouponResource.class).create(),
          Bench.event("POST", "/v1/coupons", null, "id=C" + i + "&percent_off=10&name=Spring&metadata[a]=1")));
      measure(meter, "coupon update (name, metadata)", rounds, i -> Bench.body(app, app.resource(dev.couponapi.http.CouponResource.class).update(),
          Bench.event("POST", "/v1/coupons/C" + i, Map.of("coupon", "C" + i), "name=Summer&metadata[b]=2")));
      String[] codes = new String[rounds];
      measure(meter, "promotion code create", rounds, i -> codes[i] = Bench.id(Bench.body(app,
          app.resource(dev.couponapi.http.PromotionCodeResource.class).create(), Bench.event("POST", "/v1/promotion_codes", null,
              "promotion[type]=coupon&promotion[coupon]=C" + i + "&code=CODE" + i))));
      measure(meter, "promotion code update (metadata)", rounds, i -> Bench.body(app, app.resource(dev.couponapi.http.PromotionCodeResource.class).update(),
          Bench.event("POST", "/v1/promotion_codes/" + codes[i], Map.of("promotion_code", codes[i]),
              "metadata[n]=" + i)));
      measure(meter, "coupon delete", rounds, i -> Bench.body(app, app.resource(dev.couponapi.http.CouponResource.class).delete(),
          Bench.event("DELETE", "/v1/coupons/C" + i, Map.of("coupon", "C" + i), null)));
    }
  }

  interface Step {
    void run(int i) throws Exception;
  }

  private static void measure(HotCodeBenchmark.Meter meter, String label, int rounds, Step step) throws Exception {
    double table = meter.tableWriteUnits;
    double index = meter.indexWriteUnits;
    double read = meter.readUnits;
    meter.on = true;
    for (int i = 0; i < rounds; i++) {
      step.run(i);
    }
    meter.on = false;
    System.out.println(String.format("  %-34s %12.2f %12.2f %12.2f %10.2f", label, (meter.tableWriteUnits - table)
        / rounds, (meter.indexWriteUnits - index) / rounds, (meter.tableWriteUnits - table + meter.indexWriteUnits
        - index) / rounds, (meter.readUnits - read) / rounds));
  }
}
