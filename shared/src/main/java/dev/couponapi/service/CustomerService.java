package dev.couponapi.service;

import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.Customer;
import dev.couponapi.domain.EventDraft;
import dev.couponapi.domain.EventObject;
import dev.couponapi.domain.CustomerChanges;
import dev.couponapi.domain.Discount;
import dev.couponapi.domain.DiscountRequest;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Subscription;
import dev.couponapi.domain.Tenant;
import dev.couponapi.store.ChangedMeanwhile;
import dev.couponapi.store.CustomerStore;
import dev.couponapi.store.Redemption;
import dev.couponapi.store.Refused;
import dev.couponapi.store.SubscriptionStore;
import dev.couponapi.api.ApiException;
import dev.couponapi.api.Errors;
import dev.couponapi.api.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Customers (docs/api.md §5.1) and their single discount (docs/api.md §4.3, §4.6). */
public final class CustomerService {

  private final CustomerStore store;
  private final ClockTime clocks;
  private final SubscriptionStore subscriptions;
  private final DiscountService discounts;
  private final Finder<CustomerStore.Stored> finder;
  private final SubscriptionService subscriptionService;

  /** {@code subscriptionService} cancels a deleted customer's subscriptions. */
  public CustomerService(CustomerStore store, SubscriptionStore subscriptions, DiscountService discounts,
      SubscriptionService subscriptionService, ClockTime clocks) {
    this.clocks = clocks;
    this.store = store;
    this.subscriptionService = subscriptionService;
    this.subscriptions = subscriptions;
    this.discounts = discounts;
    this.finder = new Finder<>("customer", store::find, CustomerStore.Stored::listKey);
  }

  /**
   * Creates a customer, redeeming its discount in the same transaction when one is asked for, with
   * its {@code customer.created} (and {@code customer.discount.created}) events.
   */
  public HolderView<Customer> create(Change change, CustomerChanges fields, DiscountRequest discount,
      String testClock) {
    Tenant tenant = change.tenant();
    if (testClock != null && tenant.livemode()) {
      throw Errors.invalid("test_clock", "Test clocks can only be used with a test mode key (sk_test_…).");
    }
    // on a test clock, the customer is made at the clock's time (docs/api.md §7.5)
    Instant now = testClock == null ? change.now()
        : Instant.ofEpochSecond(clocks.ready(tenant, testClock, "test_clock").frozenTime());
    String id = "cus_" + Ids.random(14);
    Customer blank = new Customer(id, now.getEpochSecond(), null, null, null, null, Map.of(), null, tenant.livemode())
        .onClock(testClock);
    DiscountService.Plan plan = plan(change, id, blank, discount);
    Discount given = plan.holderDiscount();
    Customer customer = fields.applyTo(blank, given);
    Function<Discount, Coupon> coupons = plan.coupons(discounts.lookup(tenant));
    HolderView<Customer> view = new HolderView<>(customer, coupons);
    List<EventDraft> drafts = new ArrayList<>(List.of(EventDraft.of(Customer.CREATED,
        customerObject(customer, coupons))));
    if (given != null) {
      drafts.add(EventDraft.of(Discount.CREATED, new EventObject.OfDiscount(given,
          coupons.apply(given))));
    }
    try {
      store.insert(tenant, customer, now, plan.redemption(), change.creating(view, drafts));
      discounts.redeemed(plan);
    } catch (Refused refused) {
      throw discounts.explain(refused, plan, tenant, now);
    }
    return view;
  }

  public Customer retrieve(Tenant tenant, String id) {
    return live(tenant, id);
  }

  /**
   * Updates fields; a coupon or promotion code replaces the discount (the old redemption stays
   * counted), its transaction marking the idempotency key's write made ({@link Change#redeeming}).
   * When an earlier request with the same key made the write, nothing is written again. The
   * customer is read first and written on the condition that it is unchanged since, with its
   * {@code customer.updated} event (and {@code customer.discount.created} or {@code .updated}).
   */
  public Customer update(Change change, String id, CustomerChanges changes, DiscountRequest discount) {
    Tenant tenant = change.tenant();
    Instant now = change.now();
    if (change.alreadyWritten() || (discount == null && changes.isEmpty())) {
      return live(tenant, id);
    }
    return ReadThenWrite.untilUnchanged(() -> {
      CustomerStore.Stored current = liveStored(tenant, id);
      Customer before = current.customer();
      if (discount == null) {
        Customer after = changes.applyTo(before, before.discount());
        if (!after.equals(before)) {
          Function<Discount, Coupon> coupons = discounts.lookup(tenant)::of;
          store.update(tenant, current, changes, change.recording(updated(before, after, coupons)));
        }
        return after;
      }
      DiscountService.Plan plan = plan(change, id, before, discount);
      Discount given = plan.holderDiscount();
      Customer after = changes.applyTo(before, given);
      Function<Discount, Coupon> coupons = plan.coupons(discounts.lookup(tenant));
      Discount replaced = before.discountAt(now);
      EventDraft discountEvent = replaced == null
          ? EventDraft.of(Discount.CREATED, new EventObject.OfDiscount(given, coupons.apply(given)))
          : EventDraft.updated(Discount.UPDATED, new EventObject.OfDiscount(given,
              coupons.apply(given)), new EventObject.OfDiscount(replaced, coupons.apply(replaced)));
      try {
        store.updateWithDiscount(tenant, current, changes, given, plan.redemption(), now,
            change.redeeming(List.of(updated(before, after, coupons), discountEvent)));
        discounts.redeemed(plan);
      } catch (Refused refused) {
        if (refused.reason() != Redemption.Part.HOLDER) {
          throw discounts.explain(refused, plan, tenant, now);
        }
        // the customer's part refused: changed or gone since the read, which the next read tells
        throw new ChangedMeanwhile();
      }
      return after;
    });
  }

  /**
   * Deletes the customer, with its {@code customer.deleted} event (and {@code customer.discount.deleted}
   * for a discount in effect); its active subscriptions are canceled first.
   */
  public void delete(Change change, String id) {
    Tenant tenant = change.tenant();
    Instant now = change.now();
    liveStored(tenant, id);
    for (SubscriptionStore.Stored subscription : subscriptions.activeOf(tenant, id)) {
      cancel(change, subscription);
    }
    ReadThenWrite.untilUnchanged(() -> {
      CustomerStore.Stored current = liveStored(tenant, id);
      Customer customer = current.customer();
      Function<Discount, Coupon> coupons = discounts.lookup(tenant)::of;
      List<EventDraft> drafts = new ArrayList<>(List.of(EventDraft.of(Customer.DELETED,
          customerObject(customer, coupons))));
      Discount discount = customer.discountAt(now);
      if (discount != null) {
        drafts.add(EventDraft.of(Discount.DELETED, new EventObject.OfDiscount(discount,
            coupons.apply(discount))));
      }
      store.delete(tenant, current, now, change.recording(drafts));
    });
  }

  /**
   * Removes and returns the customer's discount (docs/api.md §4.6), with its
   * {@code customer.discount.deleted} and {@code customer.updated} events.
   */
  public Discount deleteDiscount(Change change, String id) {
    Tenant tenant = change.tenant();
    Instant now = change.now();
    return ReadThenWrite.untilUnchanged(() -> {
      CustomerStore.Stored current = liveStored(tenant, id);
      Customer before = current.customer();
      Discount discount = before.discountAt(now);
      if (discount == null) {
        throw Errors.noActiveDiscount("customer", id);
      }
      Customer after = before.withDiscount(null);
      Function<Discount, Coupon> coupons = discounts.lookup(tenant)::of;
      store.removeDiscount(tenant, current, change.recording(List.of(
          EventDraft.of(Discount.DELETED, new EventObject.OfDiscount(discount,
              coupons.apply(discount))),
          updated(before, after, coupons))));
      return discount;
    });
  }

  /**
   * Cancels one of the customer's subscriptions with its {@code customer.subscription.deleted}; once
   * is enough. One changed since the list is read again (five times at most, as every update), and
   * one canceled meanwhile needs nothing more.
   */
  private void cancel(Change change, SubscriptionStore.Stored listed) {
    ReadThenWrite.untilUnchanged(listed, () -> subscriptions.find(change.tenant(), listed.subscription().id())
        .filter(found -> Subscription.ACTIVE.equals(found.subscription().status())),
        subscription -> subscriptionService.cancel(change, subscription));
  }

  private static EventDraft updated(Customer before, Customer after, Function<Discount, Coupon> coupons) {
    return EventDraft.updated(Customer.UPDATED, customerObject(after, coupons),
        customerObject(before, coupons));
  }

  private static EventObject customerObject(Customer customer, Function<Discount, Coupon> coupons) {
    return new EventObject.OfCustomer(customer, customer.discount() == null ? null : coupons.apply(customer.discount()));
  }

  public Page<Customer> list(Tenant tenant, String email, ListRequest request) {
    Finder.Cursors cursors = finder.cursors(tenant, request);
    Page<CustomerStore.Stored> page = store.page(tenant, email, request, cursors.after(), cursors.before());
    return new Page<>(page.items().stream().map(CustomerStore.Stored::customer).toList(), page.hasMore());
  }

  private DiscountService.Plan plan(Change change, String id, Customer customer, DiscountRequest discount) {
    if (discount == null) {
      return DiscountService.Plan.NONE;
    }
    // a customer discount has no amount to check a minimum against; its currency is checked when billed
    DiscountService.Target target = DiscountService.Target.customer(id);
    return discounts.plan(change.tenant(), change.version(), List.of(new DiscountService.Placed(discount,
        DiscountService.Slot.HOLDER, target)),
        customer.discount() == null ? List.of() : List.of(customer.discount()), change.now());
  }

  private Customer live(Tenant tenant, String id) {
    return liveStored(tenant, id).customer();
  }

  private CustomerStore.Stored liveStored(Tenant tenant, String id) {
    return finder.find(tenant, id, stored -> !stored.deleted());
  }

  static ApiException noSuchCustomer(String id, String param, int status) {
    return Lookups.noSuch("customer", id, param, status);
  }
}
