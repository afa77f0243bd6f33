package dev.couponapi.local;

import dev.couponapi.wire.FormDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The events API Gateway sends: the REST proxy request and the REQUEST authorizer's input. */
final class ProxyEvents {

  private ProxyEvents() {}

  static Map<String, Object> request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
      byte[] body, RouteTable.Match match, Map<String, Object> authorizer, String requestId, String stage) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("resource", match.route().path());
    event.put("path", decodePath(rawPath));
    event.put("httpMethod", method);
    event.put("headers", singleHeaders(headers));
    event.put("multiValueHeaders", multiHeaders(headers));
    Map<String, List<String>> query = query(rawQuery);
    Map<String, String> singleQuery = new LinkedHashMap<>();
    query.forEach((name, values) -> singleQuery.put(name, values.get(values.size() - 1)));
    event.put("queryStringParameters", query.isEmpty() ? null : singleQuery);
    event.put("multiValueQueryStringParameters", query.isEmpty() ? null : query);
    event.put("pathParameters", match.pathParameters().isEmpty() ? null : match.pathParameters());
    event.put("stageVariables", null);
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("resourcePath", match.route().path());
    context.put("httpMethod", method);
    context.put("path", "/" + stage + decodePath(rawPath));
    context.put("stage", stage);
    context.put("requestId", requestId);
    context.put("authorizer", authorizer);
    context.put("identity", Map.of("sourceIp", "127.0.0.1"));
    event.put("requestContext", context);
    event.put("body", body.length == 0 ? null : new String(body, StandardCharsets.UTF_8));
    event.put("isBase64Encoded", false);
    return event;
  }

  static Map<String, Object> authorizerRequest(String method, RouteTable.Match match,
      Map<String, List<String>> headers, String stage) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "REQUEST");
    event.put("methodArn", "arn:aws:execute-api:local:000000000000:local/" + stage + "/" + method
        + match.route().path());
    event.put("resource", match.route().path());
    event.put("httpMethod", method);
    event.put("headers", singleHeaders(headers));
    return event;
  }

  /** API Gateway hands functions decoded path parameters. */
  static String decodePathSegment(String segment) {
    try {
      return java.net.URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return segment;
    }
  }

  private static String decodePath(String rawPath) {
    StringBuilder path = new StringBuilder();
    for (String segment : rawPath.split("/", -1)) {
      if (path.length() > 0 || !segment.isEmpty()) {
        path.append('/').append(decodePathSegment(segment));
      }
    }
    return path.length() == 0 ? "/" : path.toString();
  }

  private static Map<String, String> singleHeaders(Map<String, List<String>> headers) {
    Map<String, String> single = new LinkedHashMap<>();
    headers.forEach((name, values) -> single.put(name, String.join(",", values)));
    return single;
  }

  private static Map<String, List<String>> multiHeaders(Map<String, List<String>> headers) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    headers.forEach((name, values) -> multi.put(name, List.copyOf(values)));
    return multi;
  }

  /** Query values decoded as API Gateway decodes them; an undecodable value is passed as sent. */
  private static Map<String, List<String>> query(String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String part : rawQuery.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name = decodeQuery(eq < 0 ? part : part.substring(0, eq));
      String value = decodeQuery(eq < 0 ? "" : part.substring(eq + 1));
      query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }
    return query;
  }

  private static String decodeQuery(String text) {
    try {
      return FormDecoder.parseUrlEncoded("x=" + text).get(0).value();
    } catch (RuntimeException malformed) {
      return text;
    }
  }
}
