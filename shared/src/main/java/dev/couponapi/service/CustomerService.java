package dev.couponapi.service;

import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.Customer;
import dev.couponapi.domain.EventDraft;
import dev.couponapi.domain.EventObject;
import dev.couponapi.domain.EventType;
import dev.couponapi.domain.Origin;
import dev.couponapi.domain.CustomerChanges;
import dev.couponapi.domain.Discount;
import dev.couponapi.domain.DiscountRequest;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Tenant;
import dev.couponapi.store.ChangedMeanwhile;
import dev.couponapi.store.CustomerStore;
import dev.couponapi.store.Redemption;
import dev.couponapi.store.Refused;
import dev.couponapi.store.RideAlong;
import dev.couponapi.store.SubscriptionStore;
import dev.couponapi.api.ApiException;
import dev.couponapi.api.Errors;
import dev.couponapi.api.ApiVersion;
import dev.couponapi.api.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Customers (docs/api.md §5.1) and their single discount (docs/api.md §4.3, §4.6). */
public final class CustomerService {

  private final CustomerStore store;
  private final SubscriptionStore subscriptions;
  private final DiscountService discounts;
  private final Finder<CustomerStore.Stored> finder;
  private final Events events;
  private final SubscriptionService subscriptionService;

  /** {@code subscriptionService} cancels a deleted customer's subscriptions. */
  public CustomerService(CustomerStore store, SubscriptionStore subscriptions, DiscountService discounts,
      Events events, SubscriptionService subscriptionService) {
    this.store = store;
    this.events = events;
    this.subscriptionService = subscriptionService;
    this.subscriptions = subscriptions;
    this.discounts = discounts;
    this.finder = new Finder<>("customer", store::find, CustomerStore.Stored::listKey);
  }

  /**
   * Creates a customer, redeeming its discount in the same transaction when one is asked for, with
   * its {@code customer.created} (and {@code customer.discount.created}) events.
   */
  public HolderView<Customer> create(Tenant tenant, ApiVersion version, Instant now, CustomerChanges fields,
      DiscountRequest discount, Origin origin, Function<HolderView<Customer>, RideAlong> rideAlong) {
    String id = "cus_" + Ids.random(14);
    Customer blank = new Customer(id, now.getEpochSecond(), null, null, null, null, Map.of(), null, tenant.livemode());
    DiscountService.Plan plan = plan(tenant, version, id, blank, discount, now);
    Discount given = plan.discounts().isEmpty() ? null : plan.discounts().get(0);
    Customer customer = fields.applyTo(blank, given);
    Function<Discount, Coupon> coupons = plan.coupons(discounts.lookup(tenant));
    HolderView<Customer> view = new HolderView<>(customer, coupons);
    List<EventDraft> drafts = new ArrayList<>(List.of(EventDraft.of(EventType.CUSTOMER_CREATED,
        customerObject(customer, coupons))));
    if (given != null) {
      drafts.add(EventDraft.of(EventType.CUSTOMER_DISCOUNT_CREATED, new EventObject.OfDiscount(given,
          coupons.apply(given))));
    }
    try {
      store.insert(tenant, customer, now, plan.redemption(), RideAlong.and(rideAlong.apply(view),
          events.record(tenant, origin, now, drafts)));
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
   * counted), its transaction carrying {@code committed} (the idempotency key's mark, or null). When
   * {@code alreadyWritten}, an earlier request with the same key made the write: nothing is written
   * again. The customer is read first and written on the condition that it is unchanged since, with
   * its {@code customer.updated} event (and {@code customer.discount.created} or {@code .updated}).
   */
  public Customer update(Tenant tenant, ApiVersion version, Instant now, String id, CustomerChanges changes,
      DiscountRequest discount, Origin origin, RideAlong committed, boolean alreadyWritten) {
    if (alreadyWritten || (discount == null && changes.isEmpty())) {
      return live(tenant, id);
    }
    return ReadThenWrite.untilUnchanged(() -> {
      CustomerStore.Stored current = liveStored(tenant, id);
      Customer before = current.customer();
      if (discount == null) {
        Customer after = changes.applyTo(before, before.discount());
        if (!after.equals(before)) {
          Function<Discount, Coupon> coupons = discounts.lookup(tenant)::of;
          store.update(tenant, current, changes, events.record(tenant, origin, now, List.of(updated(before, after,
              coupons))));
        }
        return after;
      }
      DiscountService.Plan plan = plan(tenant, version, id, before, discount, now);
      Discount given = plan.discounts().get(0);
      Customer after = changes.applyTo(before, given);
      Function<Discount, Coupon> coupons = plan.coupons(discounts.lookup(tenant));
      Discount replaced = before.discountAt(now);
      EventDraft discountEvent = replaced == null
          ? EventDraft.of(EventType.CUSTOMER_DISCOUNT_CREATED, new EventObject.OfDiscount(given, coupons.apply(given)))
          : EventDraft.updated(EventType.CUSTOMER_DISCOUNT_UPDATED, new EventObject.OfDiscount(given,
              coupons.apply(given)), new EventObject.OfDiscount(replaced, coupons.apply(replaced)));
      try {
        store.updateWithDiscount(tenant, current, changes, given, plan.redemption(), now, RideAlong.and(committed,
            events.record(tenant, origin, now, List.of(updated(before, after, coupons), discountEvent))));
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
  public void delete(Tenant tenant, String id, Instant now, Origin origin) {
    liveStored(tenant, id);
    for (SubscriptionStore.Stored subscription : subscriptions.activeOf(tenant, id)) {
      cancel(tenant, subscription, now, origin);
    }
    ReadThenWrite.untilUnchanged(() -> {
      CustomerStore.Stored current = liveStored(tenant, id);
      Customer customer = current.customer();
      Function<Discount, Coupon> coupons = discounts.lookup(tenant)::of;
      List<EventDraft> drafts = new ArrayList<>(List.of(EventDraft.of(EventType.CUSTOMER_DELETED,
          customerObject(customer, coupons))));
      Discount discount = customer.discountAt(now);
      if (discount != null) {
        drafts.add(EventDraft.of(EventType.CUSTOMER_DISCOUNT_DELETED, new EventObject.OfDiscount(discount,
            coupons.apply(discount))));
      }
      store.delete(tenant, current, now, events.record(tenant, origin, now, drafts));
    });
  }

  /**
   * Removes and returns the customer's discount (docs/api.md §4.6), with its
   * {@code customer.discount.deleted} and {@code customer.updated} events.
   */
  public Discount deleteDiscount(Tenant tenant, String id, Instant now, Origin origin) {
    return ReadThenWrite.untilUnchanged(() -> {
      CustomerStore.Stored current = liveStored(tenant, id);
      Customer before = current.customer();
      Discount discount = before.discountAt(now);
      if (discount == null) {
        throw Errors.noActiveDiscount("customer", id);
      }
      Customer after = before.withDiscount(null);
      Function<Discount, Coupon> coupons = discounts.lookup(tenant)::of;
      store.removeDiscount(tenant, current, events.record(tenant, origin, now, List.of(
          EventDraft.of(EventType.CUSTOMER_DISCOUNT_DELETED, new EventObject.OfDiscount(discount,
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
  private void cancel(Tenant tenant, SubscriptionStore.Stored listed, Instant now, Origin origin) {
    ReadThenWrite.untilUnchanged(listed, () -> subscriptions.find(tenant, listed.subscription().id())
        .filter(found -> dev.couponapi.domain.Subscription.ACTIVE.equals(found.subscription().status())),
        subscription -> subscriptionService.cancel(tenant, subscription, now, origin));
  }

  private static EventDraft updated(Customer before, Customer after, Function<Discount, Coupon> coupons) {
    return EventDraft.updated(EventType.CUSTOMER_UPDATED, customerObject(after, coupons),
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

  private DiscountService.Plan plan(Tenant tenant, ApiVersion version, String id, Customer customer,
      DiscountRequest discount, Instant now) {
    if (discount == null) {
      return DiscountService.Plan.NONE;
    }
    // a customer discount has no amount to check a minimum against; its currency is checked when billed
    DiscountService.Target target = DiscountService.Target.customer(id);
    return discounts.plan(tenant, version, List.of(new DiscountService.Placed(discount, target)),
        customer.discount() == null ? List.of() : List.of(customer.discount()), now);
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
