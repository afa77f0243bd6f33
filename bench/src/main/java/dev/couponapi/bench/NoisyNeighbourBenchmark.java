package dev.couponapi.bench;

import dev.couponapi.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One account misbehaving next to a quiet one, on a running ./run-local serve (bench/noisy starts
 * it and makes both accounts' keys). The quiet account creates and retrieves coupons at 8
 * connections, 80 pairs a second in all (about a quarter of what serve answers on 2 cores, so that
 * its latency is the requests' own, not a queue's), and has one endpoint, on a receiver in this JVM that answers at once, for
 * customer.created: a probe creates a customer every 50 ms and times its delivery from the create's
 * 200 to its arrival. Measured twice, each for the same time: with the other account idle, then with
 * it running a 100,000-code batch, 16 endpoints for every event on receivers that never answer (half
 * accept and say nothing, half trickle a status line a byte a second) and two clients asking
 * {@code GET /v1/events} for a page of 100 with a 40-star wildcard type, 20 times a second each.
 */
public final class NoisyNeighbourBenchmark {

  private static final int CONNECTIONS = 8;
  private static final int PROBE_EVERY_MS = 50;
  /** Each connection's pace: 8 connections make 80 creates and 80 retrieves a second. */
  private static final long PAIR_EVERY_MS = 100;
  private static final int SLOW_ENDPOINTS = 16;
  private static final int BATCH_CODES = 100_000;
  /** 40 stars that match every *.created type: each query reads and renders a page of the batch's events. */
  private static final String MANY_STARS = "*".repeat(40) + ".created";
  /** Each wildcard client's pace: two make 40 queries a second. */
  private static final long QUERY_EVERY_MS = 50;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String url;
  private final String quietKey;
  private final String noisyKey;
  /** Which misbehaviours run (all by default; one alone shows what each costs). */
  private static final Set<String> PARTS = Set.of("batch", "endpoints", "wildcard");
  private final Set<String> parts;
  /** Customer id → when its delivery arrived (nanoTime), first arrival only. */
  private final Map<String, Long> arrived = new ConcurrentHashMap<>();
  private final AtomicInteger slowConnections = new AtomicInteger();
  private final List<Socket> held = Collections.synchronizedList(new ArrayList<>());

  private NoisyNeighbourBenchmark(String url, String quietKey, String noisyKey, Set<String> parts) {
    this.parts = parts;
    this.url = url;
    this.quietKey = quietKey;
    this.noisyKey = noisyKey;
  }

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    Set<String> parts = Set.of((args.length > 4 ? args[4] : String.join(",", PARTS)).split(","));
    if (!PARTS.containsAll(parts)) {
      throw new IllegalArgumentException("the misbehaviours are " + PARTS + ", not " + parts);
    }
    new NoisyNeighbourBenchmark(args[0], args[1], args[2], parts).run(seconds);
  }

  /** What the quiet account saw in one phase. */
  private record Phase(String name, long[] requests, long[] deliveries, int lost, double seconds) {
    double perSecond() {
      return requests.length / seconds;
    }

    double p(long[] sorted, double percentile) {
      return Bench.Stats.percentile(sorted, percentile) / 1e6;
    }
  }

  private void run(int seconds) throws Exception {
    HookReceiver receiver = new HookReceiver(4, arrived::putIfAbsent);
    List<ServerSocket> slow = new ArrayList<>();
    AtomicBoolean noisy = new AtomicBoolean();
    List<Thread> misbehaving = new ArrayList<>();
    try {
      post(quietKey, "/v1/webhook_endpoints", "url=" + encode(receiver.url()) + "&enabled_events[]=customer.created");
      measure("warm-up", Math.min(5, seconds));
      Phase quiet = measure("the other account idle", seconds);

      for (int i = 0; parts.contains("endpoints") && i < SLOW_ENDPOINTS; i++) {
        ServerSocket socket = slowReceiver(i % 2 == 0);
        slow.add(socket);
        post(noisyKey, "/v1/webhook_endpoints", "url=" + encode("http://127.0.0.1:" + socket.getLocalPort()
            + "/hook") + "&enabled_events[]=*");
      }
      post(noisyKey, "/v1/coupons", "id=NOISY&percent_off=10");
      String batch = !parts.contains("batch") ? null : Bench.id(post(noisyKey, "/v1/promotion_code_batches",
          "promotion[type]=coupon&promotion[coupon]=NOISY&count=" + BATCH_CODES + "&max_redemptions=1"));
      noisy.set(true);
      List<Long> wildcard = Collections.synchronizedList(new ArrayList<>());
      for (int i = 0; parts.contains("wildcard") && i < 2; i++) {
        misbehaving.add(started(() -> {
          for (long due = System.nanoTime(); noisy.get(); due += QUERY_EVERY_MS * 1_000_000L) {
            pause(due);
            get(noisyKey, "/v1/events?limit=100&type=" + MANY_STARS);
            wildcard.add(System.nanoTime() - due);
          }
        }));
      }
      Thread.sleep(5_000); // the batch, its events' fan-out and the first slow attempts under way
      long madeBefore = made(batch);
      Phase misbehaved = measure("the other account misbehaving", seconds);
      long madeDuring = made(batch) - madeBefore;
      noisy.set(false);
      for (Thread thread : misbehaving) {
        thread.join();
      }

      System.out.println();
      System.out.printf("| the quiet account (%d connections creating and retrieving coupons; a delivery probe) "
          + "| requests/s | p50 | p99 | delivery p50 | delivery p99 | deliveries lost |%n", CONNECTIONS);
      System.out.println("|---|---|---|---|---|---|---|");
      for (Phase phase : List.of(quiet, misbehaved)) {
        System.out.printf("| %s | %,.0f | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %d of %d |%n", phase.name(),
            phase.perSecond(), phase.p(phase.requests(), 50), phase.p(phase.requests(), 99),
            phase.p(phase.deliveries(), 50), phase.p(phase.deliveries(), 99), phase.lost(),
            phase.deliveries().length + phase.lost());
      }
      System.out.printf("| misbehaving ÷ idle | %.2fx | %.2fx | %.2fx | %.2fx | %.2fx | |%n",
          misbehaved.perSecond() / quiet.perSecond(),
          misbehaved.p(misbehaved.requests(), 50) / quiet.p(quiet.requests(), 50),
          misbehaved.p(misbehaved.requests(), 99) / quiet.p(quiet.requests(), 99),
          misbehaved.p(misbehaved.deliveries(), 50) / quiet.p(quiet.deliveries(), 50),
          misbehaved.p(misbehaved.deliveries(), 99) / quiet.p(quiet.deliveries(), 99));
      long[] stars = Bench.sorted(wildcard);
      System.out.printf("%nthe misbehaving account meanwhile: its batch made %,d codes (%,.0f a second); %,d "
          + "connections to its 16 slow receivers; %,d wildcard queries of %d stars, median %.1f ms, p99 %.1f ms%n",
          madeDuring, madeDuring / misbehaved.seconds(), slowConnections.get(), stars.length,
          MANY_STARS.chars().filter(c -> c == '*').count(), Bench.Stats.percentile(stars, 50) / 1e6,
          Bench.Stats.percentile(stars, 99) / 1e6);
    } finally {
      noisy.set(false);
      receiver.close();
      for (ServerSocket socket : slow) {
        socket.close();
      }
      synchronized (held) {
        for (Socket socket : held) {
          socket.close();
        }
      }
    }
  }

  /** How many codes the batch has made (0 without one). */
  private long made(String batch) {
    return batch == null ? 0
        : ((Number) Json.readObject(get(noisyKey, "/v1/promotion_code_batches/" + batch)).get("created_count"))
            .longValue();
  }

  /**
   * A receiver that takes connections and never answers: {@code silent} ones say nothing, the others
   * send a status line a byte a second and never end it.
   */
  private ServerSocket slowReceiver(boolean silent) throws IOException {
    ServerSocket server = new ServerSocket(0, 256, java.net.InetAddress.getLoopbackAddress());
    started(() -> {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          slowConnections.incrementAndGet();
          held.add(socket);
          started(() -> hold(socket, silent));
        } catch (IOException closed) {
          return;
        }
      }
    });
    return server;
  }

  private static void hold(Socket socket, boolean silent) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      byte[] status = "HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII);
      byte[] buffer = new byte[8192];
      for (int sent = 0; !socket.isClosed(); sent++) {
        if (in.available() > 0 && in.read(buffer) < 0) {
          return;
        }
        if (!silent && sent < status.length - 2) {
          out.write(status[sent]);
          out.flush();
        }
        Thread.sleep(1000);
      }
    } catch (IOException | InterruptedException gone) {
      // the client gave up: what a slow receiver's connection ends with
    }
  }

  /**
   * The quiet account's load and delivery probe for this long; what they saw. Each connection starts
   * a create-then-retrieve pair every {@link #PAIR_EVERY_MS} ms (at once when it is late), and a
   * create's latency counts from when it was due, so a stall shows as the waits it causes.
   */
  private Phase measure(String name, int seconds) throws Exception {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    String run = Long.toString(System.nanoTime(), 36);
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < CONNECTIONS; c++) {
      int client = c;
      clients.add(started(() -> {
        long due = System.nanoTime() + client * PAIR_EVERY_MS * 1_000_000L / CONNECTIONS;
        for (int n = 0; !stop.get(); n++) {
          pause(due);
          String id = "Q" + run + "c" + client + "n" + n;
          post(quietKey, "/v1/coupons", "id=" + id + "&percent_off=5");
          long created = System.nanoTime();
          get(quietKey, "/v1/coupons/" + id);
          latencies.add(created - due);
          latencies.add(System.nanoTime() - created);
          due += PAIR_EVERY_MS * 1_000_000L;
        }
      }));
    }
    Map<String, Long> answered = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    long until = start + seconds * 1_000_000_000L;
    for (int n = 0; System.nanoTime() < until; n++) {
      String id = Bench.id(post(quietKey, "/v1/customers", "email=probe" + run + "x" + n + "%40example.com"));
      answered.put(id, System.nanoTime());
      Thread.sleep(PROBE_EVERY_MS);
    }
    stop.set(true);
    for (Thread client : clients) {
      client.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    for (long wait = System.currentTimeMillis() + 60_000; System.currentTimeMillis() < wait
        && !arrived.keySet().containsAll(answered.keySet()); ) {
      Thread.sleep(10);
    }
    List<Long> deliveries = new ArrayList<>();
    answered.forEach((id, at) -> {
      Long arrival = arrived.get(id);
      if (arrival != null) {
        deliveries.add(arrival - at);
      }
    });
    return new Phase(name, Bench.sorted(latencies), Bench.sorted(deliveries), answered.size() - deliveries.size(),
        elapsed);
  }

  private String post(String key, String path, String body) {
    return send(key, HttpRequest.newBuilder(URI.create(url + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)), path);
  }

  private String get(String key, String path) {
    return send(key, HttpRequest.newBuilder(URI.create(url + path)).GET(), path);
  }

  private String send(String key, HttpRequest.Builder request, String path) {
    try {
      HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + key).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException failed) {
      throw new IllegalStateException(path + ": " + failed, failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(path + ": interrupted", interrupted);
    }
  }

  private static void pause(long until) {
    long left = until - System.nanoTime();
    if (left > 0) {
      try {
        Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Thread started(Runnable work) {
    Thread thread = new Thread(work);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
