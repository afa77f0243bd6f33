package dev.couponapi.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Webhooks on a running ./run-local serve (bench/webhooks starts it): a receiver in this JVM, one
 * endpoint for coupon.created. (1) Latency: coupons created one after another; for each, the time
 * from the API's 200 (the change and its event are committed by then) to its delivery's arrival;
 * median and p99. (2) Throughput: 8 clients create coupons for a while; deliveries a second while
 * they do, and how long the last delivery takes to arrive after the last create. With
 * {@code localstripe URL N}, (1) on localstripe, whose nearest event is customer.created (it records
 * none for coupons), its webhook registered through its /_config/webhooks.
 */
public final class WebhookBenchmark {

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String url;
  private final String key;
  /** Coupon id → when its delivery arrived (nanoTime), first arrival only. */
  private final Map<String, Long> arrived = new ConcurrentHashMap<>();
  private final AtomicInteger deliveries = new AtomicInteger();

  /** What a change is on the server measured: its path and body for the n-th, and its event type. */
  private record Change(String path, java.util.function.IntFunction<String> body, String eventType, String label) {}

  private static final Change COUPON = new Change("/v1/coupons", n -> "id=C" + n + "&percent_off=5",
      "coupon.created", "coupon");
  private static final Change CUSTOMER = new Change("/v1/customers", n -> "email=c" + n + "%40example.com",
      "customer.created", "customer");

  private final Change change;

  private WebhookBenchmark(String url, String key, Change change) {
    this.url = url;
    this.key = key;
    this.change = change;
  }

  public static void main(String[] args) throws Exception {
    if (args[0].equals("localstripe")) {
      new WebhookBenchmark(args[1], "sk_test_bench", CUSTOMER).run(Integer.parseInt(args[2]), 0);
      return;
    }
    int events = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 15;
    new WebhookBenchmark(args[0], args[1], COUPON).run(events, seconds);
  }

  private void run(int events, int seconds) throws Exception {
    HookReceiver receiver = new HookReceiver(8, (id, at) -> {
      arrived.putIfAbsent(id, at);
      deliveries.incrementAndGet();
    });
    try {
      String hook = URLEncoder.encode(receiver.url(), StandardCharsets.UTF_8);
      if (change == CUSTOMER) {
        // every event: a single events[] value does not decode as a list there; customer creates only make this one
        post("/_config/webhooks/bench", "url=" + hook + "&secret=whsec_bench");
      } else {
        post("/v1/webhook_endpoints", "url=" + hook + "&enabled_events[]=" + change.eventType());
      }
      // localstripe waits a second before each delivery: one at a time, a tenth as many
      latency(change == CUSTOMER ? Math.max(10, events / 10) : events, true);
      latency(events, false);
      if (seconds > 0) {
        throughput(seconds);
      }
    } finally {
      receiver.close();
    }
  }

  /**
   * {@code oneAtATime}: each create waits for the previous delivery (the latency itself); else
   * creates follow each other as fast as the API answers (deliveries may queue behind them).
   */
  private void latency(int events, boolean oneAtATime) throws Exception {
    int warmUp = 50;
    int offset = oneAtATime ? 0 : 1_000_000;
    List<String> ids = new ArrayList<>();
    Map<String, Long> answered = new ConcurrentHashMap<>();
    Map<String, Long> sent = new ConcurrentHashMap<>();
    for (int i = 0; i < warmUp + events; i++) {
      long sentAt = System.nanoTime();
      String id = Bench.id(post(change.path(), change.body().apply(offset + i)));
      if (i >= warmUp) {
        sent.put(id, sentAt);
        answered.put(id, System.nanoTime());
        ids.add(id);
      }
      if (i == warmUp - 1 || oneAtATime) {
        awaitArrivals(List.of(id));
      }
    }
    awaitArrivals(ids);
    long[] fromSent = new long[events];
    long[] fromAnswer = new long[events];
    long[] creates = new long[events];
    int lost = 0;
    for (int i = 0; i < events; i++) {
      String id = ids.get(i);
      Long at = arrived.get(id);
      if (at == null) {
        lost++;
        fromSent[i] = Long.MAX_VALUE;
        fromAnswer[i] = Long.MAX_VALUE;
      } else {
        fromSent[i] = at - sent.get(id);
        fromAnswer[i] = at - answered.get(id);
      }
      creates[i] = answered.get(id) - sent.get(id);
    }
    java.util.Arrays.sort(fromSent);
    java.util.Arrays.sort(fromAnswer);
    java.util.Arrays.sort(creates);
    System.out.printf("latency, %d %ss %s (1 connection), %s delivery arrived after the create was sent: median "
        + "%.1f ms, p99 %.1f ms; after its 200: median %.1f ms, p99 %.1f ms (the create itself: median %.1f ms)%s%n",
        events, change.label(), oneAtATime ? "one at a time, each after the previous delivery" : "back to back",
        change.eventType(), fromSent[events / 2] / 1e6, Bench.Stats.percentile(fromSent, 99) / 1e6,
        fromAnswer[events / 2] / 1e6, Bench.Stats.percentile(fromAnswer, 99) / 1e6, creates[events / 2] / 1e6,
        lost == 0 ? "" : "; " + lost + " never arrived");
  }

  private void throughput(int seconds) throws Exception {
    int before = deliveries.get();
    AtomicInteger created = new AtomicInteger();
    List<String> sent = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> clients = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < 8; c++) {
      int client = c;
      Thread thread = new Thread(() -> {
        for (int n = 0; !stop.get(); n++) {
          try {
            post("/v1/coupons", "id=TP" + client + "x" + n + "&percent_off=5");
            sent.add("TP" + client + "x" + n);
            created.incrementAndGet();
          } catch (Exception failed) {
            throw new IllegalStateException(failed);
          }
        }
      });
      thread.start();
      clients.add(thread);
    }
    Thread.sleep(seconds * 1000L);
    int deliveredDuring = deliveries.get() - before;
    stop.set(true);
    for (Thread thread : clients) {
      thread.join();
    }
    long createsEnded = System.nanoTime();
    int total = created.get();
    awaitArrivals(sent);
    long drained = System.nanoTime();
    double window = (createsEnded - start) / 1e9;
    System.out.printf("throughput, 8 clients creating for %d s: %,d creates (%.0f/s); %,d deliveries arrived "
        + "while they ran (%.0f/s); the last delivery %.0f ms after the last create%n", seconds, total,
        total / window, deliveredDuring, deliveredDuring / (double) seconds, (drained - createsEnded) / 1e6);
  }

  /** Waits (bounded, 120 s) until the objects with these ids were delivered. */
  private void awaitArrivals(List<String> ids) throws InterruptedException {
    for (long until = System.currentTimeMillis() + 120_000; System.currentTimeMillis() < until; ) {
      if (arrived.keySet().containsAll(ids)) {
        return;
      }
      Thread.sleep(5);
    }
  }

  private String post(String path, String body) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + path))
        .header("Authorization", "Bearer " + key).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
