package dev.couponapi.service;

import dev.couponapi.domain.Customer;
import dev.couponapi.domain.Discount;
import dev.couponapi.domain.DiscountRequest;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Subscription;
import dev.couponapi.domain.SubscriptionDraft;
import dev.couponapi.domain.SubscriptionItem;
import dev.couponapi.domain.Tenant;
import dev.couponapi.store.CustomerStore;
import dev.couponapi.store.Redemption;
import dev.couponapi.store.Refused;
import dev.couponapi.store.RideAlong;
import dev.couponapi.store.SubscriptionStore;
import dev.couponapi.api.ApiException;
import dev.couponapi.api.ApiVersion;
import dev.couponapi.api.Errors;
import dev.couponapi.api.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Subscriptions (docs/api.md §5.2) and their discounts, subscription- and item-level (docs/api.md §4.3, §4.6). */
public final class SubscriptionService {

  private final SubscriptionStore store;
  private final CustomerStore customers;
  private final DiscountService discounts;
  private final Finder<SubscriptionStore.Stored> finder;

  public SubscriptionService(SubscriptionStore store, CustomerStore customers, DiscountService discounts) {
    this.store = store;
    this.customers = customers;
    this.discounts = discounts;
    this.finder = new Finder<>("subscription", store::find, SubscriptionStore.Stored::listKey);
  }

  /** Creates an active subscription, redeeming its discounts in the same transaction. */
  public HolderView<Subscription> create(Tenant tenant, ApiVersion version, Instant now, SubscriptionDraft draft,
      Function<HolderView<Subscription>, RideAlong> rideAlong) {
    Customer customer = customers.find(tenant, draft.customer()).filter(stored -> !stored.deleted())
        .map(CustomerStore.Stored::customer)
        .orElseThrow(() -> CustomerService.noSuchCustomer(draft.customer(), "customer", 400));
    String id = "sub_" + Ids.random(24);
    String currency = draft.items().get(0).currency();
    List<SubscriptionItem> items = new ArrayList<>();
    List<DiscountService.Placed> requested = new ArrayList<>();
    List<DiscountRequest> own = draft.single() != null ? List.of(draft.single())
        : draft.discounts() == null ? List.of() : draft.discounts();
    long amount = 0;
    for (SubscriptionDraft.Item item : draft.items()) {
      amount = Math.addExact(amount, Math.multiplyExact(item.unitAmount(), item.quantity()));
    }
    for (DiscountRequest request : own) {
      requested.add(new DiscountService.Placed(request,
          DiscountService.Target.subscription(customer.id(), id, null, currency, amount, false)));
    }
    List<String> itemIds = new ArrayList<>();
    for (SubscriptionDraft.Item item : draft.items()) {
      String itemId = "si_" + Ids.random(14);
      itemIds.add(itemId);
      for (DiscountRequest request : item.discounts()) {
        requested.add(new DiscountService.Placed(request, DiscountService.Target.subscription(customer.id(), id, itemId,
            currency, Math.multiplyExact(item.unitAmount(), item.quantity()), false)));
      }
    }
    List<Discount> reusable = customer.discountAt(now) == null ? List.of() : List.of(customer.discount());
    DiscountService.Plan plan = discounts.plan(tenant, version, requested, reusable, now);
    List<Discount> planned = plan.discounts();
    List<Discount> subscriptionLevel = planned.subList(0, own.size());
    int next = own.size();
    for (int i = 0; i < draft.items().size(); i++) {
      SubscriptionDraft.Item item = draft.items().get(i);
      List<Discount> itemDiscounts = planned.subList(next, next + item.discounts().size());
      next += item.discounts().size();
      items.add(new SubscriptionItem(itemIds.get(i), now.getEpochSecond(), item.currency(), item.product(),
          item.unitAmount(), item.interval(), item.intervalCount(), item.quantity(), itemDiscounts));
    }
    Subscription subscription = new Subscription(id, customer.id(), now.getEpochSecond(), now.getEpochSecond(), currency,
        Subscription.ACTIVE, null, draft.metadata(), items, subscriptionLevel, tenant.livemode());
    HolderView<Subscription> view = new HolderView<>(subscription, plan.coupons(discounts.lookup(tenant)));
    try {
      store.insert(tenant, subscription, now, plan.redemption(), rideAlong.apply(view));
    } catch (Refused refused) {
      if (refused.reason() == Redemption.Part.HOLDER) {
        throw CustomerService.noSuchCustomer(draft.customer(), "customer", 400);
      }
      throw discounts.explain(refused, plan, tenant, now);
    }
    return view;
  }

  public Subscription retrieve(Tenant tenant, String id) {
    return find(tenant, id).subscription();
  }

  /**
   * Metadata alone is one update. New discounts replace the subscription-level ones ({@code discount=}
   * elements keep existing ones); {@code discounts=} removes them; the old single coupon replaces them.
   */
  public Subscription update(Tenant tenant, ApiVersion version, Instant now, String id,
      SubscriptionDraft.Changes changes, dev.couponapi.store.RideAlong committed, boolean alreadyWritten) {
    if (alreadyWritten) {
      // an earlier request with the same idempotency key made this write; its answer was lost
      return find(tenant, id).subscription();
    }
    Long anchor = changes.resetBillingCycleAnchor() ? now.getEpochSecond() : null;
    if (!changes.changesDiscounts()) {
      if (changes.metadata().isEmpty() && anchor == null) {
        return retrieve(tenant, id);
      }
      requireAcceptableId(id);
      return store.updateFields(tenant, id, changes.metadata(), anchor).map(SubscriptionStore.Stored::subscription)
          .orElseGet(() -> {
            find(tenant, id);
            throw Errors.invalid(null, "A canceled subscription can no longer be updated.").asOutcome();
          });
    }
    SubscriptionStore.Stored current = find(tenant, id);
    Subscription subscription = current.subscription();
    if (!Subscription.ACTIVE.equals(subscription.status())) {
      throw Errors.invalid(null, "A canceled subscription can no longer be updated.").asOutcome();
    }
    List<DiscountRequest> requests = changes.removeDiscounts() ? List.of()
        : changes.single() != null ? List.of(changes.single()) : changes.discounts();
    List<DiscountService.Placed> placed = requests.stream().map(request -> new DiscountService.Placed(request,
        DiscountService.Target.subscription(subscription.customer(), id, null, subscription.currency(),
            subscription.amount(), true))).toList();
    List<Discount> reusable = new ArrayList<>(subscription.discountsAt(now));
    customers.find(tenant, subscription.customer()).map(stored -> stored.customer().discountAt(now))
        .ifPresent(reusable::add);
    DiscountService.Plan plan = requests.isEmpty() ? DiscountService.Plan.NONE
        : discounts.plan(tenant, version, placed, reusable, now);
    try {
      store.replace(tenant, current, plan.discounts(), changes.metadata().applyTo(subscription.metadata()),
          anchor == null ? subscription.billingCycleAnchor() : anchor, plan.redemption(), now, committed);
    } catch (Refused refused) {
      if (refused.reason() == Redemption.Part.HOLDER) {
        throw Errors.lockTimeout();
      }
      throw discounts.explain(refused, plan, tenant, now);
    }
    return find(tenant, id).subscription();
  }

  /** Cancels an active subscription (DELETE); its discounts stay for display. */
  public Subscription cancel(Tenant tenant, String id, Instant now) {
    requireAcceptableId(id);
    return store.cancel(tenant, id, now).map(SubscriptionStore.Stored::subscription).orElseGet(() -> {
      find(tenant, id);
      throw Errors.invalid(null, "This subscription is already canceled.").asOutcome();
    });
  }

  /** Removes every subscription-level discount and returns the oldest (docs/api.md §4.6, DECISION). */
  public Discount deleteDiscount(Tenant tenant, String id, Instant now) {
    requireAcceptableId(id);
    SubscriptionStore.Removal removal = store.removeDiscounts(tenant, id);
    if (removal.holderMissing()) {
      throw noSuchSubscription(id);
    }
    return removal.discounts().stream().filter(discount -> discount.inEffect(now)).findFirst()
        .orElseThrow(() -> Errors.noActiveDiscount("subscription", id));
  }

  /** A page; without {@code status} only active subscriptions, as Stripe lists them; {@code all}: every one. */
  public Page<Subscription> list(Tenant tenant, String customer, String status, ListRequest request) {
    String filter = status == null ? Subscription.ACTIVE : "all".equals(status) ? null : status;
    Finder.Cursors cursors = finder.cursors(tenant, request);
    Page<SubscriptionStore.Stored> page = store.page(tenant, customer, filter, request, cursors.after(),
        cursors.before());
    return new Page<>(page.items().stream().map(SubscriptionStore.Stored::subscription).toList(), page.hasMore());
  }

  private SubscriptionStore.Stored find(Tenant tenant, String id) {
    return finder.find(tenant, id);
  }

  private void requireAcceptableId(String id) {
    finder.requireAcceptableId(id);
  }

  private ApiException noSuchSubscription(String id) {
    return finder.missing(id);
  }
}
