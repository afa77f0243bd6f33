package dev.couponapi.domain;

/**
 * A test clock (docs/api.md §7.5): the time of the customers made on it, frozen at
 * {@code frozenTime} until an advance moves it to {@code target} (while {@code advancing}).
 */
public record TestClock(String id, String name, long frozenTime, String status, Long target, long created,
    boolean livemode) {

  public static final EventType CREATED = new EventType("test_helpers.test_clock.created");
  public static final EventType ADVANCING = new EventType("test_helpers.test_clock.advancing");
  public static final EventType READY = new EventType("test_helpers.test_clock.ready");
  public static final EventType DELETED = new EventType("test_helpers.test_clock.deleted");

  public static final String READY_STATUS = "ready";
  public static final String ADVANCING_STATUS = "advancing";
  /** How long a clock lives (Stripe deletes it then; here it is only shown). */
  public static final long LIFETIME_SECONDS = 30L * 24 * 3600;
  /** How far an advance may go without subscriptions on the clock: two years (as Stripe). */
  public static final long MAX_ADVANCE_WITHOUT_SUBSCRIPTIONS = 2L * 366 * 24 * 3600;

  public long deletesAfter() {
    return created + LIFETIME_SECONDS;
  }

  public TestClock advancing(long to) {
    return new TestClock(id, name, frozenTime, ADVANCING_STATUS, to, created, livemode);
  }

  public TestClock ready() {
    return new TestClock(id, name, target == null ? frozenTime : target, READY_STATUS, null, created, livemode);
  }
}
