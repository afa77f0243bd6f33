package dev.couponapi.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import dev.couponapi.ddblocal.EngineTurns;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for the REST API of template.yaml: routes as API Gateway routes, requires
 * the Authorization header (the authorizer's identity source), runs the authorizer function,
 * then the route's function with a REST proxy event, and answers its own errors with the
 * template's Gateway Responses. Binds to 127.0.0.1 only.
 */
public final class LocalGateway implements AutoCloseable {

  static final int MAX_PAYLOAD = 10 * 1024 * 1024;

  static {
    // Small responses otherwise wait on Nagle's algorithm and delayed ACKs: measured p50 at
    // concurrency 1 went from 63 ms to 21 ms with it (bench/JOURNAL.md). Read once, before the first server.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }
  static final String STAGE = "local";

  private final FunctionHost host;
  private final RouteTable routes;
  private final GatewayResponses gatewayResponses;
  private final HttpServer server;
  private final ExecutorService workers;
  private final AuthorizerCache<Decision> decisions;
  private final EngineTurns turns;

  /** The authorizer's answer for one identity: its context, and whether it allowed the request. */
  private record Decision(boolean allowed, Map<String, Object> context) {}

  public LocalGateway(FunctionHost host, int port) throws IOException {
    this(host, port, null);
  }

  /** {@code turns}: the engine's, so that requests go first into it (null: another DynamoDB). */
  public LocalGateway(FunctionHost host, int port, EngineTurns turns) throws IOException {
    this(host, port, turns, System::currentTimeMillis);
  }

  /** {@code clockMillis} is the time the authorizer cache runs on (tests move it). */
  public LocalGateway(FunctionHost host, int port, EngineTurns turns, java.util.function.LongSupplier clockMillis)
      throws IOException {
    this.host = host;
    this.turns = turns;
    this.decisions = new AuthorizerCache<>(host.template().authorizerTtlSeconds(), clockMillis);
    this.routes = new RouteTable(host.template().routes());
    this.gatewayResponses = new GatewayResponses(host.template().gatewayResponses());
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
    this.workers = Executors.newFixedThreadPool(64);
    server.setExecutor(workers);
    server.createContext("/", this::serve);
    server.start();
  }

  /**
   * Forgets every cached authorizer decision, as the admin function has API Gateway's stage do
   * when a key is revoked or rolled: the next request of each key is authorized afresh.
   */
  public void forgetDecisions() {
    decisions.forget();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange; EngineTurns.Request turn = turns == null ? null : turns.request()) {
      String requestId = UUID.randomUUID().toString();
      String method = exchange.getRequestMethod();
      String rawPath = exchange.getRequestURI().getRawPath();
      Map<String, String> context = new LinkedHashMap<>();
      context.put("requestId", requestId);
      context.put("httpMethod", method);
      context.put("path", rawPath);
      byte[] body = readLimited(exchange.getRequestBody());
      if (body == null) {
        send(exchange, gatewayResponses.render("REQUEST_TOO_LARGE", 413, context));
        return;
      }
      Optional<RouteTable.Match> match = routes.match(method, segments(rawPath));
      if (match.isEmpty()) {
        send(exchange, gatewayResponses.render("MISSING_AUTHENTICATION_TOKEN", 403, context));
        return;
      }
      if (!match.get().route().authorized()) {
        // an open route (the dashboard's page): no authorizer, no identity, as API Gateway does
        invoke(exchange, method, rawPath, body, match.get(), Map.of(), requestId, context);
        return;
      }
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (authorization == null || authorization.isEmpty()) {
        send(exchange, gatewayResponses.render("UNAUTHORIZED", 401, context));
        return;
      }
      Decision decision;
      try {
        decision = decisions.decide(authorization, identity -> authorize(exchange, method, match.get()));
      } catch (RuntimeException authorizerFailed) {
        send(exchange, gatewayResponses.render("AUTHORIZER_FAILURE", 500, context));
        return;
      }
      if (!decision.allowed()) {
        decision.context().forEach((key, value) -> context.put("authorizer." + key, String.valueOf(value)));
        send(exchange, gatewayResponses.render("ACCESS_DENIED", 403, context));
        return;
      }
      if (turn != null) {
        turn.actFor(decision.context().get("account")); // its engine calls are the account's from now on
      }
      invoke(exchange, method, rawPath, body, match.get(), decision.context(), requestId, context);
    }
  }

  /** Runs the route's function with a REST proxy event and answers with what it returned. */
  private void invoke(HttpExchange exchange, String method, String rawPath, byte[] body, RouteTable.Match match,
      Map<String, Object> authorizerContext, String requestId, Map<String, String> context) throws IOException {
    Map<String, Object> event = ProxyEvents.request(method, rawPath, exchange.getRequestURI().getRawQuery(),
        exchange.getRequestHeaders(), body, match, authorizerContext, requestId, STAGE);
    Map<String, Object> response;
    try {
      response = host.invoke(match.route().functionId(), event);
    } catch (IOException | RuntimeException handlerFailed) {
      handlerFailed.printStackTrace();
      send(exchange, gatewayResponses.render("DEFAULT_5XX", 502, context));
      return;
    }
    sendProxyResponse(exchange, response);
  }

  /** What the authorizer function decides for this request's identity. */
  @SuppressWarnings("unchecked")
  private Decision authorize(HttpExchange exchange, String method, RouteTable.Match match) {
    Map<String, Object> event = ProxyEvents.authorizerRequest(method, match, exchange.getRequestHeaders(), STAGE);
    Map<String, Object> decision;
    try {
      decision = host.invoke(host.template().authorizerFunctionId(), event);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Map<String, Object> policy = (Map<String, Object>) decision.get("policyDocument");
    Map<String, Object> statement = ((List<Map<String, Object>>) policy.get("Statement")).get(0);
    Map<String, Object> authorizerContext = new LinkedHashMap<>((Map<String, Object>) decision.get("context"));
    if (!"Allow".equals(statement.get("Effect"))) {
      return new Decision(false, Map.copyOf(authorizerContext));
    }
    authorizerContext.put("principalId", decision.get("principalId"));
    return new Decision(true, java.util.Collections.unmodifiableMap(authorizerContext));
  }

  private static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String segment : rawPath.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(ProxyEvents.decodePathSegment(segment));
      }
    }
    return segments;
  }

  private static byte[] readLimited(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int read;
    while ((read = in.read(buffer)) >= 0) {
      out.write(buffer, 0, read);
      if (out.size() > MAX_PAYLOAD) {
        return null;
      }
    }
    return out.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private static void sendProxyResponse(HttpExchange exchange, Map<String, Object> response) throws IOException {
    Object headers = response.get("headers");
    if (headers instanceof Map<?, ?> map) {
      map.forEach((name, value) -> exchange.getResponseHeaders().add(String.valueOf(name), String.valueOf(value)));
    }
    Object body = response.get("body");
    byte[] bytes = body == null ? new byte[0] : String.valueOf(body).getBytes(StandardCharsets.UTF_8);
    write(exchange, ((Number) response.get("statusCode")).intValue(), bytes);
  }

  private static void send(HttpExchange exchange, GatewayResponses.Rendered rendered) throws IOException {
    rendered.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    write(exchange, rendered.status(), rendered.body().getBytes(StandardCharsets.UTF_8));
  }

  private static void write(HttpExchange exchange, int status, byte[] bytes) throws IOException {
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
