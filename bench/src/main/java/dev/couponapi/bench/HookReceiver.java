package dev.couponapi.bench;

import com.sun.net.httpserver.HttpServer;
import dev.couponapi.wire.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

/**
 * A webhook receiver on 127.0.0.1 that answers 200 to every delivery at {@link #url()} and tells
 * {@code arrival} the id of the event's object and the moment (nanoTime) it arrived.
 */
final class HookReceiver implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService handlers;

  HookReceiver(int threads, BiConsumer<String, Long> arrival) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    handlers = Executors.newFixedThreadPool(threads);
    server.setExecutor(handlers);
    server.createContext("/hook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      long now = System.nanoTime();
      Map<String, Object> event = Json.readObject(new String(body, StandardCharsets.UTF_8));
      Object id = ((Map<?, ?>) ((Map<?, ?>) event.get("data")).get("object")).get("id");
      arrival.accept(String.valueOf(id), now);
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
