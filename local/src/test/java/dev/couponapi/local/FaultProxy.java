package dev.couponapi.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP proxy in front of DynamoDB Local, on loopback, that answers some requests with a fault
 * instead: a throttling error, a 500, an answer slower than the SDK waits, or the real answer lost
 * after the request went through (the write happened; the caller never hears). Which faults, how
 * often and for which DynamoDB operations is set by the test; every fault is counted.
 */
final class FaultProxy implements AutoCloseable {

  enum Fault { THROTTLE, SERVER_ERROR, SLOW, LOST_ANSWER }

  private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect",
      "transfer-encoding", "upgrade");

  private final URI target;
  private final HttpServer server;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Map<Fault, AtomicLong> injected = new EnumMap<>(Fault.class);
  private final AtomicLong forwarded = new AtomicLong();
  private volatile double rate;
  private volatile List<Fault> faults = List.of();
  private volatile Set<String> operations = Set.of();
  private volatile long slowMillis = 1_000;
  private final AtomicLong budget = new AtomicLong(Long.MAX_VALUE);
  private final Map<String, AtomicLong> byOperation = new ConcurrentHashMap<>();

  FaultProxy(URI target) throws IOException {
    this.target = target;
    for (Fault fault : Fault.values()) {
      injected.put(fault, new AtomicLong());
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    server.setExecutor(Executors.newFixedThreadPool(64));
    server.createContext("/", this::serve);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Faults from now on: at {@code rate} (0..1), drawn from {@code kinds}, for these operations (empty: all). */
  void inject(double rate, List<Fault> kinds, Set<String> onlyOperations) {
    inject(rate, kinds, onlyOperations, Long.MAX_VALUE);
  }

  /** The same, for at most {@code maxFaults} faults. */
  void inject(double rate, List<Fault> kinds, Set<String> onlyOperations, long maxFaults) {
    this.faults = List.copyOf(kinds);
    this.operations = Set.copyOf(onlyOperations);
    this.budget.set(maxFaults);
    this.rate = rate;
  }

  void slowBy(long millis) {
    this.slowMillis = millis;
  }

  void quiet() {
    this.rate = 0;
  }

  long injected(Fault fault) {
    return injected.get(fault).get();
  }

  long forwarded() {
    return forwarded.get();
  }

  private final java.util.concurrent.ScheduledExecutorService later =
      Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fault-proxy-slow");
        thread.setDaemon(true);
        return thread;
      });

  private void serve(HttpExchange exchange) throws IOException {
    boolean answered = true;
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
      byOperation.computeIfAbsent(operation, key -> new AtomicLong()).incrementAndGet();
      Fault fault = draw(operation);
      if (fault == Fault.THROTTLE) {
        error(exchange, 400, "com.amazonaws.dynamodb.v20120810#ThrottlingException", "Rate of requests exceeds the "
            + "allowed throughput.");
        return;
      }
      if (fault == Fault.SERVER_ERROR) {
        error(exchange, 500, "com.amazonaws.dynamodb.v20120810#InternalServerError", "Internal server error");
        return;
      }
      HttpResponse<byte[]> answer = forward(exchange, body);
      if (fault == Fault.LOST_ANSWER) {
        return; // written, and the connection closes without an answer
      }
      if (fault == Fault.SLOW) {
        // the real answer, later than the SDK's attempt timeout: the caller has given up by then
        answered = false;
        later.schedule(() -> answer(exchange, answer), slowMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        return;
      }
      answer(exchange, answer);
    } finally {
      if (answered) {
        exchange.close();
      }
    }
  }

  private static void answer(HttpExchange exchange, HttpResponse<byte[]> answer) {
    try (exchange) {
      answer.headers().map().forEach((name, values) -> {
        if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
          values.forEach(value -> exchange.getResponseHeaders().add(name, value));
        }
      });
      exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
      exchange.getResponseBody().write(answer.body());
    } catch (IOException callerGone) {
      // the caller stopped waiting: what a late answer meets
    }
  }

  private Fault draw(String operation) {
    if (rate <= 0 || faults.isEmpty() || (!operations.isEmpty() && !operations.contains(operation))
        || ThreadLocalRandom.current().nextDouble() >= rate || budget.getAndDecrement() <= 0) {
      return null;
    }
    Fault fault = faults.get(ThreadLocalRandom.current().nextInt(faults.size()));
    injected.get(fault).incrementAndGet();
    return fault;
  }

  private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().getRawPath()))
        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!NOT_FORWARDED.contains(name.toLowerCase())) {
        values.forEach(value -> request.header(name, value));
      }
    });
    try {
      HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      forwarded.incrementAndGet();
      return answer;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
    byte[] json = ("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
    exchange.getResponseHeaders().add("x-amzn-RequestId", "fault-" + System.nanoTime());
    exchange.sendResponseHeaders(status, json.length);
    exchange.getResponseBody().write(json);
  }

  @Override
  public void close() {
    later.shutdownNow();
    server.stop(0);
  }
}
