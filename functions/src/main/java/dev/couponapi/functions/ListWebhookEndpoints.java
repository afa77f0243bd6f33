package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Lists webhook endpoints: `GET /v1/webhook_endpoints` (docs/events.md). */
public final class ListWebhookEndpoints extends ApiFunction {

  public ListWebhookEndpoints() {
    this(App.fromEnvironment());
  }

  public ListWebhookEndpoints(App app) {
    super(app);
  }
}
