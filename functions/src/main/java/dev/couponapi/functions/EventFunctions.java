package dev.couponapi.functions;

import dev.couponapi.app.App;

/**
 * The event routes (docs/events.md): one handler per operation, each named after its function in template.yaml
 * ({@code CreateCouponFunction} → {@code CouponFunctions$CreateCoupon}), with Lambda's constructor and
 * one taking an {@link App} for tests.
 */
public final class EventFunctions {

  private EventFunctions() {}

  /** Retrieves an event: `GET /v1/events/{event}` (docs/events.md). */
  public static final class RetrieveEvent extends ApiFunction {
    public RetrieveEvent() { super(App.fromEnvironment()); }
    public RetrieveEvent(App app) { super(app); }
  }

  /** Lists events: `GET /v1/events` (docs/events.md). */
  public static final class ListEvents extends ApiFunction {
    public ListEvents() { super(App.fromEnvironment()); }
    public ListEvents(App app) { super(app); }
  }
}
