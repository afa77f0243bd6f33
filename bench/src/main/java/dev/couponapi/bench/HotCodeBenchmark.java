package dev.couponapi.bench;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.app.App;
import dev.couponapi.ddblocal.DynamoDbLocalServer;
import dev.couponapi.local.LocalTable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * What one redemption of a hot promotion code costs, measured: each request asks DynamoDB Local
 * for {@code ReturnConsumedCapacity=INDEXES}; every written item is looked up (outside the count)
 * for the index keys it sits under, so writes are tallied per table key and per index key.
 * Source-compatible with the code before escrow shards, so {@code bench/hotcode} runs the same
 * measurement on both (docs: BENCHMARKS.md, "Hot codes"). Args: label, redemptions.
 */
public final class HotCodeBenchmark {

  private static final List<String> INDEX_KEYS = List.of("gsi1pk", "gsi2pk", "gsi3pk", "gsi4pk", "gsi5pk",
      "gsi6pk");

  private HotCodeBenchmark() {}

  /** Calls, capacity and per-key writes of what runs while it is on. */
  static final class Meter implements ExecutionInterceptor {
    private final Map<String, Integer> tableKeyWrites = new HashMap<>();
    private final Map<String, Double> tableKeyUnits = new HashMap<>();
    private final Map<String, Double> indexKeyUnits = new HashMap<>();
    private final Map<String, Double> readKeyUnits = new HashMap<>();
    private final List<String> calls = new ArrayList<>();

    /** Meters the bench table of {@code dynamo} (made here), reading its written items through a client of its own. */
    void watch(DynamoDbLocalServer dynamo) {
      LocalTable.ensure(dynamo.client(), Bench.TABLE);
      lookups = dynamo.client();
      table = Bench.TABLE;
      Map<String, String> indexes = new LinkedHashMap<>();
      lookups.describeTable(request -> request.tableName(Bench.TABLE)).table().globalSecondaryIndexes()
          .forEach(index -> indexes.put(index.indexName(), index.projection().projectionTypeAsString()));
      projections = indexes;
    }

    /** The operations called while on, in order. */
    synchronized List<String> calls() {
      return List.copyOf(calls);
    }
    volatile boolean on;
    DynamoDbClient lookups;
    String table;
    double readUnits;
    double tableWriteUnits;
    double indexWriteUnits;

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
      SdkRequest request = context.request();
      ReturnConsumedCapacity indexes = ReturnConsumedCapacity.INDEXES;
      if (request instanceof GetItemRequest get) {
        return get.toBuilder().returnConsumedCapacity(indexes).build();
      } else if (request instanceof BatchGetItemRequest batch) {
        return batch.toBuilder().returnConsumedCapacity(indexes).build();
      } else if (request instanceof QueryRequest query) {
        return query.toBuilder().returnConsumedCapacity(indexes).build();
      } else if (request instanceof UpdateItemRequest update) {
        return update.toBuilder().returnConsumedCapacity(indexes).build();
      } else if (request instanceof PutItemRequest put) {
        return put.toBuilder().returnConsumedCapacity(indexes).build();
      } else if (request instanceof TransactWriteItemsRequest transaction) {
        return transaction.toBuilder().returnConsumedCapacity(indexes).build();
      }
      return request;
    }

    private final ThreadLocal<Map<String, Map<String, AttributeValue>>> before = new ThreadLocal<>();
    /** Index name → its projection, as the table was created. */
    Map<String, String> projections = Map.of();
    double reportedWriteUnits;

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
      if (on) {
        before.set(images(writtenKeys(context.request())));
      }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
      if (!on) {
        return;
      }
      String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      List<String> written = writtenKeys(context.request());
      List<ConsumedCapacity> consumed = consumed(context.response().getValueForField("ConsumedCapacity",
          Object.class).orElse(null));
      synchronized (this) {
        calls.add(operation);
        if (written.isEmpty()) {
          double units = consumed.stream().mapToDouble(c -> c.capacityUnits() == null ? 0 : c.capacityUnits()).sum();
          readUnits += units;
          List<String> read = readKeys(context.request());
          read.forEach(pk -> readKeyUnits.merge(pk, units / read.size(), Double::sum));
          return;
        }
        reportedWriteUnits += consumed.stream().mapToDouble(c -> c.capacityUnits() == null ? 0 : c.capacityUnits())
            .sum();
        // DynamoDB Local undercounts transactions, so write units are computed by DynamoDB's rules:
        // a write costs 1 unit per KB (2 inside a transaction); an index entry written costs 1 unit
        // per index, whenever a key it is under changes or, for an ALL index, any attribute does.
        int factor = context.request() instanceof TransactWriteItemsRequest ? 2 : 1;
        Map<String, Map<String, AttributeValue>> old = before.get() == null ? Map.of() : before.get();
        Map<String, Map<String, AttributeValue>> now = images(written);
        for (String pk : written) {
          Map<String, AttributeValue> was = old.getOrDefault(pk, Map.of());
          Map<String, AttributeValue> is = now.getOrDefault(pk, Map.of());
          double units = factor * Math.max(1, Math.ceil(Math.max(size(was), size(is)) / 1024.0));
          tableWriteUnits += units;
          tableKeyWrites.merge(pk, 1, Integer::sum);
          tableKeyUnits.merge(pk, units, Double::sum);
          projections.forEach((index, projection) -> {
            String keyAttribute = index + "pk";
            AttributeValue oldKey = was.get(keyAttribute);
            AttributeValue newKey = is.get(keyAttribute);
            boolean keyChanged = !java.util.Objects.equals(oldKey, newKey)
                || !java.util.Objects.equals(was.get(sortKey(index)), is.get(sortKey(index)));
            double indexUnits = oldKey == null && newKey == null ? 0
                : keyChanged ? (oldKey != null && newKey != null ? 2 : 1)
                : projection.equals("ALL") && !was.equals(is) ? 1 : 0;
            if (indexUnits > 0) {
              indexWriteUnits += indexUnits;
              indexKeyUnits.merge(index + " " + (newKey != null ? newKey : oldKey).s(), indexUnits, Double::sum);
            }
          });
        }
      }
    }

    private static String sortKey(String index) {
      return index.equals("gsi6") ? "gsi6sk" : "gsi1sk";
    }

    private Map<String, Map<String, AttributeValue>> images(List<String> pks) {
      Map<String, Map<String, AttributeValue>> images = new HashMap<>();
      for (String pk : pks) {
        Map<String, AttributeValue> item = lookups.getItem(request -> request.tableName(table)
            .key(Map.of("pk", AttributeValue.fromS(pk))).consistentRead(true)).item();
        images.put(pk, item == null ? Map.of() : item);
      }
      return images;
    }

    /** An item's size as DynamoDB counts it, near enough: names and values in bytes. */
    static long size(Map<String, AttributeValue> item) {
      long bytes = 0;
      for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
        bytes += attribute.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + size(attribute.getValue());
      }
      return bytes;
    }

    private static long size(AttributeValue value) {
      if (value.s() != null) {
        return value.s().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      } else if (value.n() != null) {
        return (value.n().length() + 1) / 2 + 1;
      } else if (value.bool() != null || Boolean.TRUE.equals(value.nul())) {
        return 1;
      } else if (value.hasM()) {
        return 3 + value.m().size() + size(value.m());
      } else if (value.hasL()) {
        return 3 + value.l().size() + value.l().stream().mapToLong(HotCodeBenchmark.Meter::size).sum();
      }
      return 1;
    }

    private static List<String> writtenKeys(SdkRequest request) {
      List<String> keys = new ArrayList<>();
      if (request instanceof TransactWriteItemsRequest transaction) {
        for (TransactWriteItem item : transaction.transactItems()) {
          if (item.put() != null) {
            keys.add(item.put().item().get("pk").s());
          } else if (item.update() != null) {
            keys.add(item.update().key().get("pk").s());
          } else if (item.delete() != null) {
            keys.add(item.delete().key().get("pk").s());
          }
        }
      } else if (request instanceof UpdateItemRequest update) {
        keys.add(update.key().get("pk").s());
      } else if (request instanceof PutItemRequest put) {
        keys.add(put.item().get("pk").s());
      }
      return keys;
    }

    private static List<String> readKeys(SdkRequest request) {
      List<String> keys = new ArrayList<>();
      if (request instanceof GetItemRequest get) {
        keys.add(get.key().get("pk").s());
      } else if (request instanceof BatchGetItemRequest batch) {
        batch.requestItems().values().forEach(keysAndAttributes -> keysAndAttributes.keys()
            .forEach(key -> keys.add(key.get("pk").s())));
      }
      return keys;
    }

    private static List<ConsumedCapacity> consumed(Object value) {
      List<ConsumedCapacity> all = new ArrayList<>();
      if (value instanceof ConsumedCapacity single) {
        all.add(single);
      } else if (value instanceof List<?> list) {
        list.forEach(entry -> {
          if (entry instanceof ConsumedCapacity each) {
            all.add(each);
          }
        });
      }
      return all;
    }

  }

  public static void main(String[] args) throws Exception {
    String label = args.length > 0 ? args[0] : "this build";
    int redemptions = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    Meter meter = new Meter();
    try (DynamoDbLocalServer dynamo = DynamoDbLocalServer.inMemory(0)) {
      meter.watch(dynamo);
      App app = new App(dynamo.client(meter), Bench.TABLE, Clock.systemUTC(), ApiVersion.parse(ApiVersion.FALLBACK));
      Bench.body(app, app.resource(dev.couponapi.http.CouponResource.class).create(), Bench.event("POST", "/v1/coupons", null,
          "id=FLASH&percent_off=20&max_redemptions=1000000"));
      // HOTCODE_LIMIT_PER_CUSTOMER: the code held to that many redemptions per customer (docs/api.md §2.8)
      String limit = System.getenv("HOTCODE_LIMIT_PER_CUSTOMER");
      String code = Bench.id(Bench.body(app, app.resource(dev.couponapi.http.PromotionCodeResource.class).create(), Bench.event("POST", "/v1/promotion_codes",
          null, "promotion[type]=coupon&promotion[coupon]=FLASH&code=FLASHSALE"
              + (limit == null ? "" : "&max_redemptions_per_customer=" + limit))));
      List<String> customers = new ArrayList<>();
      for (int i = 0; i < redemptions; i++) {
        customers.add(Bench.id(Bench.body(app, app.resource(dev.couponapi.http.CustomerResource.class).create(), Bench.event("POST", "/v1/customers", null,
            "email=c" + i + "%40example.com"))));
      }
      meter.on = true;
      for (int i = 0; i < redemptions; i++) {
        String customer = customers.get(i);
        Map<String, Object> event = Bench.event("POST", "/v1/customers/" + customer, Map.of("customer", customer),
            "promotion_code=" + code);
        @SuppressWarnings("unchecked")
        Map<String, String> headers = (Map<String, String>) event.get("headers");
        headers.put("Idempotency-Key", "flash-" + i);
        Bench.body(app, app.resource(dev.couponapi.http.CustomerResource.class).update(), event);
      }
      meter.on = false;
      report(label, redemptions, meter);
    }
  }

  private static void report(String label, int redemptions, Meter meter) {
    Map<String, Integer> callsPer = new LinkedHashMap<>();
    meter.calls.forEach(call -> callsPer.merge(call, 1, Integer::sum));
    Map.Entry<String, Integer> hottestKey = meter.tableKeyWrites.entrySet().stream().max(Map.Entry.comparingByValue())
        .orElseThrow();
    Map.Entry<String, Double> hottestIndexKey = meter.indexKeyUnits.entrySet().stream()
        .max(Map.Entry.comparingByValue()).orElse(Map.entry("none", 0.0));
    long shardKeys = meter.tableKeyWrites.keySet().stream().filter(key -> key.contains("#ctr#")).count();
    System.out.printf("%s: %d redemptions of one promotion code (POST /v1/customers/{id} promotion_code=…, "
        + "Idempotency-Key), DynamoDB Local, ReturnConsumedCapacity=INDEXES%n", label, redemptions);
    System.out.printf("  calls per redemption        %s%n", perRedemption(callsPer, redemptions));
    System.out.printf("  read units per redemption   %.2f%n", meter.readUnits / redemptions);
    System.out.printf("  write units per redemption  %.2f table + %.2f indexes (DynamoDB Local reports %.2f in all)%n",
        meter.tableWriteUnits / redemptions, meter.indexWriteUnits / redemptions,
        meter.reportedWriteUnits / redemptions);
    System.out.printf("  indexes                     %s%n", meter.projections);
    System.out.printf("  hottest table key           %s: written by %.1f %% of redemptions%n", shorten(hottestKey.getKey()),
        100.0 * hottestKey.getValue() / redemptions);
    meter.readKeyUnits.entrySet().stream().max(Map.Entry.comparingByValue()).ifPresent(hottestRead ->
        System.out.printf("  hottest key read            %s: %.2f read units per redemption%n",
            shorten(hottestRead.getKey()), hottestRead.getValue() / redemptions));
    System.out.printf("  hottest index key           %s: %.2f index write units per redemption%n",
        shorten(hottestIndexKey.getKey()), hottestIndexKey.getValue() / redemptions);
    if (shardKeys > 0) {
      var shardWrites = meter.tableKeyWrites.entrySet().stream().filter(entry -> entry.getKey().contains("#ctr#"))
          .mapToInt(Map.Entry::getValue).summaryStatistics();
      System.out.printf("  counter shards written      %d (per shard: min %d, mean %.1f, max %d writes)%n", shardKeys,
          shardWrites.getMin(), shardWrites.getAverage(), shardWrites.getMax());
    }
    // the hottest key's counter: the key itself, or all shards of the counter it is one of
    String hot = hottestKey.getKey();
    String counter = hot.contains("#ctr#") ? hot.substring(0, hot.lastIndexOf('#') + 1) : hot;
    List<String> group = meter.tableKeyUnits.keySet().stream()
        .filter(key -> hot.contains("#ctr#") ? key.startsWith(counter) : key.equals(hot)).toList();
    double counterUnits = group.stream().mapToDouble(meter.tableKeyUnits::get).sum() / redemptions;
    double hottestRead = meter.readKeyUnits.values().stream().mapToDouble(Double::doubleValue).max().orElse(0)
        / redemptions;
    String kept = System.getenv("REDEMPTION_TERMS_CACHE_MS");
    double keptSeconds = kept == null ? 0 : Integer.parseInt(kept) / 1000.0;
    if (keptSeconds > 0) {
      // one container here; on AWS each of C containers reads a hot key once per keptSeconds, whatever the rate
      System.out.printf("  hot reads with terms kept   %d containers × 0.5 unit every %.0f s = %.0f read units/s per hot key,"
          + " whatever the rate%n", ThroughputModel.CONTAINERS, keptSeconds, ThroughputModel.CONTAINERS * 0.5 / keptSeconds);
      hottestRead = 0;
    }
    ThroughputModel.Costs costs = new ThroughputModel.Costs(group.size(), counterUnits,
        hottestIndexKey.getValue() / redemptions, hottestRead,
        (meter.tableWriteUnits + meter.indexWriteUnits) / redemptions);
    System.out.printf("  MODEL (not measured), redemptions/s of one code: %d shard(s) × %.0f units each time,"
        + " hottest index key %.2f, hottest read %.2f, %.1f write units in all%n", costs.shards(),
        costs.hottestKeyWriteUnits(), costs.hottestIndexKeyUnits(), costs.hottestReadUnits(), costs.writeUnits());
    System.out.printf("    %-8s %10s %10s %10s %10s %10s | %10s %12s%n", "r_tx", "hot shard", "index key", "hot read",
        "conflicts", "quota", "partitions", "with quota");
    System.out.printf("    (r_tx: transactions a second one item joins, unpublished; quota: the default 40,000 write"
        + " units a second of a table, which AWS raises on request)%n");
    for (double rTx : new double[] {100, 200, 500}) {
      ThroughputModel.Ceiling ceiling = ThroughputModel.ceiling(costs, rTx);
      System.out.printf("    %-8.0f %10s %10s %10s %10s %10s | %10s %12s%n", rTx, rate(ceiling.hotShard()),
          rate(ceiling.hotIndexKey()), rate(ceiling.hotRead()), rate(ceiling.conflicts()), rate(ceiling.tableQuota()),
          rate(ceiling.partitionLeast()), rate(ceiling.least()));
    }
  }

  private static String rate(double perSecond) {
    return Double.isInfinite(perSecond) ? "-" : String.format("%,.0f", perSecond);
  }

  private static String perRedemption(Map<String, Integer> calls, int redemptions) {
    List<String> parts = new ArrayList<>();
    calls.forEach((call, count) -> parts.add(String.format("%s × %.2f", call, (double) count / redemptions)));
    return String.join(", ", parts);
  }

  private static String shorten(String key) {
    return key.length() > 60 ? key.substring(0, 57) + "…" : key;
  }
}
