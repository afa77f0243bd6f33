package dev.couponapi.http;

import static dev.couponapi.http.DiscountFixture.CLOVER;
import static dev.couponapi.http.DiscountFixture.TENANT;
import static dev.couponapi.http.DiscountFixture.error;
import static dev.couponapi.http.DiscountFixture.eventObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.couponapi.domain.Tenant;
import dev.couponapi.service.BatchJob;
import dev.couponapi.service.PromotionCodeBatchService;
import dev.couponapi.testing.FaultInjector;
import dev.couponapi.testing.TestApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Promotion-code batches through the pipeline and the worker, on DynamoDB Local: every code is an
 * ordinary, unique, redeemable promotion code, made exactly once whatever happens to the worker.
 */
class PromotionCodeBatchTest {

  private final DiscountFixture f = new DiscountFixture();

  private Map<String, Object> createBatch(String body, String... headers) {
    return TestApp.body(f.client.version(CLOVER).headers(headers).post("/v1/promotion_code_batches", body));
  }

  private Map<String, Object> retrieveBatch(String id) {
    return TestApp.body(f.client.version(CLOVER).get("/v1/promotion_code_batches/" + id));
  }

  /** The stored codes a batch made, by their item. */
  private List<Map<String, AttributeValue>> codeItems(String batch) {
    return f.test.snapshot().stream().filter(item -> item.get("pk").s().contains("#promo#")
        && item.containsKey("batch") && item.get("batch").s().equals(batch)).toList();
  }

  @Test
  void aTenThousandCodeBatch_completesWithTenThousandDistinctCodes_eachRedeemableExactlyUpToItsCap() {
    // every code: active, its text held, one open shard with room for exactly one redemption
    f.coupon("id=BULK&percent_off=10");
    Map<String, Object> created = createBatch(
        "promotion[type]=coupon&promotion[coupon]=BULK&count=10000&prefix=SALE&max_redemptions=1&metadata[wave]=1");
    assertThat(created).containsEntry("object", "promotion_code_batch").containsEntry("status", "pending")
        .containsEntry("created_count", 0).containsEntry("count", 10000).containsEntry("coupon", "BULK")
        .containsEntry("prefix", "SALE").containsEntry("length", 10).containsEntry("failure_message", null);
    String id = (String) created.get("id");
    assertThat(id).startsWith("pcb_");
    assertThat(f.test.batchQueue.jobs()).containsExactly(new BatchJob(TENANT, id));

    f.test.runBatches();

    assertThat(retrieveBatch(id)).containsEntry("status", "succeeded").containsEntry("created_count", 10000);
    List<Map<String, AttributeValue>> codes = codeItems(id);
    assertThat(codes).hasSize(10000);
    Set<String> texts = new HashSet<>();
    codes.forEach(item -> texts.add(item.get("code").s().toLowerCase()));
    assertThat(texts).hasSize(10000);
    assertThat(codes).allSatisfy(item -> {
      assertThat(item.get("code").s()).matches("SALE[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{10}");
      assertThat(item.get("active").bool()).isTrue();
      assertThat(item.get("metadata").m()).containsEntry("wave", AttributeValue.fromS("1"));
    });
    // each code holds its text among active codes, and counts in one shard of its own with room for one
    List<Map<String, AttributeValue>> markers = f.test.snapshot().stream()
        .filter(item -> item.get("pk").s().contains("#pcode#")).toList();
    assertThat(markers).hasSize(10000);
    List<Map<String, AttributeValue>> shards = f.test.snapshot().stream()
        .filter(item -> item.get("pk").s().contains("#ctr#promo_")).toList();
    assertThat(shards).hasSize(10000).allSatisfy(shard -> {
      assertThat(shard.get("left").n()).isEqualTo("1");
      assertThat(shard.get("used").n()).isEqualTo("0");
    });

    assertThat(shards).allSatisfy(shard -> assertThat(shard.get("open").bool()).isTrue());

    // every code redeemed for real (4 clients at once), then once more for 200 of them: refused
    List<String> ids = codes.stream().map(item -> item.get("id").s()).toList();
    java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
      for (String code : ids) {
        statuses.add(clients.submit(() -> f.client.version(CLOVER).post("/v1/customers", "promotion_code=" + code)
            .status()));
      }
      for (java.util.concurrent.Future<Integer> status : statuses) {
        assertThat(status.get()).isEqualTo(200);
      }
    } catch (InterruptedException | java.util.concurrent.ExecutionException failed) {
      throw new AssertionError(failed);
    } finally {
      clients.shutdownNow();
    }
    for (String code : ids.subList(0, 200)) {
      Map<String, Object> refused = TestApp.body(f.client.version(CLOVER).post("/v1/customers",
          "promotion_code=" + code));
      assertThat(error(refused)).as(code).containsEntry("param", "promotion_code")
          .containsEntry("message", "This promotion code has been redeemed its maximum number of times.");
    }
    assertThat(f.timesRedeemed("BULK")).isEqualTo(10000);
    assertThat(f.test.snapshot().stream().filter(item -> item.get("pk").s().contains("#ctr#promo_")))
        .hasSize(10000).allSatisfy(shard -> {
          assertThat(shard.get("used").n()).isEqualTo("1");
          assertThat(shard.get("left").n()).isEqualTo("0");
        });
  }

  @Test
  void aWorkerKilledAfterAChunkCommits_resumesWithoutDuplicatesOrGaps() {
    f.coupon("id=KILL&percent_off=10");
    String id = (String) createBatch("promotion[type]=coupon&promotion[coupon]=KILL&count=500&max_redemptions=1")
        .get("id");
    BatchJob job = f.test.batchQueue.take().get(0);
    // the fourth chunk commits, and its worker dies before it hears so
    f.test.faults.failCall("TransactWriteItems", 4, FaultInjector.When.AFTER_WRITING);
    assertThatThrownBy(() -> work(job)).isInstanceOf(FaultInjector.InjectedFault.class);
    // a single-use code takes its item, one shard, its text marker and its event: 24 a chunk
    assertThat(retrieveBatch(id)).containsEntry("status", "running").containsEntry("created_count", 4 * 24);
    assertThat(codeItems(id)).hasSize(4 * 24);

    // SQS delivers the job again
    assertThat(work(job)).isEqualTo(PromotionCodeBatchService.Progress.ENDED);

    assertThat(retrieveBatch(id)).containsEntry("status", "succeeded").containsEntry("created_count", 500);
    assertDistinctAndComplete(id, 500);
  }

  @Test
  void aJobDeliveredTwice_andWorkedOnByTwoWorkersAtOnce_makesEachCodeOnce() throws Exception {
    f.coupon("id=TWICE&percent_off=10");
    String id = (String) createBatch("promotion[type]=coupon&promotion[coupon]=TWICE&count=1000&max_redemptions=1")
        .get("id");
    BatchJob job = f.test.batchQueue.take().get(0);
    List<Thread> workers = new ArrayList<>();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int i = 0; i < 2; i++) {
      Thread worker = new Thread(() -> {
        try {
          work(job);
        } catch (Throwable failed) {
          failures.add(failed);
        }
      });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    assertThat(failures).isEmpty();
    assertThat(retrieveBatch(id)).containsEntry("status", "succeeded").containsEntry("created_count", 1000);
    assertDistinctAndComplete(id, 1000);
  }

  @Test
  void eachCodeOfABatch_recordsItsCreatedEvent_namingTheBatchRequest_andAWorkerKilledRecordsNoneTwice() {
    f.coupon("id=EVENTS&percent_off=10");
    ApiResponse created = f.client.version(CLOVER).header("Idempotency-Key", "batch-events")
        .post("/v1/promotion_code_batches",
            "promotion[type]=coupon&promotion[coupon]=EVENTS&count=60&max_redemptions=1");
    String id = (String) TestApp.body(created).get("id");
    BatchJob job = f.test.batchQueue.take().get(0);
    f.test.faults.failCall("TransactWriteItems", 2, FaultInjector.When.AFTER_WRITING);
    assertThatThrownBy(() -> work(job)).isInstanceOf(FaultInjector.InjectedFault.class);
    assertThat(work(job)).isEqualTo(PromotionCodeBatchService.Progress.ENDED);

    List<Map<String, Object>> events = f.events("?type=promotion_code.created&limit=100");
    assertThat(events).hasSize(60).allSatisfy(event -> {
      assertThat(event.get("request")).isEqualTo(Map.of("id", created.headers().get("Request-Id"),
          "idempotency_key", "batch-events"));
      assertThat(event).containsEntry("api_version", CLOVER);
      assertThat(eventObject(event)).containsEntry("object", "promotion_code").containsEntry("max_redemptions", 1);
    });
    Set<Object> codes = new HashSet<>();
    events.forEach(event -> codes.add(eventObject(event).get("id")));
    Set<Object> made = new HashSet<>();
    codeItems(id).forEach(item -> made.add(item.get("id").s()));
    assertThat(codes).isEqualTo(made).hasSize(60);
  }

  @Test
  void aRunOutOfTime_saysMore_andTheNextRunGoesOnFromThere() {
    f.coupon("id=SLICE&percent_off=10");
    String id = (String) createBatch("promotion[type]=coupon&promotion[coupon]=SLICE&count=100").get("id");
    BatchJob job = f.test.batchQueue.take().get(0);
    AtomicInteger chunks = new AtomicInteger();
    // unlimited codes count in 8 shards: 8 codes a chunk (each also takes its item, marker and event)
    assertThat(f.test.calls.as(TestApp.BATCH_WORKER, () -> f.test.app.batchService().work(job,
        () -> chunks.incrementAndGet() <= 3))).isEqualTo(PromotionCodeBatchService.Progress.MORE);
    assertThat(retrieveBatch(id)).containsEntry("status", "running").containsEntry("created_count", 24);
    assertThat(work(job)).isEqualTo(PromotionCodeBatchService.Progress.ENDED);
    assertDistinctAndComplete(id, 100);
  }

  @Test
  void theSameIdempotencyKey_createsOneBatch_andHandsItToOneWorker() {
    f.coupon("id=ONCE&percent_off=10");
    String body = "promotion[type]=coupon&promotion[coupon]=ONCE&count=40";
    Map<String, Object> first = createBatch(body, "Idempotency-Key", "batch-once");
    ApiResponse again = f.client.version(CLOVER).header("Idempotency-Key", "batch-once")
        .post("/v1/promotion_code_batches", body);
    assertThat(again.headers()).containsEntry("Idempotent-Replayed", "true");
    assertThat(TestApp.body(again)).isEqualTo(first);
    assertThat(f.test.snapshot().stream().filter(item -> item.get("pk").s().contains("#pcb#"))).hasSize(1);
    assertThat(f.test.batchQueue.jobs()).hasSize(1);
    f.test.calls.reset();
    f.test.runBatches();
    // unlimited codes count in 8 shards: 8 codes (and 2 items of the chunk's own) fill a transaction
    assertThat(f.test.calls.operations().stream().filter("TransactWriteItems"::equals)).hasSize(5);
    assertDistinctAndComplete((String) first.get("id"), 40);
  }

  @Test
  void badInput_isA400_thatWritesNothing_andQueuesNothing() {
    f.coupon("id=GOOD&percent_off=10&max_redemptions=5");
    List<Map<String, AttributeValue>> before = f.test.snapshot();
    String coupon = "promotion[type]=coupon&promotion[coupon]=GOOD";
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put(coupon + "&count=0", "count");
    cases.put(coupon + "&count=100001", "count");
    cases.put(coupon + "&count=ten", "count");
    cases.put(coupon, "count");
    cases.put(coupon + "&count=5&prefix=SUMMER-", "prefix");
    cases.put(coupon + "&count=5&prefix=ABCDEFGHIJKLMNOPQRSTU", "prefix");
    cases.put(coupon + "&count=5&length=7", "length");
    cases.put(coupon + "&count=5&length=21", "length");
    cases.put(coupon + "&count=5&max_redemptions=6", "max_redemptions");
    cases.put(coupon + "&count=5&expires_at=1", "expires_at");
    cases.put("promotion[type]=coupon&promotion[coupon]=NOPE&count=5", "promotion[coupon]");
    cases.put("count=5", "promotion[coupon]");
    cases.put(coupon + "&count=5&code=SAME", "code");
    cases.put(coupon + "&count=5&customer=cus_1", "customer");
    cases.forEach((body, param) -> {
      ApiResponse response = f.client.version(CLOVER).post("/v1/promotion_code_batches", body);
      assertThat(response.status()).as(body).isEqualTo(400);
      assertThat(error(TestApp.body(response))).as(body).containsEntry("type", "invalid_request_error")
          .containsEntry("param", param);
    });
    assertThat(f.test.snapshot()).isEqualTo(before);
    assertThat(f.test.batchQueue.jobs()).isEmpty();
  }

  @Test
  void anotherTenant_neverSeesTheBatchOrItsCodes() {
    f.coupon("id=MINE&percent_off=10");
    String id = (String) createBatch("promotion[type]=coupon&promotion[coupon]=MINE&count=30").get("id");
    f.test.runBatches();
    Tenant other = new Tenant("acct_other", false);
    assertThat(f.client.as(other).version(CLOVER).get("/v1/promotion_code_batches/" + id).status()).isEqualTo(404);
    assertThat(f.client.as(other).version(CLOVER).get("/v1/promotion_code_batches/" + id + "/codes.csv").status())
        .isEqualTo(404);
    assertThat(TestApp.body(f.client.as(other).version(CLOVER).get("/v1/promotion_code_batches")).get("data"))
        .isEqualTo(List.of());
    assertThat(TestApp.body(f.client.as(other).version(CLOVER).get("/v1/promotion_codes?batch=" + id)).get("data"))
        .isEqualTo(List.of());
    // the live mode of the same account is another tenant too
    assertThat(f.client.as(new Tenant(TENANT.account(), true)).version(CLOVER).get("/v1/promotion_code_batches/" + id)
        .status()).isEqualTo(404);
    assertThat(((List<?>) TestApp.body(f.client.version(CLOVER).get("/v1/promotion_codes?limit=100&batch=" + id))
        .get("data")))
        .hasSize(30);
  }

  @Test
  void aBatchWhoseCouponIsDeletedMeanwhile_endsFailed_withWhatItMadeKeptAndCounted() {
    f.coupon("id=GONE&percent_off=10");
    String id = (String) createBatch("promotion[type]=coupon&promotion[coupon]=GONE&count=200&max_redemptions=1")
        .get("id");
    BatchJob job = f.test.batchQueue.take().get(0);
    AtomicInteger chunks = new AtomicInteger();
    f.test.calls.as(TestApp.BATCH_WORKER, () -> f.test.app.batchService().work(job, () -> {
      if (chunks.incrementAndGet() == 3) {
        f.test.calls.as("DeleteCouponFunction", () -> TestApp.body(f.client.version(CLOVER)
            .delete("/v1/coupons/GONE")));
      }
      return true;
    }));
    Map<String, Object> failed = retrieveBatch(id);
    assertThat(failed).containsEntry("status", "failed").containsEntry("created_count", 2 * 24);
    assertThat((String) failed.get("failure_message")).contains("GONE").contains("deleted").contains("48 of 200");
    assertThat(codeItems(id)).hasSize(2 * 24);
    assertThat(((List<?>) TestApp.body(f.client.version(CLOVER).get("/v1/promotion_codes?limit=100&batch=" + id))
        .get("data")))
        .hasSize(2 * 24);
    // a job delivered again changes nothing
    assertThat(work(job)).isEqualTo(PromotionCodeBatchService.Progress.ENDED);
    assertThat(retrieveBatch(id)).isEqualTo(failed);
  }

  @Test
  void aTextAlreadyTaken_orRepeatedInAChunk_isDrawnAgain_andTheOtherCodeIsUntouched() {
    f.coupon("id=CLASH&percent_off=10");
    Map<String, Object> existing = TestApp.body(f.client.version(CLOVER).post("/v1/promotion_codes",
        "promotion[type]=coupon&promotion[coupon]=CLASH&code=XTAKEN2345"));
    // the first texts drawn: the taken one (other case), then one twice, then fresh ones
    List<String> scripted = new ArrayList<>(List.of("Xtaken2345", "XTWICE2345", "XTWICE2345"));
    AtomicInteger fresh = new AtomicInteger();
    dev.couponapi.service.CodeTexts texts = (prefix, length) -> scripted.isEmpty()
        ? String.format("X%09d", fresh.incrementAndGet()) : scripted.remove(0);
    PromotionCodeBatchService service = serviceWith(texts);
    String id = (String) createBatch("promotion[type]=coupon&promotion[coupon]=CLASH&count=50&length=9").get("id");
    f.test.calls.as(TestApp.BATCH_WORKER, () -> service.work(f.test.batchQueue.take().get(0), () -> true));
    assertThat(retrieveBatch(id)).containsEntry("status", "succeeded").containsEntry("created_count", 50);
    Set<String> made = assertDistinctAndComplete(id, 50);
    assertThat(made).doesNotContain("xtaken2345").contains("xtwice2345");
    assertThat(TestApp.body(f.client.version(CLOVER).get("/v1/promotion_codes/" + existing.get("id"))))
        .isEqualTo(existing);
  }

  @Test
  void aBatchWhoseJobWasLost_isHandedToAWorkerAgainByTheSweep_onceItCountsAsStalled() {
    f.coupon("id=LOST&percent_off=10");
    String id = (String) createBatch("promotion[type]=coupon&promotion[coupon]=LOST&count=20").get("id");
    f.test.batchQueue.take(); // the message never arrives
    assertThat(sweep().batchesResumed()).isZero();
    f.test.clock.advance(Duration.ofMinutes(11));
    assertThat(sweep().batchesResumed()).isEqualTo(1);
    assertThat(f.test.batchQueue.jobs()).containsExactly(new BatchJob(TENANT, id));
    // claimed: the next sweep does not hand it out again while its worker has time
    assertThat(sweep().batchesResumed()).isZero();
    f.test.runBatches();
    assertThat(retrieveBatch(id)).containsEntry("status", "succeeded");
    f.test.clock.advance(Duration.ofMinutes(30));
    assertThat(sweep().batchesResumed()).isZero();
    assertThat(f.test.batchQueue.jobs()).isEmpty();
  }

  @Test
  void codesCsv_isEveryCodeOnce_inPagesThatLinkToTheNext() {
    f.coupon("id=CSV&percent_off=10");
    String id = (String) createBatch("promotion[type]=coupon&promotion[coupon]=CSV&count=250&max_redemptions=3"
        + "&expires_at=" + (TestApp.START.getEpochSecond() + 86_400)).get("id");
    f.test.runBatches();
    ApiResponse first = f.client.version(CLOVER).get("/v1/promotion_code_batches/" + id + "/codes.csv?limit=100");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.headers()).containsEntry("Content-Type", "text/csv; charset=utf-8")
        .containsEntry("Content-Disposition", "attachment; filename=\"" + id + "-codes.csv\"");
    List<String> lines = new ArrayList<>(first.bodyText().lines().toList());
    assertThat(lines.get(0)).isEqualTo("id,code,active,times_redeemed,max_redemptions,expires_at");
    String link = first.headers().get("Link");
    int pages = 1;
    while (link != null) {
      String next = link.substring(1, link.indexOf('>'));
      assertThat(next).startsWith("/v1/promotion_code_batches/" + id + "/codes.csv?starting_after=promo_");
      ApiResponse page = f.client.version(CLOVER).get(next + "&limit=100");
      assertThat(page.bodyText()).doesNotContain("id,code");
      lines.addAll(page.bodyText().lines().toList());
      link = page.headers().get("Link");
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    List<String> rows = lines.subList(1, lines.size());
    assertThat(rows).hasSize(250).doesNotHaveDuplicates().allSatisfy(row ->
        assertThat(row).matches("promo_[A-Za-z0-9]{24},[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{10},true,0,3,"
            + (TestApp.START.getEpochSecond() + 86_400)));
    Set<String> listed = new HashSet<>();
    codeItems(id).forEach(item -> listed.add(item.get("id").s()));
    assertThat(rows.stream().map(row -> row.split(",")[0])).containsExactlyInAnyOrderElementsOf(listed);
  }

  @Test
  void aBatch_isListedNewestFirst_andAnUnknownOneIsA404() {
    f.coupon("id=LIST&percent_off=10");
    String older = (String) createBatch("promotion[type]=coupon&promotion[coupon]=LIST&count=1").get("id");
    f.test.clock.advance(Duration.ofSeconds(5));
    String newer = (String) createBatch("promotion[type]=coupon&promotion[coupon]=LIST&count=2").get("id");
    Map<String, Object> list = TestApp.body(f.client.version(CLOVER).get("/v1/promotion_code_batches"));
    assertThat(list).containsEntry("object", "list").containsEntry("url", "/v1/promotion_code_batches")
        .containsEntry("has_more", false);
    assertThat(((List<?>) list.get("data")).stream().map(batch -> (Object) ((Map<?, ?>) batch).get("id")).toList())
        .containsExactly(newer, older);
    Map<String, Object> missing = TestApp.body(f.client.version(CLOVER).get("/v1/promotion_code_batches/pcb_nope"));
    assertThat(error(missing)).containsEntry("code", "resource_missing").containsEntry("param", "id");
  }

  /**
   * An account may have two unfinished batches at once and make a million codes a day by batches
   * (docs/hosting.md, H1.5): past either, 429 rate_limit naming the limit and when it frees, with
   * nothing written; another account is not affected, and a batch that ends frees its place.
   */
  @Test
  void quotas_unfinishedBatchesAndCodesADay_perAccount() {
    f.coupon("id=QUOTA&percent_off=5");
    String body = "promotion[type]=coupon&promotion[coupon]=QUOTA&count=100000";
    String first = (String) createBatch(body).get("id");
    createBatch(body);
    var before = f.test.snapshot();
    var third = f.client.version(CLOVER).post("/v1/promotion_code_batches", body);
    assertThat(third.status()).isEqualTo(429);
    assertThat(error(TestApp.body(third))).containsEntry("type", "invalid_request_error")
        .containsEntry("code", "rate_limit");
    assertThat((String) error(TestApp.body(third)).get("message")).contains("2 unfinished promotion-code batches")
        .contains("frees when one of them finishes");
    assertThat(f.test.snapshot()).isEqualTo(before);

    Tenant other = new Tenant("acct_other_quota", false);
    f.client.as(other).version(CLOVER).ok("/v1/coupons", "id=QUOTA&percent_off=5");
    assertThat(f.client.as(other).version(CLOVER).post("/v1/promotion_code_batches", body).status()).isEqualTo(200);

    // ending one frees its place; ten batches of 100,000 are the day's million
    var store = new dev.couponapi.store.PromotionCodeBatchStore(f.test.dynamo, f.test.table,
        new dev.couponapi.store.CouponStore(f.test.dynamo, f.test.table, 1), null);
    assertThat(store.fail(TENANT, first, "ended by the test")).isTrue();
    String lastOfTheDay = null;
    for (int made = 2; made < 10; made++) {
      lastOfTheDay = (String) createBatch(body).get("id");
      assertThat(lastOfTheDay).as("batch " + (made + 1)).isNotNull();
      assertThat(store.fail(TENANT, lastOfTheDay, "ended by the test")).isTrue();
    }
    var eleventh = f.client.version(CLOVER).post("/v1/promotion_code_batches", body);
    assertThat(eleventh.status()).isEqualTo(429);
    assertThat((String) error(TestApp.body(eleventh)).get("message")).contains("1,000,000 codes made by batches a day")
        .contains("00:00 UTC");
    f.test.clock.advance(java.time.Duration.ofDays(1));
    assertThat(f.client.version(CLOVER).post("/v1/promotion_code_batches", body).status()).isEqualTo(200);
  }

  private PromotionCodeBatchService.Progress work(BatchJob job) {
    return f.test.calls.as(TestApp.BATCH_WORKER, () -> f.test.app.batchService().work(job, () -> true));
  }

  private dev.couponapi.service.ExpirySweep.Summary sweep() {
    return f.test.calls.as("ExpirySweepFunction", () -> f.test.app.sweep().run(1000));
  }


  private PromotionCodeBatchService serviceWith(dev.couponapi.service.CodeTexts texts) {
    var coupons = new dev.couponapi.store.CouponStore(f.test.dynamo, f.test.table, 1);
    var codes = new dev.couponapi.store.PromotionCodeStore(f.test.dynamo, f.test.table, coupons, 1);
    return new PromotionCodeBatchService(new dev.couponapi.store.PromotionCodeBatchStore(f.test.dynamo, f.test.table,
        coupons, codes), coupons, new dev.couponapi.service.PromotionCodeService(codes, coupons,
        new dev.couponapi.store.CustomerStore(f.test.dynamo, f.test.table)),
        f.test.batchQueue, texts, f.test.clock,
        new dev.couponapi.service.Events(new dev.couponapi.store.EventStore(f.test.dynamo, f.test.table,
            dev.couponapi.store.EventSnapshots.of(dev.couponapi.store.Snapshots.PROMOTION_CODE))),
        CLOVER);
  }

  /** The batch made exactly {@code count} codes, with distinct texts each holding its marker; their texts. */
  private Set<String> assertDistinctAndComplete(String batch, int count) {
    List<Map<String, AttributeValue>> codes = codeItems(batch);
    assertThat(codes).hasSize(count);
    Set<String> texts = new HashSet<>();
    codes.forEach(item -> texts.add(item.get("code").s().toLowerCase()));
    assertThat(texts).hasSize(count);
    Set<String> ids = new HashSet<>();
    codes.forEach(item -> ids.add(item.get("id").s()));
    Set<String> markerHolders = new HashSet<>();
    f.test.snapshot().stream().filter(item -> item.get("pk").s()
        .contains("#pcode#") && item.containsKey("unrestricted"))
        .forEach(item -> markerHolders.add(item.get("unrestricted").s()));
    assertThat(markerHolders).containsAll(ids);
    return texts;
  }
}
