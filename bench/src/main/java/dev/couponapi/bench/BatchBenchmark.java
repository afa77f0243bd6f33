package dev.couponapi.bench;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.app.App;
import dev.couponapi.app.RedemptionSettings;
import dev.couponapi.ddblocal.DynamoDbLocalServer;
import dev.couponapi.local.LocalTable;
import dev.couponapi.service.BatchJob;
import dev.couponapi.service.JobQueue;
import dev.couponapi.service.PromotionCodeBatchService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A promotion-code batch on the local runner: codes per second for one batch (default 100,000
 * single-use codes), the worker as {@code ./run-local serve} runs it (in-process engine, one shard
 * per counter); then write units per code for a smaller batch with {@code ReturnConsumedCapacity=INDEXES},
 * as DynamoDB Local reports them and as DynamoDB's published rules compute them.
 */
public final class BatchBenchmark {

  private BatchBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int metered = args.length > 1 ? Integer.parseInt(args[1]) : 3_200;
    System.out.printf("promotion-code batch on the local runner (%s)%n", Bench.machine());
    speed(count);
    singles(Math.max(1, count / 50));
    units(metered, 1, "single-use codes (max_redemptions=1, 1 shard each)", "&max_redemptions=1");
    units(metered / 4, 8, "unlimited codes (8 shards each, the template's default)", "");
    singleUnits(Math.max(1, metered / 16));
  }

  /** The same codes one request each, as Stripe makes them: POST /v1/promotion_codes back to back. */
  private static void singles(int count) throws Exception {
    try (DynamoDbLocalServer dynamo = DynamoDbLocalServer.inMemory(0)) {
      LocalTable.ensure(dynamo.client(), Bench.TABLE);
      App app = new App(dynamo.inProcessClient(), Bench.TABLE, Clock.systemUTC(), ApiVersion.parse(ApiVersion.FALLBACK),
          RedemptionSettings.UNCACHED.withShards(1), JobQueue.missing("a batch queue"));
      Bench.body(app, app.resource(dev.couponapi.http.CouponResource.class).create(), Bench.event("POST", "/v1/coupons", null, "id=WAVE&percent_off=20"));
      long started = System.nanoTime();
      for (int i = 0; i < count; i++) {
        Bench.body(app, app.resource(dev.couponapi.http.PromotionCodeResource.class).create(), Bench.event("POST", "/v1/promotion_codes", null,
            "promotion[type]=coupon&promotion[coupon]=WAVE&max_redemptions=1"));
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("  %,d codes one POST /v1/promotion_codes each (in-process, back to back): %.1f s, %,.0f codes/s%n",
          count, seconds, count / seconds);
    }
  }

  /** Write units per code of single creates, metered as a batch's are. */
  private static void singleUnits(int count) throws Exception {
    HotCodeBenchmark.Meter meter = new HotCodeBenchmark.Meter();
    try (DynamoDbLocalServer dynamo = DynamoDbLocalServer.inMemory(0)) {
      meter.watch(dynamo);
      App app = new App(dynamo.client(meter), Bench.TABLE, Clock.systemUTC(), ApiVersion.parse(ApiVersion.FALLBACK),
          RedemptionSettings.UNCACHED.withShards(1), JobQueue.missing("a batch queue"));
      Bench.body(app, app.resource(dev.couponapi.http.CouponResource.class).create(), Bench.event("POST", "/v1/coupons", null, "id=WAVE&percent_off=20"));
      meter.on = true;
      for (int i = 0; i < count; i++) {
        Bench.body(app, app.resource(dev.couponapi.http.PromotionCodeResource.class).create(), Bench.event("POST", "/v1/promotion_codes", null,
            "promotion[type]=coupon&promotion[coupon]=WAVE&max_redemptions=1"));
      }
      meter.on = false;
      System.out.printf("  single-use codes one POST each, %,d codes: %,d calls; write units per code: %.2f table + "
          + "%.2f index = %.2f by DynamoDB's rules%n", count, meter.calls().size(), meter.tableWriteUnits / count,
          meter.indexWriteUnits / count, (meter.tableWriteUnits + meter.indexWriteUnits) / count);
    }
  }

  /** Codes per second of one batch, from the create's answer to the worker's last chunk. */
  private static void speed(int count) throws Exception {
    try (DynamoDbLocalServer dynamo = DynamoDbLocalServer.inMemory(0)) {
      LocalTable.ensure(dynamo.client(), Bench.TABLE);
      List<BatchJob> jobs = new ArrayList<>();
      App app = new App(dynamo.inProcessClient(), Bench.TABLE, Clock.systemUTC(), ApiVersion.parse(ApiVersion.FALLBACK),
          RedemptionSettings.UNCACHED.withShards(1), (job, delay) -> jobs.add(job));
      Bench.body(app, app.resource(dev.couponapi.http.CouponResource.class).create(), Bench.event("POST", "/v1/coupons", null, "id=WAVE&percent_off=20"));
      String id = Bench.id(Bench.body(app, app.resource(dev.couponapi.http.PromotionCodeBatchResource.class).create(), Bench.event("POST", "/v1/promotion_code_batches",
          null, "promotion[type]=coupon&promotion[coupon]=WAVE&count=" + count + "&max_redemptions=1&prefix=W")));
      long started = System.nanoTime();
      PromotionCodeBatchService.Progress progress = app.batchService().work(jobs.get(0), () -> true);
      double seconds = (System.nanoTime() - started) / 1e9;
      String status = (String) dev.couponapi.wire.Json.readObject(Bench.body(app, app.resource(dev.couponapi.http.PromotionCodeBatchResource.class).retrieve(),
          Bench.event("GET", "/v1/promotion_code_batches/" + id, Map.of("batch", id), null))).get("status");
      System.out.printf("  %,d single-use codes: %.1f s, %,.0f codes/s (worker run %s, batch %s)%n", count, seconds,
          count / seconds, progress, status);
    }
  }

  /** Write units per code of a batch of {@code count} codes, with {@code shards} shards per counter. */
  private static void units(int count, int shards, String label, String terms) throws Exception {
    HotCodeBenchmark.Meter meter = new HotCodeBenchmark.Meter();
    try (DynamoDbLocalServer dynamo = DynamoDbLocalServer.inMemory(0)) {
      meter.watch(dynamo);
      List<BatchJob> jobs = new ArrayList<>();
      App app = new App(dynamo.client(meter), Bench.TABLE, Clock.systemUTC(), ApiVersion.parse(ApiVersion.FALLBACK),
          RedemptionSettings.UNCACHED.withShards(shards), (job, delay) -> jobs.add(job));
      Bench.body(app, app.resource(dev.couponapi.http.CouponResource.class).create(), Bench.event("POST", "/v1/coupons", null, "id=WAVE&percent_off=20"));
      Bench.body(app, app.resource(dev.couponapi.http.PromotionCodeBatchResource.class).create(), Bench.event("POST", "/v1/promotion_code_batches", null,
          "promotion[type]=coupon&promotion[coupon]=WAVE&count=" + count + terms));
      meter.on = true;
      app.batchService().work(jobs.get(0), () -> true);
      meter.on = false;
      System.out.printf("  %s, %,d codes: %,d calls (%.1f codes a transaction); write units per code: "
          + "%.2f table + %.2f index = %.2f by DynamoDB's rules; DynamoDB Local reports %.2f%n", label, count,
          meter.calls().size(), (double) count / meter.calls().stream().filter("TransactWriteItems"::equals).count(),
          meter.tableWriteUnits / count, meter.indexWriteUnits / count,
          (meter.tableWriteUnits + meter.indexWriteUnits) / count, meter.reportedWriteUnits / count);
    }
  }
}
