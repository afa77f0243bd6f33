package dev.couponapi.service;

import dev.couponapi.domain.Customer;
import dev.couponapi.domain.CustomerChanges;
import dev.couponapi.domain.Discount;
import dev.couponapi.domain.DiscountRequest;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Tenant;
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
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Customers (docs/api.md §5.1) and their single discount (docs/api.md §4.3, §4.6). */
public final class CustomerService {

  private final CustomerStore store;
  private final SubscriptionStore subscriptions;
  private final DiscountService discounts;
  private final Finder<CustomerStore.Stored> finder;

  public CustomerService(CustomerStore store, SubscriptionStore subscriptions, DiscountService discounts) {
    this.store = store;
    this.subscriptions = subscriptions;
    this.discounts = discounts;
    this.finder = new Finder<>("customer", store::find, CustomerStore.Stored::listKey);
  }

  /** Creates a customer, redeeming its discount in the same transaction when one is asked for. */
  public HolderView<Customer> create(Tenant tenant, ApiVersion version, Instant now, CustomerChanges fields,
      DiscountRequest discount, Function<HolderView<Customer>, RideAlong> rideAlong) {
    String id = "cus_" + Ids.random(14);
    Customer blank = new Customer(id, now.getEpochSecond(), null, null, null, null, Map.of(), null, tenant.livemode());
    DiscountService.Plan plan = plan(tenant, version, id, blank, discount, now);
    Customer customer = fields.applyTo(blank, plan.discounts().isEmpty() ? null : plan.discounts().get(0));
    HolderView<Customer> view = new HolderView<>(customer, plan.coupons(discounts.lookup(tenant)));
    try {
      store.insert(tenant, customer, now, plan.redemption(), rideAlong.apply(view));
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
   * {@code alreadyWritten}, an earlier request with the same key made the write: nothing is written again.
   */
  public Customer update(Tenant tenant, ApiVersion version, Instant now, String id, CustomerChanges changes,
      DiscountRequest discount, RideAlong committed, boolean alreadyWritten) {
    if (alreadyWritten) {
      return live(tenant, id);
    }
    if (discount == null) {
      if (changes.isEmpty()) {
        return live(tenant, id);
      }
      requireAcceptableId(id);
      return store.update(tenant, id, changes).orElseThrow(() -> noSuchCustomer(id, "id", 404));
    }
    Customer current = live(tenant, id);
    DiscountService.Plan plan = plan(tenant, version, id, current, discount, now);
    try {
      store.updateWithDiscount(tenant, id, changes, plan.discounts().get(0), plan.redemption(), now, committed);
    } catch (Refused refused) {
      if (refused.reason() == Redemption.Part.HOLDER) {
        throw noSuchCustomer(id, "id", 404);
      }
      throw discounts.explain(refused, plan, tenant, now);
    }
    return live(tenant, id);
  }

  /** Deletes the customer; its discount goes with it and its active subscriptions are canceled first. */
  public void delete(Tenant tenant, String id, Instant now) {
    live(tenant, id);
    for (SubscriptionStore.Stored subscription : subscriptions.activeOf(tenant, id)) {
      subscriptions.cancel(tenant, subscription.subscription().id(), now);
    }
    if (!store.delete(tenant, id, now)) {
      throw noSuchCustomer(id, "id", 404);
    }
  }

  /** Removes and returns the customer's discount (docs/api.md §4.6). */
  public Discount deleteDiscount(Tenant tenant, String id, Instant now) {
    requireAcceptableId(id);
    CustomerStore.Removal removal = store.removeDiscount(tenant, id);
    if (removal.holderMissing()) {
      throw noSuchCustomer(id, "id", 404);
    }
    if (removal.discount() == null || !removal.discount().inEffect(now)) {
      throw Errors.noActiveDiscount("customer", id);
    }
    return removal.discount();
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
    return finder.find(tenant, id, stored -> !stored.deleted()).customer();
  }

  private void requireAcceptableId(String id) {
    finder.requireAcceptableId(id);
  }

  static ApiException noSuchCustomer(String id, String param, int status) {
    return Lookups.noSuch("customer", id, param, status);
  }
}
