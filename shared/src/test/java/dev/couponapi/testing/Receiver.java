package dev.couponapi.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A webhook receiver on loopback (Svix's TestReceiver, in Java): answers each POST with the next
 * status of its script (then the last one again) and keeps what it received, headers and raw body.
 */
public final class Receiver implements AutoCloseable {

  /** One request as it arrived. */
  public record Received(String path, Map<String, List<String>> headers, String body) {

    public String header(String name) {
      return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
    }
  }

  private final HttpServer server;
  private final Deque<Integer> script = new ArrayDeque<>();
  private final List<Received> received = new ArrayList<>();
  private int last = 200;

  public Receiver(int... statuses) {
    for (int status : statuses) {
      script.add(status);
    }
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      int status;
      synchronized (this) {
        received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
        status = script.isEmpty() ? last : script.poll();
        last = status;
        notifyAll();
      }
      if (status == 308) {
        exchange.getResponseHeaders().add("Location", "/redirected");
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public synchronized List<Received> received() {
    return List.copyOf(received);
  }

  /** What arrived once {@code count} requests have, or when {@code timeout} ran out (fewer, then). */
  public synchronized List<Received> await(int count, java.time.Duration timeout) throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    for (long left = timeout.toNanos(); received.size() < count && left > 0; left = until - System.nanoTime()) {
      wait(Math.max(1, left / 1_000_000));
    }
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
