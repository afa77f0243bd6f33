package dev.couponapi.service;

import dev.couponapi.api.Errors;
import dev.couponapi.api.Ids;
import dev.couponapi.domain.BillingPeriod;
import dev.couponapi.domain.Customer;
import dev.couponapi.domain.Discount;
import dev.couponapi.domain.EventDraft;
import dev.couponapi.domain.EventObject;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Subscription;
import dev.couponapi.domain.TestClock;
import dev.couponapi.domain.Tenant;
import dev.couponapi.store.CustomerStore;
import dev.couponapi.store.ExpiryIndex;
import dev.couponapi.store.ObjectType;
import dev.couponapi.store.SubscriptionStore;
import dev.couponapi.store.TestClockStore;
import java.time.Instant;

/**
 * Test clocks (docs/api.md §7.5). An advance moves the clock's customers through every renewal and
 * discount end up to the target, each with its events: in the request while it fits
 * {@link #WORK_IN_REQUEST}, else in the background (the clock stays {@code advancing} and the sweep
 * goes on with it, also after a crash). Each renewal is the renewal's own transaction, guarded by
 * the versions it read, so an advance resumed, or run twice, never bills a period twice.
 */
public final class TestClockService {

  /** Renewals an advance makes in its own request before it leaves the rest to the background. */
  static final int WORK_IN_REQUEST = 50;
  /** Customers of one clock an advance moves (Stripe allows three; more are allowed here, this many at most). */
  static final int MAX_CUSTOMERS = 1_000;

  private final TestClockStore store;
  private final CustomerStore customers;
  private final SubscriptionStore subscriptions;
  private final InvoiceService invoices;
  private final CustomerService customerService;
  private final Finder<TestClockStore.Stored> finder;
  /** Told of an advance that left work for the background (serve finishes it at once: docs/api.md §7.5). */
  private volatile java.util.function.BiConsumer<Tenant, String> leftAdvancing = (tenant, id) -> { };

  public TestClockService(TestClockStore store, CustomerStore customers, SubscriptionStore subscriptions,
      InvoiceService invoices, CustomerService customerService) {
    this.store = store;
    this.customers = customers;
    this.subscriptions = subscriptions;
    this.invoices = invoices;
    this.customerService = customerService;
    this.finder = new Finder<>("test_clock", store::find, TestClockStore.Stored::listKey);
  }

  public TestClock create(Change change, long frozenTime, String name) {
    testModeOnly(change.tenant());
    TestClock clock = new TestClock("clock_" + Ids.random(24), name, frozenTime, TestClock.READY_STATUS, null,
        change.now().getEpochSecond(), false);
    store.insert(change.tenant(), clock, change.now(), change.creating(clock,
        EventDraft.of(TestClock.CREATED, new EventObject.OfTestClock(clock))));
    return clock;
  }

  public TestClock retrieve(Tenant tenant, String id) {
    testModeOnly(tenant);
    return finder.find(tenant, id).clock();
  }

  public Page<TestClock> list(Tenant tenant, ListRequest request) {
    testModeOnly(tenant);
    Finder.Cursors cursors = finder.cursors(tenant, request);
    Page<TestClockStore.Stored> page = store.page(tenant, request, cursors.after(), cursors.before());
    return new Page<>(page.items().stream().map(TestClockStore.Stored::clock).toList(), page.hasMore());
  }

  /** Deletes the clock and its customers (each deleted as {@code DELETE /v1/customers} does). */
  public TestClock delete(Change change, String id) {
    Tenant tenant = change.tenant();
    testModeOnly(tenant);
    TestClockStore.Stored current = finder.find(tenant, id);
    for (String customer : store.customersOf(tenant, id, MAX_CUSTOMERS)) {
      customerService.delete(change, customer);
    }
    ReadThenWrite.untilUnchanged(() -> {
      TestClockStore.Stored read = finder.find(tenant, id);
      store.delete(tenant, read, change.recording(EventDraft.of(TestClock.DELETED,
          new EventObject.OfTestClock(read.clock()))));
      return null;
    });
    return current.clock();
  }

  /**
   * Starts an advance to {@code frozenTime} (later than the clock's, at most two of its shortest
   * subscription interval ahead, or two years without one) and makes as much of it as fits the
   * request; the clock as it is then ({@code ready} when all was done).
   */
  public TestClock advance(Change change, String id, long frozenTime) {
    Tenant tenant = change.tenant();
    testModeOnly(tenant);
    TestClock advancing = ReadThenWrite.untilUnchanged(() -> {
      TestClockStore.Stored current = finder.find(tenant, id);
      TestClock clock = current.clock();
      if (!TestClock.READY_STATUS.equals(clock.status())) {
        throw Errors.invalid(null, "The test clock " + id + " is advancing; wait until its status is `ready`.")
            .asOutcome();
      }
      if (frozenTime <= clock.frozenTime()) {
        throw Errors.invalid("frozen_time", "The frozen time must be after the test clock's current frozen time ("
            + clock.frozenTime() + ").");
      }
      long limit = limit(tenant, clock);
      if (frozenTime > limit) {
        throw Errors.invalid("frozen_time", "The test clock cannot be advanced beyond " + limit
            + ": two intervals of its shortest subscription (two years without one).");
      }
      TestClock after = clock.advancing(frozenTime);
      store.move(tenant, current, after, change.now(), change.recording(EventDraft.of(TestClock.ADVANCING,
          new EventObject.OfTestClock(after))));
      return after;
    });
    TestClock after = work(change, advancing.id(), WORK_IN_REQUEST);
    if (after != null && TestClock.ADVANCING_STATUS.equals(after.status())) {
      leftAdvancing.accept(tenant, after.id());
    }
    return after;
  }

  /** {@code hook} is told of each advance that left work for the background (the tenant and the clock). */
  public void whenLeftAdvancing(java.util.function.BiConsumer<Tenant, String> hook) {
    this.leftAdvancing = hook;
  }

  /** Whether the clock is still advancing (false once ready, or gone). */
  public boolean isAdvancing(Tenant tenant, String id) {
    return store.find(tenant, id).map(stored -> TestClock.ADVANCING_STATUS.equals(stored.clock().status()))
        .orElse(false);
  }

  /** The sweep's part: goes on with an advancing clock for at most {@code budget} renewals. */
  public TestClock resume(Change change, String id, int budget) {
    return work(change, id, budget);
  }

  /**
   * Moves the clock's customers to its target: every renewal due by then, in order, and every
   * discount that ended by then; marks it ready when nothing is left, else leaves it advancing.
   */
  private TestClock work(Change change, String id, int budget) {
    Tenant tenant = change.tenant();
    TestClockStore.Stored current = store.find(tenant, id).orElse(null);
    if (current == null || !TestClock.ADVANCING_STATUS.equals(current.clock().status())) {
      return current == null ? null : current.clock();
    }
    Instant target = Instant.ofEpochSecond(current.clock().target());
    // the work is at the clock's target; its events are recorded when it is done (the wall clock's time)
    Change automatic = new Change(tenant, change.version(), change.now(), change.origin(), change.events(),
        Change.Completion.NONE);
    int done = 0;
    for (String customer : store.customersOf(tenant, id, MAX_CUSTOMERS)) {
      endCustomerDiscount(automatic, customer, target);
      for (SubscriptionStore.Stored subscription : subscriptions.activeOf(tenant, customer)) {
        done += invoices.renewDue(automatic, subscription.subscription().id(), budget - done, target);
        subscriptions.endDiscounts(tenant, subscription.subscription().id(), null, target, (before, after) ->
            automatic.recording(InvoiceService.discountsDeleted(before, after, invoices.coupons(tenant))));
        if (done >= budget) {
          return current.clock();
        }
      }
    }
    return ReadThenWrite.untilUnchanged(() -> {
      TestClockStore.Stored read = store.find(tenant, id).orElseThrow();
      if (!TestClock.ADVANCING_STATUS.equals(read.clock().status())) {
        return read.clock();
      }
      TestClock ready = read.clock().ready();
      store.move(tenant, read, ready, change.now(), automatic.recording(EventDraft.of(TestClock.READY,
          new EventObject.OfTestClock(ready))));
      return ready;
    });
  }

  /** A customer's repeating discount that ended by the clock's target ends (as the sweep ends one). */
  private void endCustomerDiscount(Change change, String id, Instant target) {
    Tenant tenant = change.tenant();
    customers.find(tenant, id).map(CustomerStore.Stored::customer).map(Customer::discount)
        .filter(discount -> discount.end() != null && discount.end() <= target.getEpochSecond())
        .ifPresent(discount -> customers.endDiscount(tenant, id,
            ExpiryIndex.indexKey(discount.end(), ObjectType.CUSTOMER.key(tenant, id)), target, before ->
                change.recording(EventDraft.of(Discount.DELETED, new EventObject.OfDiscount(discount,
                    invoices.coupons(tenant).apply(discount))))));
  }

  /** The farthest an advance may go: two intervals of the clock's shortest subscription, else two years. */
  private long limit(Tenant tenant, TestClock clock) {
    long limit = Long.MAX_VALUE;
    boolean any = false;
    for (String customer : store.customersOf(tenant, clock.id(), MAX_CUSTOMERS)) {
      for (SubscriptionStore.Stored stored : subscriptions.activeOf(tenant, customer)) {
        Subscription subscription = stored.subscription();
        any = true;
        limit = Math.min(limit, BillingPeriod.boundaryAfter(clock.frozenTime(), subscription.interval(),
            subscription.intervalCount(), 2));
      }
    }
    return any ? limit : clock.frozenTime() + TestClock.MAX_ADVANCE_WITHOUT_SUBSCRIPTIONS;
  }

  private static void testModeOnly(Tenant tenant) {
    if (tenant.livemode()) {
      throw Errors.invalid(null, "Test clocks can only be used with a test mode key (sk_test_…).");
    }
  }
}
