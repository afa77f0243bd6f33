package dev.couponapi.testing;

import dev.couponapi.domain.Tenant;
import dev.couponapi.app.App;
import dev.couponapi.api.ApiVersion;
import dev.couponapi.wire.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An App on a fresh DynamoDB Local table, with its calls counted and its clock in the test's hand. */
public final class TestApp {

  public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  public final CallCounter calls = new CallCounter();
  public final FaultInjector faults = new FaultInjector();
  public final MutableClock clock = new MutableClock(START);
  public final String table;
  /** Where batches wait for a worker; {@link #runBatches()} runs them. */
  public final HeldBatchQueue batchQueue = new HeldBatchQueue();
  /** Where deliveries wait; {@link #runDeliveries()} attempts them. */
  public final HeldDeliveryQueue deliveryQueue = new HeldDeliveryQueue();
  public final DynamoDbClient dynamo;
  /** What the app counted for a dashboard: "metric dimension=value" → the sum. */
  public final Map<String, Long> metrics = new java.util.concurrent.ConcurrentHashMap<>();
  public final App app;

  public TestApp() {
    this(false, dev.couponapi.app.RedemptionSettings.UNCACHED);
  }

  private TestApp(boolean retryAtOnce, dev.couponapi.app.RedemptionSettings redemptions,
      software.amazon.awssdk.core.interceptor.ExecutionInterceptor... more) {
    this(retryAtOnce, redemptions, LOOPBACK_RECEIVERS, more);
  }

  /** Tests receive webhooks on this machine, with a schedule of waits they do not wait out. */
  public static final dev.couponapi.app.WebhookSettings LOOPBACK_RECEIVERS = new dev.couponapi.app.WebhookSettings(
      true, dev.couponapi.service.RetrySchedule.parse("1s,1s,1s"), java.time.Duration.ofSeconds(2));

  private TestApp(boolean retryAtOnce, dev.couponapi.app.RedemptionSettings redemptions,
      dev.couponapi.app.WebhookSettings webhooks, software.amazon.awssdk.core.interceptor.ExecutionInterceptor... more) {
    this(retryAtOnce, redemptions, webhooks, null, more);
  }

  /** {@code deliveries} null: the held {@link #deliveryQueue}. */
  private TestApp(boolean retryAtOnce, dev.couponapi.app.RedemptionSettings redemptions,
      dev.couponapi.app.WebhookSettings webhooks, dev.couponapi.service.JobQueue<dev.couponapi.service.DeliveryJob> deliveries,
      software.amazon.awssdk.core.interceptor.ExecutionInterceptor... more) {
    // a table delivers from its stream only where a queue runs the deliveries
    table = deliveries == null ? LocalDynamo.newTable() : LocalDynamo.newTableWithStream();
    java.util.List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> interceptors =
        new java.util.ArrayList<>(List.of(calls, faults));
    interceptors.addAll(List.of(more));
    var all = interceptors.toArray(software.amazon.awssdk.core.interceptor.ExecutionInterceptor[]::new);
    dynamo = retryAtOnce ? LocalDynamo.clientRetryingAtOnce(all) : LocalDynamo.client(all);
    dev.couponapi.service.Metrics metrics = (metric, dimension, value, n) ->
        this.metrics.merge(metric + " " + dimension + "=" + value, n, Long::sum);
    app = new App(dynamo, table, clock, ApiVersion.parse(ApiVersion.FALLBACK), redemptions, batchQueue, webhooks,
        deliveries == null ? deliveryQueue : deliveries, metrics);
  }

  /** An App whose SDK retries do not wait: for tests that fail every attempt of a call. */
  public static TestApp retryingAtOnce() {
    return new TestApp(true, dev.couponapi.app.RedemptionSettings.UNCACHED);
  }

  /**
   * An App whose new coupons and codes count their redemptions in up to {@code shards} shards, its
   * DynamoDB calls also seen by {@code more} interceptors (after the call counter and fault injector).
   */
  public static TestApp withShards(int shards,
      software.amazon.awssdk.core.interceptor.ExecutionInterceptor... more) {
    return new TestApp(false, dev.couponapi.app.RedemptionSettings.UNCACHED.withShards(shards), more);
  }

  /**
   * An App that hands deliveries to {@code deliveries} (one that runs them, as serve's does), on a
   * table with the stream serve polls.
   */
  public static TestApp delivering(dev.couponapi.service.JobQueue<dev.couponapi.service.DeliveryJob> deliveries) {
    return new TestApp(false, dev.couponapi.app.RedemptionSettings.UNCACHED, LOOPBACK_RECEIVERS, deliveries);
  }

  /** An App whose webhook settings are {@code webhooks} (e.g. a deployment's: no private receivers). */
  public static TestApp withWebhooks(dev.couponapi.app.WebhookSettings webhooks) {
    return new TestApp(false, dev.couponapi.app.RedemptionSettings.UNCACHED, webhooks);
  }

  /** The delivery function's and the fan-out function's names in template.yaml: their calls are held to those policies. */
  public static final String DELIVERY_WORKER = "DeliverWebhooksFunction";
  public static final String FAN_OUT = "FanOutEventsFunction";

  /** Fans out every event of the tenant not fanned out yet, as the stream trigger would; how many. */
  public int fanOut(Tenant tenant) {
    int fanned = 0;
    for (var item : snapshot()) {
      String pk = item.get("pk").s();
      if (pk.startsWith(tenant.account() + "#" + tenant.mode() + "#evt#") && !item.containsKey("pending_webhooks")) {
        calls.as(FAN_OUT, () -> app.fanOut().fanOut(tenant, pk.substring(pk.lastIndexOf('#') + 1)));
        fanned++;
      }
    }
    return fanned;
  }

  public static final String COUNT_STATS = "CountCouponStatsFunction";

  /** The stream records of every event in the table, as the statistics' trigger hands them over (its filter aside). */
  public List<Map<String, Object>> eventRecords() {
    List<Map<String, Object>> records = new java.util.ArrayList<>();
    for (var item : snapshot()) {
      String pk = item.get("pk").s();
      if (pk.contains("#evt#")) {
        records.add(Map.of("eventName", "INSERT", "dynamodb", Map.of("Keys", Map.of("pk", Map.of("S", pk)),
            "SequenceNumber", String.valueOf(records.size()))));
      }
    }
    return records;
  }

  /** Runs the statistics' count over {@code records} as its function does; its answer (the records that failed). */
  public Map<String, Object> countStats(List<Map<String, Object>> records) {
    var run = app.statsRun();
    return calls.as(COUNT_STATS, () -> run.run(Map.of("Records", records), () -> true));
  }

  /** Counts every event in the table (those counted before are counted once, as a stream hands them over again). */
  public Map<String, Object> countStats() {
    return countStats(eventRecords());
  }

  /**
   * Attempts every waiting delivery as the delivery function does, and the retries those ask for
   * (without waiting them out), until none is left; the outcomes in order.
   */
  public List<dev.couponapi.service.WebhookDeliveries.Outcome> runDeliveries() {
    List<dev.couponapi.service.WebhookDeliveries.Outcome> outcomes = new java.util.ArrayList<>();
    for (var sent = deliveryQueue.take(); !sent.isEmpty(); sent = deliveryQueue.take()) {
      for (var each : sent) {
        var outcome = calls.as(DELIVERY_WORKER, () -> app.deliveries().attempt(each.job()));
        outcomes.add(outcome);
        if (outcome instanceof dev.couponapi.service.WebhookDeliveries.Outcome.RetryAfter) {
          deliveryQueue.send(each.job(), java.time.Duration.ZERO);
        }
      }
    }
    return outcomes;
  }

  /** An App with these redemption settings (shards per counter, how long terms are kept). */
  public static TestApp with(dev.couponapi.app.RedemptionSettings redemptions) {
    return new TestApp(false, redemptions);
  }

  /** The in-process client of this app, as {@code tenant}. */
  public TestClient client(Tenant tenant) {
    return new TestClient(this, tenant, Map.of());
  }

  /** Runs an operation through the pipeline as its function: its calls are held to that function's IAM policy. */
  public dev.couponapi.http.ApiResponse handle(dev.couponapi.http.Operation operation, Map<String, Object> event) {
    return calls.as(operation.functionId(), () -> app.pipeline().handle(operation, event));
  }

  /** The worker function's name in template.yaml: its calls are held to that policy. */
  public static final String BATCH_WORKER = "GeneratePromotionCodesFunction";

  /**
   * Runs every waiting batch job to its end as the worker function does, and the jobs those
   * enqueue in turn; returns how many jobs ran.
   */
  public int runBatches() {
    int ran = 0;
    for (List<dev.couponapi.service.BatchJob> jobs = batchQueue.take(); !jobs.isEmpty(); jobs = batchQueue.take()) {
      for (dev.couponapi.service.BatchJob job : jobs) {
        calls.as(BATCH_WORKER, () -> app.batchWork().run(job, () -> true));
        ran++;
      }
    }
    return ran;
  }

  /** The stored coupons of the table (live and deleted), by their key. */
  public List<Map<String, AttributeValue>> coupons() {
    return snapshot().stream().filter(item -> item.get("pk").s().contains("#coupon#")).toList();
  }

  /** A customer with a chosen id, written as the Customers API writes one. */
  public void seedCustomer(dev.couponapi.domain.Tenant tenant, String id) {
    new dev.couponapi.store.CustomerStore(dynamo, table).insert(tenant,
        new dev.couponapi.domain.Customer(id, clock.instant().getEpochSecond(), null, null, null, null, Map.of(), null,
            tenant.livemode()),
        clock.instant(), dev.couponapi.store.Redemption.NONE, null);
  }

  /** Every item in the table, for "the store is unchanged" (a test may scan; main code never does). */
  public List<Map<String, AttributeValue>> snapshot() {
    try (DynamoDbClient reader = LocalDynamo.client()) {
      return reader.scanPaginator(request -> request.tableName(table).consistentRead(true)).items().stream()
          .sorted((a, b) -> a.get("pk").s().compareTo(b.get("pk").s()))
          .toList();
    }
  }

  /** A REST proxy event as API Gateway sends it after the authorizer allowed {@code tenant}. */
  public static Map<String, Object> event(String method, String path, Map<String, String> pathParameters,
      String body, Tenant tenant) {
    return new LinkedHashMap<>(dev.couponapi.http.ProxyEvent.of(method, path, pathParameters, body, tenant));
  }

  /** The response body of a pipeline call, parsed. */
  public static Map<String, Object> body(dev.couponapi.http.ApiResponse response) {
    return Json.readObject(response.bodyText());
  }
}
