package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Lists events: `GET /v1/events` (docs/events.md). */
public final class ListEvents extends ApiFunction {

  public ListEvents() {
    this(App.fromEnvironment());
  }

  public ListEvents(App app) {
    super(app);
  }
}
