package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Deletes a webhook endpoint: `DELETE /v1/webhook_endpoints/{id}` (docs/events.md). */
public final class DeleteWebhookEndpoint extends ApiFunction {

  public DeleteWebhookEndpoint() {
    this(App.fromEnvironment());
  }

  public DeleteWebhookEndpoint(App app) {
    super(app);
  }
}
