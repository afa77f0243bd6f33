package dev.couponapi.http;

import dev.couponapi.domain.Permissions;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.EventTypes;
import dev.couponapi.domain.WebhookEndpoint;
import dev.couponapi.service.WebhookEndpointService;
import dev.couponapi.wire.ListParams;
import dev.couponapi.wire.WebhookEndpointParams;
import dev.couponapi.wire.WebhookEndpointRenderer;
import java.util.List;

/** The webhook endpoint routes (docs/events.md, "Webhook endpoints"). */
public final class WebhookEndpointResource implements Resource {

  static final String URL = "/v1/webhook_endpoints";
  private static final String ONE = URL + "/{webhook_endpoint}";

  private final WebhookEndpointService endpoints;
  private final EventTypes types;

  /** {@code types}: the event types there are, which {@code enabled_events} may name. */
  public WebhookEndpointResource(WebhookEndpointService endpoints, EventTypes types) {
    this.endpoints = endpoints;
    this.types = types;
  }

  @Override
  public Permissions.Group group() {
    return Permissions.Group.WEBHOOK_ENDPOINTS;
  }

  @Override
  public List<Operation> operations() {
    return List.of(create(), retrieve(), update(), delete(), list());
  }

  public Operation create() {
    return Operation.post("CreateWebhookEndpointFunction", URL, "webhook_endpoints.create")
        .params(WebhookEndpointParams.CREATE)
        .run(call -> endpoints.create(call.change(), WebhookEndpointParams.draft(call.params(), types)),
            (call, created) -> WebhookEndpointRenderer.renderCreated(created));
  }

  public Operation retrieve() {
    return Operation.get("RetrieveWebhookEndpointFunction", ONE, "webhook_endpoints.retrieve")
        .run(call -> WebhookEndpointRenderer.render(endpoints.retrieve(call.tenant(), call.id())));
  }

  public Operation update() {
    return Operation.post("UpdateWebhookEndpointFunction", ONE, "webhook_endpoints.update")
        .params(WebhookEndpointParams.UPDATE).run(call -> WebhookEndpointRenderer.render(
            endpoints.update(call.tenant(), call.id(), WebhookEndpointParams.changes(call.params(), types))));
  }

  public Operation delete() {
    return Operation.delete("DeleteWebhookEndpointFunction", ONE, "webhook_endpoints.delete").run(call -> {
      endpoints.delete(call.tenant(), call.id());
      return WebhookEndpointRenderer.renderDeleted(call.id());
    });
  }

  public Operation list() {
    return Operation.get("ListWebhookEndpointsFunction", URL, "webhook_endpoints.list")
        .params(ListParams.DECLARED).run(call -> {
          Page<WebhookEndpoint> page = endpoints.list(call.tenant(), ListParams.request(call.params()));
          return ListParams.envelope(page, URL, WebhookEndpointRenderer::render);
        });
  }
}
