package dev.couponapi.wire;

import dev.couponapi.api.ApiException;
import dev.couponapi.api.ApiVersion;
import dev.couponapi.api.Errors;
import dev.couponapi.api.SafeText;
import dev.couponapi.domain.EventType;
import dev.couponapi.domain.EventTypes;
import dev.couponapi.domain.MetadataChange;
import dev.couponapi.domain.WebhookEndpointChanges;
import dev.couponapi.domain.WebhookEndpointDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The webhook endpoint parameters (docs/events.md, "Webhook endpoints"), as Stripe names them. */
public final class WebhookEndpointParams {

  private static final int MAX_ENABLED_EVENTS = 300;
  private static final ParamType ENABLED_EVENTS = new ParamType.ListOf(ParamType.text(100), MAX_ENABLED_EVENTS, false);
  private static final ParamType DESCRIPTION = new ParamType.Text(5000, true);

  public static final Map<String, ParamType> CREATE = ParamType.declare(
      "url", ParamType.text(dev.couponapi.service.WebhookUrls.MAX_LENGTH + 1),
      "enabled_events", ENABLED_EVENTS,
      "api_version", ParamType.text(40),
      "connect", new ParamType.Bool(),
      "description", DESCRIPTION,
      "metadata", new ParamType.Metadata());

  public static final Map<String, ParamType> UPDATE = ParamType.declare(
      "url", ParamType.text(dev.couponapi.service.WebhookUrls.MAX_LENGTH + 1),
      "enabled_events", ENABLED_EVENTS,
      "disabled", new ParamType.Bool(),
      "description", DESCRIPTION,
      "metadata", new ParamType.Metadata());

  private WebhookEndpointParams() {}

  public static WebhookEndpointDraft draft(Params params, EventTypes known) {
    String url = params.text("url");
    if (url == null || url.isEmpty()) {
      throw Errors.missing("url");
    }
    List<String> events = enabledEvents(params, known);
    if (events == null) {
      throw Errors.missing("enabled_events");
    }
    if (Boolean.TRUE.equals(params.bool("connect"))) {
      throw Errors.invalid("connect", "Connect webhook endpoints are not supported: this API has no connected accounts.");
    }
    MetadataChange metadata = params.metadata("metadata");
    return new WebhookEndpointDraft(url, events, apiVersion(params.text("api_version")), params.text("description"),
        metadata == null ? Map.of() : metadata.applyTo(Map.of()));
  }

  public static WebhookEndpointChanges changes(Params params, EventTypes known) {
    String url = params.text("url");
    if (url != null && url.isEmpty()) {
      throw Errors.invalidEmpty("url");
    }
    MetadataChange metadata = params.metadata("metadata");
    Optional<String> description = params.isUnset("description") ? Optional.empty()
        : params.text("description") == null ? null : Optional.of(params.text("description"));
    return new WebhookEndpointChanges(url, enabledEvents(params, known), params.bool("disabled"), description,
        metadata == null ? MetadataChange.NONE : metadata);
  }

  /** The types asked for, each a known type or {@code *}; null when not given. */
  private static List<String> enabledEvents(Params params, EventTypes known) {
    List<Object> given = params.list("enabled_events");
    if (given == null) {
      return null;
    }
    if (given.isEmpty()) {
      throw Errors.invalidEmpty("enabled_events");
    }
    List<String> events = new ArrayList<>();
    for (Object value : given) {
      String name = (String) value;
      if (!name.equals(EventType.ALL) && !known.known(name)) {
        throw Errors.invalid("enabled_events", "Invalid enabled_events: '" + SafeText.clip(name)
            + "' is not an event type this API sends.");
      }
      if (!events.contains(name)) {
        events.add(name);
      }
    }
    return events;
  }

  private static String apiVersion(String value) {
    if (value == null) {
      return null;
    }
    try {
      return ApiVersion.parse(value).value();
    } catch (ApiException unknown) {
      throw Errors.invalid("api_version", "Invalid api_version: '" + SafeText.clip(value)
          + "' is not a supported Stripe API version.");
    }
  }
}
