package dev.couponapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.ddblocal.DynamoDbLocalServer;
import dev.couponapi.local.FaultProxy.Fault;
import dev.couponapi.wire.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local API on a DynamoDB that fails: ./run-local serve --endpoint pointing at a proxy in front
 * of DynamoDB Local that throttles, answers 500, answers too late or loses answers after the write.
 * Nothing may oversell, nothing may be made twice, and every answer is a success or Stripe's 429/500.
 */
class FaultsEndToEndTest {

  private static final List<Fault> ALL = List.of(Fault.values());

  private static DynamoDbLocalServer dynamo;
  private static FaultProxy proxy;
  private static RunningServe serve;

  @BeforeAll
  static void start() throws Exception {
    // the deployment's timeouts, scaled down so that a slow answer costs the tests little
    System.setProperty("DYNAMODB_ATTEMPT_TIMEOUT_MS", "400");
    System.setProperty("DYNAMODB_CALL_TIMEOUT_MS", "4000");
    dynamo = DynamoDbLocalServer.inMemory(0);
    proxy = new FaultProxy(dynamo.endpoint());
    proxy.slowBy(700);
    serve = new RunningServe("--endpoint", proxy.endpoint().toString());
  }

  @AfterAll
  static void stop() throws Exception {
    serve.close();
    proxy.close();
    dynamo.close();
    System.clearProperty("DYNAMODB_ATTEMPT_TIMEOUT_MS");
    System.clearProperty("DYNAMODB_CALL_TIMEOUT_MS");
  }

  @AfterEach
  void quiet() {
    proxy.quiet();
  }

  private static Map<String, Object> json(HttpResponse<String> response) {
    return Json.readObject(response.body());
  }

  /** A client that retries a 409, 429 or 500 with the same Idempotency-Key, as Stripe's SDKs do. */
  private static HttpResponse<String> untilDefinitive(String path, String body, String key, List<Integer> seen)
      throws Exception {
    HttpResponse<String> response = null;
    for (int attempt = 0; attempt < 40; attempt++) {
      response = serve.send("POST", path, body, "Idempotency-Key", key);
      seen.add(response.statusCode());
      assertStripeShaped(response);
      if (!List.of(409, 429, 500).contains(response.statusCode())) {
        return response;
      }
    }
    return response;
  }

  private static void assertStripeShaped(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    if (response.statusCode() != 200) {
      assertThat(json(response)).containsKey("error");
      assertThat(response.body()).doesNotContain("Exception").doesNotContain("<html");
    }
  }

  @Test
  void racingCappedRedemptions_underTenPercentFaults_neverOversell() throws Exception {
    String coupon = "CAP" + System.nanoTime();
    assertThat(serve.send("POST", "/v1/coupons", "id=" + coupon + "&percent_off=10&max_redemptions=20").statusCode())
        .isEqualTo(200);
    proxy.inject(0.10, ALL, Set.of());
    List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(12);
    List<Future<HttpResponse<String>>> results = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String key = coupon + "-customer-" + i;
      results.add(pool.submit(() -> untilDefinitive("/v1/customers", "name=" + key + "&coupon=" + coupon, key,
          statuses)));
    }
    int redeemed = 0;
    for (Future<HttpResponse<String>> result : results) {
      HttpResponse<String> response = result.get();
      if (response.statusCode() == 200) {
        redeemed++;
      } else {
        assertThat(json(response).get("error").toString()).contains("coupon_expired");
      }
    }
    pool.shutdown();
    proxy.quiet();
    assertThat(statuses).isSubsetOf(200, 400, 409, 429, 500);
    assertThat(redeemed).isEqualTo(20);
    Map<String, Object> read = json(serve.send("GET", "/v1/coupons/" + coupon, null));
    assertThat(read).containsEntry("times_redeemed", 20).containsEntry("valid", false);
    assertThat(discountsOf(coupon)).isEqualTo(20);
    System.out.println("faults injected: " + faults() + "; statuses: " + count(statuses));
  }

  @Test
  void aCreateRetriedWithTheSameKeyAfterALostAnswer_makesExactlyOneCoupon() throws Exception {
    for (String operation : List.of("PutItem", "TransactWriteItems")) {
      String id = "LOST" + operation + System.nanoTime();
      proxy.inject(1.0, List.of(Fault.LOST_ANSWER), Set.of(operation), 1);
      List<Integer> statuses = new ArrayList<>();
      HttpResponse<String> created = untilDefinitive("/v1/coupons", "id=" + id + "&percent_off=5", "key-" + id,
          statuses);
      assertThat(created.statusCode()).as(operation + " " + statuses).isEqualTo(200);
      assertThat(json(created)).containsEntry("id", id);
      assertThat(proxy.injected(Fault.LOST_ANSWER)).isPositive();
      HttpResponse<String> list = serve.send("GET", "/v1/coupons?limit=100", null);
      assertThat(list.body().split("\"id\":\"" + id + "\"", -1)).hasSize(2);
    }
  }

  @Test
  void everyAnswerUnderFaults_isASuccessOrAStripeShaped429Or500() throws Exception {
    proxy.inject(0.10, ALL, Set.of());
    List<Integer> statuses = new ArrayList<>();
    AtomicInteger made = new AtomicInteger();
    for (int i = 0; i < 40; i++) {
      String id = "MIX" + i + "x" + System.nanoTime();
      HttpResponse<String> created = serve.send("POST", "/v1/coupons", "id=" + id + "&percent_off=5",
          "Idempotency-Key", "mix-" + id);
      statuses.add(created.statusCode());
      assertStripeShaped(created);
      if (created.statusCode() == 200) {
        made.incrementAndGet();
      }
      for (String read : List.of("/v1/coupons/" + id, "/v1/coupons?limit=5")) {
        HttpResponse<String> response = serve.send("GET", read, null);
        assertStripeShaped(response);
        statuses.add(response.statusCode() == 404 && created.statusCode() != 200 ? 200 : response.statusCode());
      }
    }
    assertThat(statuses).isSubsetOf(200, 429, 500);
    assertThat(made.get()).isPositive();
    System.out.println("faults injected: " + faults() + "; statuses: " + count(statuses));
  }

  @Test
  void theSweepUnderFaults_completesOnALaterRun_withNoEffectAppliedTwice() throws Exception {
    long due = Instant.now().getEpochSecond() + 3600;
    for (int i = 0; i < 15; i++) {
      String coupon = "SWEPT" + i;
      assertThat(serve.send("POST", "/v1/coupons", "id=" + coupon + "&percent_off=5&redeem_by=" + due).statusCode())
          .isEqualTo(200);
      assertThat(serve.send("POST", "/v1/promotion_codes", "promotion[type]=coupon&promotion[coupon]=" + coupon)
          .statusCode()).isEqualTo(200);
    }
    String[] sweep = {"sweep", "--now", Long.toString(due + 60), "--write", "--endpoint", proxy.endpoint().toString()};
    long coupons = 0;
    long codes = 0;
    proxy.inject(0.30, ALL, Set.of());
    for (int run = 0; run < 10; run++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      LocalMain main = new LocalMain(LocalApi.home(), new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      int status = main.run(sweep);
      if (run > 0) {
        proxy.quiet();
      }
      String summary = out.toString(StandardCharsets.UTF_8);
      coupons += number(summary, "coupons_expired");
      codes += number(summary, "promotion_codes_switched_off");
      if (status == 0 && summary.contains("complete: true") && run > 0) {
        break;
      }
    }
    // a write whose answer was lost happened once, and its retry found it done: counted as already handled
    assertThat(coupons).as("no coupon expired twice").isBetween(1L, 15L);
    assertThat(codes).as("no code switched off twice").isBetween(1L, 15L);
    ByteArrayOutputStream after = new ByteArrayOutputStream();
    assertThat(new LocalMain(LocalApi.home(), new PrintStream(after, true, StandardCharsets.UTF_8), System.err)
        .run(new String[] {"sweep", "--now", Long.toString(due + 60), "--endpoint", proxy.endpoint().toString()}))
        .isZero();
    assertThat(after.toString(StandardCharsets.UTF_8)).as("nothing left to expire").contains("examined: 0")
        .contains("complete: true");
    for (int i = 0; i < 15; i++) {
      assertThat(json(serve.send("GET", "/v1/promotion_codes?coupon=SWEPT" + i + "&active=false", null)).get("data")
          .toString()).contains("promo_");
    }
  }

  private static long number(String summary, String name) {
    return summary.lines().filter(line -> line.startsWith(name + ": ")).mapToLong(line -> Long.parseLong(
        line.substring(name.length() + 2))).sum();
  }

  private static int discountsOf(String coupon) throws Exception {
    int count = 0;
    String after = null;
    while (true) {
      Map<String, Object> page = json(serve.send("GET", "/v1/customers?limit=100"
          + (after == null ? "" : "&starting_after=" + after), null));
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> data = (List<Map<String, Object>>) page.get("data");
      for (Map<String, Object> customer : data) {
        if (customer.get("discount") instanceof Map<?, ?> discount && discount.toString().contains(coupon)) {
          count++;
        }
      }
      if (!Boolean.TRUE.equals(page.get("has_more")) || data.isEmpty()) {
        return count;
      }
      after = (String) data.get(data.size() - 1).get("id");
    }
  }

  private static Map<Fault, Long> faults() {
    Map<Fault, Long> counts = new java.util.EnumMap<>(Fault.class);
    for (Fault fault : Fault.values()) {
      counts.put(fault, proxy.injected(fault));
    }
    return counts;
  }

  private static Map<Integer, Long> count(List<Integer> statuses) {
    Map<Integer, Long> counts = new ConcurrentHashMap<>();
    statuses.forEach(status -> counts.merge(status, 1L, Long::sum));
    return new java.util.TreeMap<>(counts);
  }
}
