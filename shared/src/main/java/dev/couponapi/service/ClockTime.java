package dev.couponapi.service;

import dev.couponapi.api.Errors;
import dev.couponapi.domain.Customer;
import dev.couponapi.domain.TestClock;
import dev.couponapi.domain.Tenant;
import dev.couponapi.store.TestClockStore;
import java.time.Instant;

/**
 * What time it is for a customer (docs/api.md §7.5): its test clock's frozen time when it is on
 * one, else the request's. A clock that is advancing cannot be used until it is ready (as Stripe).
 */
public final class ClockTime {

  private final TestClockStore clocks;

  public ClockTime(TestClockStore clocks) {
    this.clocks = clocks;
  }

  public Instant timeOf(Tenant tenant, Customer customer, Instant now) {
    return customer.testClock() == null ? now : Instant.ofEpochSecond(ready(tenant, customer.testClock(),
        "customer").frozenTime());
  }

  /** The clock {@code id}, ready; a 400 naming {@code param} when there is none, or it is advancing. */
  public TestClock ready(Tenant tenant, String id, String param) {
    TestClock clock = clocks.find(tenant, id).map(TestClockStore.Stored::clock)
        .orElseThrow(() -> Lookups.noSuch("test_clock", id, param, 400));
    if (!TestClock.READY_STATUS.equals(clock.status())) {
      throw Errors.invalid(param, "The test clock " + id + " is advancing; wait until its status is `ready`.")
          .asOutcome();
    }
    return clock;
  }
}
