package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Retrieves an event: `GET /v1/events/{event}` (docs/events.md). */
public final class RetrieveEvent extends ApiFunction {

  public RetrieveEvent() {
    this(App.fromEnvironment());
  }

  public RetrieveEvent(App app) {
    super(app);
  }
}
