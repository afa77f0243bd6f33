package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Updates a webhook endpoint: `POST /v1/webhook_endpoints/{id}` (docs/events.md). */
public final class UpdateWebhookEndpoint extends ApiFunction {

  public UpdateWebhookEndpoint() {
    this(App.fromEnvironment());
  }

  public UpdateWebhookEndpoint(App app) {
    super(app);
  }
}
