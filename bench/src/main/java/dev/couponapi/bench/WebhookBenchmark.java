package dev.couponapi.bench;

import com.sun.net.httpserver.HttpServer;
import dev.couponapi.wire.Json;
import java.net.InetSocketAddress;
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
import java.util.concurrent.Executors;
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

  private final HttpClient http = HttpClient.newHttpClient();
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
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    receiver.setExecutor(Executors.newFixedThreadPool(8));
    receiver.createContext("/hook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      long now = System.nanoTime();
      Map<String, Object> event = Json.readObject(new String(body, StandardCharsets.UTF_8));
      Object id = ((Map<?, ?>) ((Map<?, ?>) event.get("data")).get("object")).get("id");
      arrived.putIfAbsent(String.valueOf(id), now);
      deliveries.incrementAndGet();
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.start();
    try {
      String hook = URLEncoder.encode("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
          StandardCharsets.UTF_8);
      if (change == CUSTOMER) {
        post("/_config/webhooks/bench", "url=" + hook + "&secret=whsec_bench&events[]=" + change.eventType());
      } else {
        post("/v1/webhook_endpoints", "url=" + hook + "&enabled_events[]=" + change.eventType());
      }
      latency(events);
      if (seconds > 0) {
        throughput(seconds);
      }
    } finally {
      receiver.stop(0);
    }
  }

  private void latency(int events) throws Exception {
    int warmUp = 50;
    List<String> ids = new ArrayList<>();
    Map<String, Long> answered = new ConcurrentHashMap<>();
    for (int i = 0; i < warmUp + events; i++) {
      String id = Bench.id(post(change.path(), change.body().apply(i)));
      if (i == warmUp - 1) {
        awaitArrivals(List.of(id));
      }
      if (i >= warmUp) {
        answered.put(id, System.nanoTime());
        ids.add(id);
      }
    }
    awaitArrivals(ids);
    long[] latencies = new long[events];
    for (int i = 0; i < events; i++) {
      Long at = arrived.get(ids.get(i));
      latencies[i] = at == null ? Long.MAX_VALUE : at - answered.get(ids.get(i));
    }
    java.util.Arrays.sort(latencies);
    long lost = java.util.Arrays.stream(latencies).filter(l -> l == Long.MAX_VALUE).count();
    System.out.printf("latency, %d %ss one after another (1 connection), API's 200 → %s delivery arrived: "
        + "median %.1f ms, p99 %.1f ms, max %.1f ms%s%n", events, change.label(), change.eventType(),
        latencies[events / 2] / 1e6,
        Bench.Stats.percentile(latencies, 99) / 1e6, latencies[events - 1 - (int) lost] / 1e6,
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
