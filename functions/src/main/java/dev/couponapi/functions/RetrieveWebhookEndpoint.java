package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Retrieves a webhook endpoint: `GET /v1/webhook_endpoints/{id}` (docs/events.md). */
public final class RetrieveWebhookEndpoint extends ApiFunction {

  public RetrieveWebhookEndpoint() {
    this(App.fromEnvironment());
  }

  public RetrieveWebhookEndpoint(App app) {
    super(app);
  }
}
