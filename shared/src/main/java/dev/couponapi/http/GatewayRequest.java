package dev.couponapi.http;

import dev.couponapi.wire.FormDecoder.Pair;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of an API Gateway REST proxy event that the pipeline reads. Header names are
 * case-insensitive; query values arrive already decoded by API Gateway.
 */
public record GatewayRequest(
    String method,
    String path,
    Map<String, String> headers,
    List<Pair> query,
    String body,
    Map<String, String> pathParameters,
    Map<String, Object> authorizer) {

  @SuppressWarnings("unchecked")
  public static GatewayRequest from(Map<String, Object> event) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Object single = event.get("headers");
    if (single instanceof Map<?, ?> map) {
      map.forEach((key, value) -> {
        if (value != null) {
          headers.put(String.valueOf(key), String.valueOf(value));
        }
      });
    }
    List<Pair> query = new ArrayList<>();
    Object multi = event.get("multiValueQueryStringParameters");
    Object plain = event.get("queryStringParameters");
    if (multi instanceof Map<?, ?> map) {
      map.forEach((key, values) -> {
        if (values instanceof List<?> list) {
          list.forEach(value -> query.add(new Pair(String.valueOf(key), String.valueOf(value))));
        }
      });
    } else if (plain instanceof Map<?, ?> map) {
      map.forEach((key, value) -> query.add(new Pair(String.valueOf(key), String.valueOf(value))));
    }
    String body = event.get("body") instanceof String text ? text : null;
    if (body != null && Boolean.TRUE.equals(event.get("isBase64Encoded"))) {
      body = new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
    }
    Map<String, String> pathParameters = new TreeMap<>();
    if (event.get("pathParameters") instanceof Map<?, ?> map) {
      map.forEach((key, value) -> pathParameters.put(String.valueOf(key), String.valueOf(value)));
    }
    Map<String, Object> authorizer = Map.of();
    if (event.get("requestContext") instanceof Map<?, ?> context
        && context.get("authorizer") instanceof Map<?, ?> auth) {
      authorizer = (Map<String, Object>) auth;
    }
    String method = event.get("httpMethod") instanceof String text ? text.toUpperCase(Locale.ROOT) : "";
    String path = event.get("path") instanceof String text ? text : "";
    return new GatewayRequest(method, path, headers, query, body, pathParameters, authorizer);
  }

  public String header(String name) {
    return headers.get(name);
  }
}
