package dev.couponapi.bench;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.app.App;
import dev.couponapi.app.FanOutWork;
import dev.couponapi.app.RecordBatchRun;
import dev.couponapi.ddblocal.DynamoDbLocalServer;
import dev.couponapi.http.CouponResource;
import dev.couponapi.http.CustomerResource;
import dev.couponapi.http.PromotionCodeResource;
import dev.couponapi.wire.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * What the coupon statistics cost (docs/api.md §2.9; BENCHMARKS.md, "Coupon statistics"): n
 * redemptions of one promotion code, their events read back from DynamoDB Local's stream as the
 * counting function's trigger hands them over (only the events that redeemed), counted in batches
 * of 1, 10 and 100 records; write units by DynamoDB's rules ({@link HotCodeBenchmark.Meter}), per
 * 1,000 redemptions. Then every batch handed over again: what a replay costs, and that it counts
 * nothing twice. Also what the redemption's own write gains: the bytes its event carries. Args: n.
 */
public final class StatsBenchmark {

  private static final int[] BATCH_SIZES = {1, 10, 100};

  private StatsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int redemptions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    HotCodeBenchmark.Meter meter = new HotCodeBenchmark.Meter();
    try (DynamoDbLocalServer dynamo = DynamoDbLocalServer.inMemory(0)) {
      meter.watch(dynamo);
      App app = new App(dynamo.client(meter), Bench.TABLE, Clock.systemUTC(), ApiVersion.parse(ApiVersion.FALLBACK));
      DynamoDbStreamsClient streams = DynamoDbLocalServer.streamsClientFor(dynamo.endpoint());
      String streamArn = dynamo.client().describeTable(request -> request.tableName(Bench.TABLE)).table()
          .latestStreamArn();
      System.out.printf("Coupon statistics: %d redemptions of one promotion code per run (POST /v1/customers/{id} "
          + "promotion_code=…), counted from DynamoDB Local's stream; write units by DynamoDB's rules%n", redemptions);
      System.out.printf("  %-12s %8s %12s %12s %14s %16s%n", "batch size", "batches", "calls/batch", "read units",
          "write units", "per 1,000 redeemed");
      int seen = 0;
      for (int size : BATCH_SIZES) {
        String coupon = "STATS" + size;
        Bench.body(app, app.resource(CouponResource.class).create(), Bench.event("POST", "/v1/coupons", null,
            "id=" + coupon + "&percent_off=20"));
        String code = Bench.id(Bench.body(app, app.resource(PromotionCodeResource.class).create(), Bench.event("POST",
            "/v1/promotion_codes", null, "promotion[type]=coupon&promotion[coupon]=" + coupon)));
        for (int i = 0; i < redemptions; i++) {
          String customer = Bench.id(Bench.body(app, app.resource(CustomerResource.class).create(),
              Bench.event("POST", "/v1/customers", null, "email=s" + i + "%40example.com")));
          Bench.body(app, app.resource(CustomerResource.class).update(), Bench.event("POST", "/v1/customers/" + customer,
              Map.of("customer", customer), "promotion_code=" + code));
        }
        List<Map<String, Object>> records = redemptionEvents(dynamo, streams, streamArn);
        List<Map<String, Object>> fresh = records.subList(seen, records.size());
        seen = records.size();
        if (size == BATCH_SIZES[0]) {
          eventGrowth(dynamo, fresh);
        }
        RecordBatchRun<FanOutWork.NewEvent> run = app.statsRun();
        Costs first = count(meter, run, fresh, size);
        Costs again = count(meter, run, fresh, size);
        Map<String, Object> stats = Json.readObject(Bench.body(app, app.resource(CouponResource.class).stats(),
            Bench.event("GET", "/v1/coupons/" + coupon + "/stats", Map.of("coupon", coupon), null)));
        System.out.printf("  %-12d %8d %12.2f %12.1f %14.1f %16.1f%n", size, first.batches, first.calls / first.batches,
            first.readUnits, first.writeUnits, first.writeUnits * 1000 / redemptions);
        System.out.printf("  %-12s %8d %12.2f %12.1f %14.1f %16s   (counted: %s redemptions; cancelled "
            + "transactions not metered)%n", "  again", again.batches, again.calls / again.batches, again.readUnits, again.writeUnits, "-", stats.get("redemptions"));
      }
    }
  }

  /** How much the events of the redemptions carry to tell what they redeemed, and what that adds to their writes. */
  private static void eventGrowth(DynamoDbLocalServer dynamo, List<Map<String, Object>> records) {
    long bytes = 0;
    long crossed = 0;
    for (Map<String, Object> record : records) {
      Map<String, AttributeValue> item = dynamo.client().getItem(request -> request.tableName(Bench.TABLE)
          .key(Map.of("pk", AttributeValue.fromS(pk(record))))).item();
      Map<String, AttributeValue> without = new LinkedHashMap<>(item);
      without.remove("redeemed");
      without.remove("redemptions");
      long with = HotCodeBenchmark.Meter.size(item);
      long before = HotCodeBenchmark.Meter.size(without);
      bytes += with - before;
      crossed += (long) Math.ceil(with / 1024.0) - (long) Math.ceil(before / 1024.0);
    }
    System.out.printf("  each redemption's event carries %.0f bytes more (what it redeemed); events crossing a KB "
        + "boundary for it: %d of %d (+2 write units each, in the redemption's transaction)%n",
        (double) bytes / records.size(), crossed, records.size());
  }

  private record Costs(int batches, double calls, double readUnits, double writeUnits) {}

  private static Costs count(HotCodeBenchmark.Meter meter, RecordBatchRun<FanOutWork.NewEvent> run,
      List<Map<String, Object>> records, int size) {
    int callsBefore = meter.calls().size();
    double reads = meter.readUnits;
    double writes = meter.tableWriteUnits + meter.indexWriteUnits;
    int batches = 0;
    meter.on = true;
    for (int from = 0; from < records.size(); from += size) {
      Map<String, Object> answer = run.run(Map.of("Records", records.subList(from, Math.min(records.size(), from + size))),
          () -> true);
      if (!((List<?>) answer.get("batchItemFailures")).isEmpty()) {
        throw new IllegalStateException("a batch failed: " + answer);
      }
      batches++;
    }
    meter.on = false;
    return new Costs(batches, meter.calls().size() - callsBefore, meter.readUnits - reads,
        meter.tableWriteUnits + meter.indexWriteUnits - writes);
  }

  /** The stream's new events that redeemed something, in order, as the trigger's filter passes them (Lambda's shape). */
  private static List<Map<String, Object>> redemptionEvents(DynamoDbLocalServer dynamo, DynamoDbStreamsClient streams,
      String streamArn) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (Shard shard : streams.describeStream(request -> request.streamArn(streamArn)).streamDescription().shards()) {
      String iterator = streams.getShardIterator(request -> request.streamArn(streamArn).shardId(shard.shardId())
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      while (iterator != null) {
        String at = iterator;
        GetRecordsResponse read = streams.getRecords(request -> request.shardIterator(at).limit(1000));
        for (Record record : read.records()) {
          AttributeValue pk = record.dynamodb().keys().get("pk");
          if (pk != null && FanOutWork.isNewEvent(record.eventNameAsString(), pk.s())
              && dynamo.client().getItem(request -> request.tableName(Bench.TABLE).key(Map.of("pk", pk))).item()
                  .containsKey("redemptions")) {
            records.add(Map.of("eventName", "INSERT", "dynamodb", Map.of("Keys", Map.of("pk", Map.of("S", pk.s())),
                "SequenceNumber", record.dynamodb().sequenceNumber())));
          }
        }
        iterator = read.records().isEmpty() ? null : read.nextShardIterator();
      }
    }
    return records;
  }

  @SuppressWarnings("unchecked")
  private static String pk(Map<String, Object> record) {
    return ((Map<String, Map<String, Map<String, String>>>) record.get("dynamodb")).get("Keys").get("pk").get("S");
  }
}
