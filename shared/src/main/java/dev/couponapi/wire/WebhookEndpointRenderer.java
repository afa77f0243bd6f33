package dev.couponapi.wire;

import dev.couponapi.domain.WebhookEndpoint;
import java.util.Map;

/** Renders a webhook endpoint (docs/events.md), the same in every version; its secret only when created. */
public final class WebhookEndpointRenderer {

  private WebhookEndpointRenderer() {}

  public static Map<String, Object> render(WebhookEndpoint endpoint) {
    return object(endpoint).toMap();
  }

  /** The create response: the one time the secret is shown. */
  public static Map<String, Object> renderCreated(WebhookEndpoint endpoint) {
    Map<String, Object> rendered = render(endpoint);
    Map<String, Object> withSecret = new java.util.LinkedHashMap<>();
    rendered.forEach((key, value) -> {
      if (key.equals("status")) {
        withSecret.put("secret", endpoint.secret());
      }
      withSecret.put(key, value);
    });
    return withSecret;
  }

  public static Map<String, Object> renderDeleted(String id) {
    return StripeObject.of(id, "webhook_endpoint").put("deleted", true).toMap();
  }

  private static StripeObject object(WebhookEndpoint endpoint) {
    return StripeObject.of(endpoint.id(), "webhook_endpoint")
        .put("api_version", endpoint.apiVersion())
        .put("application", null)
        .put("created", endpoint.created())
        .put("description", endpoint.description())
        .put("enabled_events", endpoint.enabledEvents())
        .put("livemode", endpoint.livemode())
        .put("metadata", StripeObject.sorted(endpoint.metadata()))
        .put("status", endpoint.disabled() ? "disabled" : "enabled")
        .put("url", endpoint.url());
  }
}
