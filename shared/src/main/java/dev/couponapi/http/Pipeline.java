package dev.couponapi.http;

import dev.couponapi.api.SafeText;
import dev.couponapi.domain.Origin;
import dev.couponapi.domain.Tenant;
import dev.couponapi.store.ClaimLost;
import dev.couponapi.store.LockTimeout;
import dev.couponapi.api.ApiException;
import dev.couponapi.api.ApiVersion;
import dev.couponapi.wire.ErrorRenderer;
import dev.couponapi.api.Errors;
import dev.couponapi.wire.FormDecoder;
import dev.couponapi.wire.FormDecoder.Pair;
import dev.couponapi.api.Ids;
import dev.couponapi.wire.Json;
import dev.couponapi.wire.ParamBinder;
import dev.couponapi.wire.ParamType;
import dev.couponapi.wire.Params;
import dev.couponapi.service.Change;
import dev.couponapi.service.Events;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The request path every handler shares: request id → auth context → version → decode →
 * validate → operation → render. Errors of any step become Stripe's error object; nothing is
 * written before validation has passed.
 */
public final class Pipeline {

  /** API Gateway accepts 10 MB, Lambda 6 MB; no valid request here comes near this. */
  static final int MAX_BODY_CHARS = 256 * 1024;
  static final int MAX_EXPAND = 20;
  static final int MAX_EXPAND_DEPTH = 4;

  private static final ParamType EXPAND = new ParamType.ListOf(ParamType.text(200), MAX_EXPAND, false);

  private final ApiVersion defaultVersion;
  private final Clock clock;
  private final Idempotency idempotency;
  private final Events events;
  private final RequestLog log;

  public Pipeline(ApiVersion defaultVersion, Clock clock, Idempotency idempotency, Events events, RequestLog log) {
    this.defaultVersion = defaultVersion;
    this.clock = clock;
    this.idempotency = idempotency;
    this.events = events;
    this.log = log;
  }

  public ApiResponse handle(Operation operation, Map<String, Object> event) {
    long started = System.nanoTime();
    String requestId = Ids.requestId();
    ApiVersion version = defaultVersion;
    IdempotencyGuard guard = IdempotencyGuard.NONE;
    ApiResponse response;
    try {
      GatewayRequest request = GatewayRequest.from(event);
      if (!operation.method().equals(request.method())) {
        throw Errors.unrecognizedUrl(request.method(), SafeText.clip(request.path()));
      }
      KeyContext key = KeyContext.read(request.authorizer());
      Tenant tenant = key.tenant();
      key.check(operation, clock.instant());
      version = version(request);
      Map<String, Object> parameters = parameters(request);
      guard = idempotency.begin(request, tenant, parameters, requestId, version);
      Params params = bind(operation, version, parameters);
      Set<String> expand = operation.relativeExpand(expand(operation, version, params));
      String id = operation.pathParameter() == null ? "" : request.pathParameters().getOrDefault(operation.pathParameter(), "");
      Origin origin = new Origin(requestId, idempotencyKey(request), accountVersion(request).value());
      Instant now = clock.instant();
      // a create's answer is rendered as its write commits (the call it renders with is this one)
      Call[] call = new Call[1];
      Change change = new Change(tenant, version, now, origin, events,
          guard.completion(result -> operation.render(call[0], result)));
      call[0] = new Call(tenant, version, now, params, id, expand, change, key);
      Object result = operation.execute(call[0]);
      byte[] committed = guard.committedBody(result);
      response = result instanceof TextBody text ? respond(requestId, version, text)
          : respond(200, requestId, version, committed != null ? committed : Json.write(operation.render(call[0],
              result)));
      guard.finish(response);
    } catch (Idempotency.Replay replay) {
      response = replay.response(requestId);
    } catch (ClaimLost lost) {
      response = respond(409, requestId, version, Json.write(ErrorRenderer.render(Errors.idempotencyKeyInUse())));
    } catch (LockTimeout contended) {
      response = respond(429, requestId, version, Json.write(ErrorRenderer.render(Errors.lockTimeout())));
      releaseAfterFailure(guard, requestId, operation);
    } catch (ApiException error) {
      response = respond(error.status(), requestId, version, Json.write(ErrorRenderer.render(error)));
      if (error.isOutcome()) {
        guard.finish(response);
      } else {
        guard.release();
      }
    } catch (RuntimeException unexpected) {
      log.failure(requestId, operation.name(), unexpected);
      ApiException storeFailure = StoreFailures.map(unexpected);
      ApiException error = storeFailure != null ? storeFailure : Errors.internal();
      response = respond(error.status(), requestId, version, Json.write(ErrorRenderer.render(error)));
      releaseAfterFailure(guard, requestId, operation);
    }
    log.request(requestId, operation.name(), response.status(), (System.nanoTime() - started) / 1_000_000);
    return response;
  }

  /** The answer for a route API Gateway knows nothing of (the catch-all function). */
  public ApiResponse unrecognized(Map<String, Object> event) {
    String requestId = Ids.requestId();
    GatewayRequest request = GatewayRequest.from(event);
    ApiException error = Errors.unrecognizedUrl(request.method(), SafeText.clip(request.path()));
    log.request(requestId, "unrecognized", error.status(), 0);
    return respond(error.status(), requestId, defaultVersion, Json.write(ErrorRenderer.render(error)));
  }

  private ApiVersion version(GatewayRequest request) {
    String header = request.header("Stripe-Version");
    return header != null ? ApiVersion.parse(header) : accountVersion(request);
  }

  /** The account's default version (what its events render in), whatever the request's header says. */
  private ApiVersion accountVersion(GatewayRequest request) {
    if (request.authorizer().get("api_version") instanceof String accountDefault && !accountDefault.isEmpty()) {
      return ApiVersion.parse(accountDefault);
    }
    return defaultVersion;
  }

  /** The key a change's events name: a POST's Idempotency-Key header, as sent. */
  private static String idempotencyKey(GatewayRequest request) {
    String key = request.header(Idempotency.HEADER);
    return "POST".equals(request.method()) && key != null && !key.isEmpty() ? key : null;
  }

  /** A 5xx gives the key back so the client can retry; a failure to do so must not hide the 500. */
  private void releaseAfterFailure(IdempotencyGuard guard, String requestId, Operation operation) {
    try {
      guard.release();
    } catch (RuntimeException releaseFailed) {
      log.failure(requestId, operation.name(), releaseFailed);
    }
  }

  /** Query and form body, decoded into one parameter tree (the body wins on conflicts). */
  private static Map<String, Object> parameters(GatewayRequest request) {
    List<Pair> pairs = new ArrayList<>(request.query());
    String body = request.body();
    if ("POST".equals(request.method()) && body != null && !body.isEmpty()) {
      String contentType = request.header("Content-Type");
      if (contentType != null
          && !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
        throw Errors.notForm();
      }
      if (body.length() > MAX_BODY_CHARS) {
        throw Errors.invalid(null, "Request body too large: at most " + MAX_BODY_CHARS + " characters are accepted.");
      }
      pairs.addAll(FormDecoder.parseUrlEncoded(body));
    }
    return FormDecoder.toTree(pairs);
  }

  private static Params bind(Operation operation, ApiVersion version, Map<String, Object> parameters) {
    Map<String, ParamType> declared = new HashMap<>(operation.parameters(version));
    declared.put("expand", EXPAND);
    return ParamBinder.bind(parameters, declared);
  }

  private static Set<String> expand(Operation operation, ApiVersion version, Params params) {
    List<Object> paths = params.list("expand");
    if (paths == null) {
      return Set.of();
    }
    Set<String> expand = new LinkedHashSet<>();
    for (Object path : paths) {
      String text = (String) path;
      if (text.split("\\.", -1).length > MAX_EXPAND_DEPTH || !operation.expandable(version).contains(text)) {
        throw Errors.cannotExpand(SafeText.clip(text));
      }
      expand.add(text);
    }
    return expand;
  }

  private static ApiResponse respond(String requestId, ApiVersion version, TextBody text) {
    Map<String, String> headers = ResponseHeaders.of(200, requestId, version.value());
    headers.put("Content-Type", text.contentType());
    headers.putAll(text.headers());
    return new ApiResponse(200, headers, text.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static ApiResponse respond(int status, String requestId, ApiVersion version, byte[] body) {
    return new ApiResponse(status, ResponseHeaders.of(status, requestId, version.value()), body);
  }
}
