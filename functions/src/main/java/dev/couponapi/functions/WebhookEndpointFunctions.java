package dev.couponapi.functions;

import dev.couponapi.app.App;

/**
 * The webhook endpoint routes (docs/events.md, "Webhook endpoints"): one handler per operation, each named after its function in template.yaml
 * ({@code CreateCouponFunction} → {@code CouponFunctions$CreateCoupon}), with Lambda's constructor and
 * one taking an {@link App} for tests.
 */
public final class WebhookEndpointFunctions {

  private WebhookEndpointFunctions() {}

  /** Creates a webhook endpoint, its secret shown once: `POST /v1/webhook_endpoints` (docs/events.md). */
  public static final class CreateWebhookEndpoint extends ApiFunction {
    public CreateWebhookEndpoint() { super(App.fromEnvironment()); }
    public CreateWebhookEndpoint(App app) { super(app); }
  }

  /** Retrieves a webhook endpoint: `GET /v1/webhook_endpoints/{id}` (docs/events.md). */
  public static final class RetrieveWebhookEndpoint extends ApiFunction {
    public RetrieveWebhookEndpoint() { super(App.fromEnvironment()); }
    public RetrieveWebhookEndpoint(App app) { super(app); }
  }

  /** Updates a webhook endpoint: `POST /v1/webhook_endpoints/{id}` (docs/events.md). */
  public static final class UpdateWebhookEndpoint extends ApiFunction {
    public UpdateWebhookEndpoint() { super(App.fromEnvironment()); }
    public UpdateWebhookEndpoint(App app) { super(app); }
  }

  /** Deletes a webhook endpoint: `DELETE /v1/webhook_endpoints/{id}` (docs/events.md). */
  public static final class DeleteWebhookEndpoint extends ApiFunction {
    public DeleteWebhookEndpoint() { super(App.fromEnvironment()); }
    public DeleteWebhookEndpoint(App app) { super(app); }
  }

  /** Lists webhook endpoints: `GET /v1/webhook_endpoints` (docs/events.md). */
  public static final class ListWebhookEndpoints extends ApiFunction {
    public ListWebhookEndpoints() { super(App.fromEnvironment()); }
    public ListWebhookEndpoints(App app) { super(app); }
  }
}
