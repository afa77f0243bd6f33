package dev.couponapi.testing;

import dev.couponapi.domain.Tenant;
import dev.couponapi.http.Operation;
import dev.couponapi.http.ProxyEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proxy events for an operation, routed by the operation's own declaration: its method, and the
 * path parameter read off its path template (a path its template does not match fails the test).
 * What follows {@code ?} becomes the query string parameters; path segments are percent-decoded,
 * as API Gateway hands them to functions.
 */
public final class Requests {

  private Requests() {}

  public static Map<String, Object> event(Operation operation, String pathAndQuery, String body, Tenant tenant) {
    int question = pathAndQuery.indexOf('?');
    String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
    Map<String, Object> event = new LinkedHashMap<>(ProxyEvent.of(operation.method(), path,
        pathParameters(operation, path), body, tenant));
    if (question >= 0) {
      event.put("multiValueQueryStringParameters", query(pathAndQuery.substring(question + 1)));
    }
    return event;
  }

  /** The same event with these headers added: name, value, name, value, … */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> withHeaders(Map<String, Object> event, String... headers) {
    Map<String, String> headerMap = (Map<String, String>) event.get("headers");
    for (int i = 0; i < headers.length; i += 2) {
      headerMap.put(headers[i], headers[i + 1]);
    }
    return event;
  }

  /** The path's values for the template's {@code {name}} segments. */
  static Map<String, String> pathParameters(Operation operation, String path) {
    String[] template = operation.path().split("/");
    String[] actual = path.split("/", -1);
    if (template.length != actual.length) {
      throw new IllegalArgumentException(path + " is not a path of " + operation.functionId() + " (" + operation.path()
          + ")");
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < template.length; i++) {
      if (template[i].startsWith("{") && template[i].endsWith("}")) {
        parameters.put(template[i].substring(1, template[i].length() - 1), decode(actual[i]));
      } else if (!template[i].equals(actual[i])) {
        throw new IllegalArgumentException(path + " is not a path of " + operation.functionId() + " ("
            + operation.path() + ")");
      }
    }
    return parameters.isEmpty() ? null : parameters;
  }

  private static Map<String, List<String>> query(String query) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (!pair.isEmpty()) {
        String[] parts = pair.split("=", 2);
        parameters.computeIfAbsent(decode(parts[0]), key -> new ArrayList<>())
            .add(parts.length > 1 ? decode(parts[1]) : "");
      }
    }
    return parameters;
  }

  private static String decode(String text) {
    return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
