package dev.couponapi.local;

import dev.couponapi.sam.SamTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API Gateway's REST routing: the most specific resource wins (literal segments over
 * {@code {param}} over a greedy {@code {proxy+}}); then the method, or ANY. A resource that
 * matches without the method is API Gateway's MISSING_AUTHENTICATION_TOKEN, not a fall-through.
 */
public final class RouteTable {

  /** A matched route: the function and the decoded path parameters. */
  public record Match(SamTemplate.Route route, Map<String, String> pathParameters) {}

  private final List<SamTemplate.Route> routes;
  /** Each route's path template in segments, split once rather than on every request. */
  private final Map<String, List<String>> templates = new java.util.HashMap<>();

  public RouteTable(List<SamTemplate.Route> routes) {
    this.routes = List.copyOf(routes);
    routes.forEach(route -> templates.computeIfAbsent(route.path(), RouteTable::parts));
  }

  private static List<String> parts(String template) {
    List<String> parts = new ArrayList<>();
    for (String part : template.split("/")) {
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    return List.copyOf(parts);
  }

  public Optional<Match> match(String method, List<String> segments) {
    String bestResource = null;
    int bestScore = -1;
    Map<String, String> bestParameters = null;
    for (SamTemplate.Route route : routes) {
      Map<String, String> parameters = new LinkedHashMap<>();
      int score = score(templates.get(route.path()), segments, parameters);
      if (score > bestScore) {
        bestScore = score;
        bestResource = route.path();
        bestParameters = parameters;
      }
    }
    if (bestResource == null) {
      return Optional.empty();
    }
    String resource = bestResource;
    Map<String, String> parameters = bestParameters;
    return routes.stream()
        .filter(route -> route.path().equals(resource))
        .filter(route -> route.method().equals(method) || route.method().equals("ANY"))
        .sorted((a, b) -> a.method().equals("ANY") ? 1 : b.method().equals("ANY") ? -1 : 0)
        .findFirst()
        .map(route -> new Match(route, parameters));
  }

  /** -1 when the template does not match; higher is more specific. */
  private static int score(List<String> parts, List<String> segments, Map<String, String> parameters) {
    int score = 0;
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      if (part.startsWith("{") && part.endsWith("+}")) {
        if (i >= segments.size()) {
          return -1;
        }
        parameters.put(part.substring(1, part.length() - 2), String.join("/", segments.subList(i, segments.size())));
        return score;
      }
      if (i >= segments.size()) {
        return -1;
      }
      if (part.startsWith("{") && part.endsWith("}")) {
        if (segments.get(i).isEmpty()) {
          return -1;
        }
        parameters.put(part.substring(1, part.length() - 1), segments.get(i));
        score += 2;
      } else if (part.equals(segments.get(i))) {
        score += 3;
      } else {
        return -1;
      }
    }
    return parts.size() == segments.size() ? score + 1 : -1;
  }
}
