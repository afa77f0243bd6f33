package dev.couponapi.local;

import dev.couponapi.sam.SamTemplate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API Gateway's own answers, rendered from the Gateway Responses of template.yaml: the status,
 * the static headers, and the body template with its {@code $context} variables substituted
 * (gateway response templates are not VTL: substitution is all there is).
 */
public final class GatewayResponses {

  /** A response of API Gateway's own. */
  public record Rendered(int status, Map<String, String> headers, String body) {}

  private static final Pattern VARIABLE = Pattern.compile("\\$context\\.([A-Za-z0-9_.]+)");

  private final Map<String, SamTemplate.GatewayResponse> responses;

  public GatewayResponses(Map<String, SamTemplate.GatewayResponse> responses) {
    this.responses = responses;
  }

  /** {@code type} as API Gateway names it; {@code status} is its default when the template keeps it. */
  public Rendered render(String type, int status, Map<String, String> context) {
    SamTemplate.GatewayResponse response = responses.get(type);
    if (response == null) {
      response = responses.get(status >= 500 ? "DEFAULT_5XX" : "DEFAULT_4XX");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    String body = "{\"message\":\"" + type + "\"}";
    int finalStatus = status;
    if (response != null) {
      headers.putAll(response.headers());
      body = substitute(response.template(), context);
      if (response.status() != null) {
        finalStatus = Integer.parseInt(response.status());
      }
    }
    return new Rendered(finalStatus, headers, body);
  }

  private static String substitute(String template, Map<String, String> context) {
    Matcher matcher = VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(context.getOrDefault(matcher.group(1), "")));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
