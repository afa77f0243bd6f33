package dev.couponapi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import dev.couponapi.http.ApiResponse;
import dev.couponapi.http.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one in-process client of the shared tests: a request goes through the pipeline as API Gateway
 * would hand it to the function that serves its route (found among the app's operations by method
 * and path), as one tenant, with the headers this client carries. Immutable: {@link #as},
 * {@link #version} and {@link #header} give a client that differs in that one respect.
 */
public final class TestClient {

  private final TestApp test;
  private final Tenant tenant;
  private final Map<String, String> headers;

  TestClient(TestApp test, Tenant tenant, Map<String, String> headers) {
    this.test = test;
    this.tenant = tenant;
    this.headers = Map.copyOf(headers);
  }

  /** The same client for another tenant. */
  public TestClient as(Tenant other) {
    return new TestClient(test, other, headers);
  }

  /** The same client sending {@code Stripe-Version: version}. */
  public TestClient version(String version) {
    return header("Stripe-Version", version);
  }

  /** The same client with one more header (or another value for it). */
  public TestClient header(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new TestClient(test, tenant, more);
  }

  /** The same client with more headers: name, value, name, value, … */
  public TestClient headers(String... namesAndValues) {
    TestClient client = this;
    for (int i = 0; i < namesAndValues.length; i += 2) {
      client = client.header(namesAndValues[i], namesAndValues[i + 1]);
    }
    return client;
  }

  public ApiResponse post(String path, String body) {
    return send("POST", path, body);
  }

  public ApiResponse get(String pathAndQuery) {
    return send("GET", pathAndQuery, null);
  }

  public ApiResponse delete(String path) {
    return send("DELETE", path, null);
  }

  /** A request to the operation that serves this method and path; a GET's {@code body} becomes its query. */
  public ApiResponse send(String method, String pathAndQuery, String body) {
    return send(route(method, pathAndQuery), pathAndQuery, body);
  }

  /** A request to this operation; a GET's {@code body} becomes its query. */
  public ApiResponse send(Operation operation, String pathAndQuery, String body) {
    boolean query = operation.method().equals("GET") && body != null;
    String target = query ? pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?") + body : pathAndQuery;
    Map<String, Object> event = Requests.event(operation, target, query ? null : body, tenant);
    Map<String, String> sent = new LinkedHashMap<>();
    if (!query && body != null) {
      sent.put("Content-Type", "application/x-www-form-urlencoded");
    }
    sent.putAll(headers);
    event.put("headers", sent);
    return test.handle(operation, event);
  }

  /** The body of a POST that must answer 200. */
  public Map<String, Object> ok(String path, String body) {
    return ok(post(path, body));
  }

  /** The body of a GET that must answer 200. */
  public Map<String, Object> okGet(String pathAndQuery) {
    return ok(get(pathAndQuery));
  }

  /** The items of a list that must answer 200. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> list(String pathAndQuery) {
    return (List<Map<String, Object>>) okGet(pathAndQuery).get("data");
  }

  /** The body of a response that must be a 200. */
  public static Map<String, Object> ok(ApiResponse response) {
    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    return TestApp.body(response);
  }

  /** The {@code error} object of a response. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> error(ApiResponse response) {
    return (Map<String, Object>) TestApp.body(response).get("error");
  }

  private Operation route(String method, String pathAndQuery) {
    int question = pathAndQuery.indexOf('?');
    String[] path = (question < 0 ? pathAndQuery : pathAndQuery.substring(0, question)).split("/", -1);
    Operation best = null;
    int bestLiterals = -1;
    for (Operation operation : test.app.operations()) {
      String[] template = operation.path().split("/", -1);
      if (!operation.method().equals(method) || template.length != path.length) {
        continue;
      }
      int literals = 0;
      boolean matches = true;
      for (int i = 0; i < template.length && matches; i++) {
        boolean parameter = template[i].startsWith("{") && template[i].endsWith("}");
        matches = parameter ? !path[i].isEmpty() : template[i].equals(path[i]);
        literals += parameter ? 0 : 1;
      }
      // /v1/coupons/{id} and /v1/coupons/stats both match a two-segment path: the literal one wins
      if (matches && literals > bestLiterals) {
        best = operation;
        bestLiterals = literals;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("no operation serves " + method + " " + pathAndQuery);
    }
    return best;
  }
}
