package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Creates a webhook endpoint, its secret shown once: `POST /v1/webhook_endpoints` (docs/events.md). */
public final class CreateWebhookEndpoint extends ApiFunction {

  public CreateWebhookEndpoint() {
    this(App.fromEnvironment());
  }

  public CreateWebhookEndpoint(App app) {
    super(app);
  }
}
