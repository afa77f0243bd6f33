package dev.couponapi.wire;

import dev.couponapi.domain.TestClock;
import java.util.Map;

/** Renders a test clock as Stripe's {@code test_helpers.test_clock} (docs/api.md §7.5). */
public final class TestClockRenderer {

  private TestClockRenderer() {}

  public static Map<String, Object> render(TestClock clock) {
    Map<String, Object> statusDetails = StripeObject.hash();
    if (clock.target() != null) {
      Map<String, Object> advancing = StripeObject.hash();
      advancing.put("target_frozen_time", clock.target());
      statusDetails.put("advancing", advancing);
    }
    return StripeObject.of(clock.id(), "test_helpers.test_clock")
        .put("created", clock.created())
        .put("deletes_after", clock.deletesAfter())
        .put("frozen_time", clock.frozenTime())
        .put("livemode", clock.livemode())
        .put("name", clock.name())
        .put("status", clock.status())
        .put("status_details", statusDetails)
        .toMap();
  }

  public static Map<String, Object> renderDeleted(String id) {
    return StripeObject.of(id, "test_helpers.test_clock").put("deleted", true).toMap();
  }
}
