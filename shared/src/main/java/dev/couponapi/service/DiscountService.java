package dev.couponapi.service;

import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.CouponDuration;
import dev.couponapi.domain.Discount;
import dev.couponapi.domain.DiscountRequest;
import dev.couponapi.domain.PromotionCode;
import dev.couponapi.domain.Tenant;
import dev.couponapi.store.CouponStore;
import dev.couponapi.store.PromotionCodeStore;
import dev.couponapi.store.Redemption;
import dev.couponapi.store.Refused;
import dev.couponapi.api.ApiException;
import dev.couponapi.api.ApiVersion;
import dev.couponapi.api.Errors;
import dev.couponapi.api.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what a request names (coupons, promotion codes, existing discounts) into discounts and the
 * counters they move (docs/api.md §3.6, §4.4). The checks here give the client Stripe's specific errors;
 * the transaction's conditions are what make them hold under concurrency, and a refused
 * transaction is explained by reading again.
 */
public final class DiscountService {

  private final CouponStore coupons;
  private final PromotionCodeStore codes;
  private final TermsCache terms;
  private final java.util.function.BiPredicate<Tenant, String> paidBefore;
  private final Metrics metrics;

  public DiscountService(CouponStore coupons, PromotionCodeStore codes) {
    this(coupons, codes, java.time.Duration.ZERO);
  }

  /** {@code termsTtl}: how long this container keeps the terms of what it redeems (zero: not at all). */
  public DiscountService(CouponStore coupons, PromotionCodeStore codes, java.time.Duration termsTtl) {
    this(coupons, codes, termsTtl, Metrics.NONE);
  }

  /** {@code metrics}: where redemptions and refusals are counted (docs/operations.md, "Metrics"). */
  public DiscountService(CouponStore coupons, PromotionCodeStore codes, java.time.Duration termsTtl,
      Metrics metrics) {
    this(coupons, codes, termsTtl, metrics, (tenant, customer) -> false);
  }

  /**
   * {@code paidBefore}: whether a customer has paid an invoice of more than zero, which a
   * {@code first_time_transaction} code refuses (docs/api.md §3.6).
   */
  public DiscountService(CouponStore coupons, PromotionCodeStore codes, java.time.Duration termsTtl,
      Metrics metrics, java.util.function.BiPredicate<Tenant, String> paidBefore) {
    this.paidBefore = paidBefore;
    this.coupons = coupons;
    this.codes = codes;
    this.terms = new TermsCache(termsTtl);
    this.metrics = metrics;
  }

  /** Counts a committed plan's redemptions, by kind. */
  public void redeemed(Plan plan) {
    if (!plan.redemption().coupons().isEmpty()) {
      metrics.count("Redemptions", "Kind", "coupon", plan.redemption().coupons().size());
    }
    if (!plan.redemption().codes().isEmpty()) {
      metrics.count("Redemptions", "Kind", "promotion_code", plan.redemption().codes().size());
    }
  }

  /**
   * Counts a refusal of a redemption by its reason (its error code: coupon_expired, resource_missing;
   * "not_applicable" for the rules that have none); a malformed request is no refusal.
   */
  private ApiException counted(ApiException refusal) {
    if (refusal.isOutcome() || refusal.code() != null) {
      metrics.count("Refusals", "Reason", refusal.code() != null ? refusal.code() : "not_applicable", 1);
    }
    return refusal;
  }

  /**
   * What the rules need to know of where a discount goes: the customer; the subscription and item
   * (null for a customer discount); the currency and amount being discounted when known, whether
   * that amount can still change (a subscription update), and whether it is billed (a subscription,
   * its item or an invoice, where basil's amount-off forever rule applies; a customer is not).
   */
  public record Target(String customer, String subscription, String item, String currency, Long amount,
      boolean amountMayChange, boolean billed) {

    /** A subscription or one of its items. */
    public static Target subscription(String customer, String subscription, String item, String currency, long amount,
        boolean amountMayChange) {
      return new Target(customer, subscription, item, currency, amount, amountMayChange, true);
    }

    /** A customer: no amount to check a minimum against; its currency is checked when billed. */
    public static Target customer(String customer) {
      return new Target(customer, null, null, null, null, false, false);
    }

    /** An invoice (or its preview). */
    public static Target invoice(String customer, String currency, long amount) {
      return new Target(customer, null, null, currency, amount, false, true);
    }
  }

  /**
   * Which of a holder's places a discount fills: the holder itself (customer, subscription,
   * invoice), one of its items (by id), or one of an invoice's lines (by position).
   */
  public record Slot(String kind, String key) {

    public static final Slot HOLDER = new Slot("holder", "");

    public static Slot item(String id) {
      return new Slot("item", id);
    }

    public static Slot line(int index) {
      return new Slot("line", Integer.toString(index));
    }

    /** An invoice item made with a subscription ({@code add_invoice_items[]}). */
    public static Slot invoiceItem(String id) {
      return new Slot("invoice_item", id);
    }
  }

  /** One requested discount, where it goes, and what the rules know of that place. */
  public record Placed(DiscountRequest request, Slot slot, Target target) {}

  /**
   * The discounts, by slot in request order, and the counters their new redemptions move.
   * {@code redeemed} holds each redeemed coupon (by revision) as this request leaves it: read, plus
   * its own redemptions; a response rendered before the write shows that.
   */
  public record Plan(Map<Slot, List<Discount>> placed, Redemption redemption, Map<String, Coupon> redeemed) {

    public static final Plan NONE = new Plan(Map.of(), Redemption.NONE, Map.of());

    /** The discounts that go to {@code slot}, in request order. */
    public List<Discount> discountsFor(Slot slot) {
      return placed.getOrDefault(slot, List.of());
    }

    /** The holder's own discount when one was asked for (a customer holds one), else null. */
    public Discount holderDiscount() {
      List<Discount> own = discountsFor(Slot.HOLDER);
      return own.isEmpty() ? null : own.get(0);
    }

    /** The coupons to render this plan's discounts with; others come from {@code lookup}. */
    public java.util.function.Function<Discount, Coupon> coupons(CouponLookup lookup) {
      return discount -> redeemed.containsKey(discount.couponRev()) ? redeemed.get(discount.couponRev())
          : lookup.of(discount);
    }
  }

  /**
   * Resolves and checks each request, in order: a {@code discount=} element keeps one of
   * {@code reusable} (the holder's own and its customer's); a coupon or a promotion code makes a
   * new discount and is counted. Then each counted coupon's cap is checked against its count.
   */
  public Plan plan(Tenant tenant, ApiVersion version, List<Placed> requests, List<Discount> reusable, Instant now) {
    try {
      return checked(tenant, version, requests, reusable, now);
    } catch (ApiException refused) {
      throw counted(refused);
    }
  }

  private Plan checked(Tenant tenant, ApiVersion version, List<Placed> requests, List<Discount> reusable,
      Instant now) {
    Map<Slot, List<Discount>> placed = new LinkedHashMap<>();
    Counts<CouponStore.Stored> couponCounts = new Counts<>();
    Counts<PromotionCodeStore.Stored> codeCounts = new Counts<>();
    for (Placed each : requests) {
      DiscountRequest request = each.request();
      Discount discount = request.kind() == DiscountRequest.Kind.EXISTING ? kept(request, each.target(), reusable, now)
          : redeemed(tenant, version, each, now, couponCounts, codeCounts);
      placed.computeIfAbsent(each.slot(), slot -> new ArrayList<>()).add(discount);
    }
    Map<String, Coupon> redeemed = new LinkedHashMap<>();
    Map<String, CouponStore.Stored> counted = counted(tenant, couponCounts.subjects(), now);
    couponCounts.each((stored, count) -> {
      Coupon coupon = counted.get(stored.rev()).coupon();
      if (coupon.maxRedemptions() != null && coupon.timesRedeemed() + count.count() > coupon.maxRedemptions()) {
        throw couponExpired(coupon, count.source().param());
      }
      if (coupon.maxRedemptionsPerCustomer() != null && count.customer() != null
          && coupons.usesBy(tenant, stored.rev(), count.customer()) + count.count()
          > coupon.maxRedemptionsPerCustomer()) {
        // read first, so a preview refuses as the redemption would; the redemption's condition decides a race
        throw customerLimitReached("the coupon " + coupon.id(), coupon.maxRedemptionsPerCustomer(),
            count.source().param());
      }
      redeemed.put(stored.rev(), coupon.redeemed(count.count()));
    });
    Redemption redemption = new Redemption(
        couponCounts.counts((stored, count) -> new Redemption.Count(stored.coupon().id(), stored.rev(),
            stored.counter(), stored.coupon().maxRedemptions(), stored.coupon().redeemBy(), count.customer(),
            count.count(), count.source(), stored.coupon().maxRedemptionsPerCustomer(), false)),
        codeCounts.counts((stored, count) -> new Redemption.Count(stored.code().id(), null, stored.counter(),
            stored.code().maxRedemptions(), stored.code().expiresAt(), count.customer(), count.count(),
            count.source(), stored.code().maxRedemptionsPerCustomer(),
            stored.code().restrictions().firstTimeTransaction())));
    return new Plan(placed, redemption, redeemed);
  }

  /** A discount the holder (or its customer) has, kept by a {@code discount=} element. */
  private static Discount kept(DiscountRequest request, Target target, List<Discount> reusable, Instant now) {
    return reusable.stream().filter(discount -> discount.id().equals(request.id()) && discount.inEffect(now))
        .findFirst().orElseThrow(() -> Lookups.noSuch("discount", request.id(), request.param(), 400))
        .on(target.subscription(), target.item());
  }

  /** A new discount from a coupon or a promotion code, checked, with what it redeems counted. */
  private Discount redeemed(Tenant tenant, ApiVersion version, Placed placed, Instant now,
      Counts<CouponStore.Stored> couponCounts, Counts<PromotionCodeStore.Stored> codeCounts) {
    DiscountRequest request = placed.request();
    Target target = placed.target();
    PromotionCodeStore.Stored code = null;
    CouponStore.Stored stored;
    if (request.kind() == DiscountRequest.Kind.PROMOTION_CODE) {
      code = validCode(tenant, request, target, now);
      stored = couponOf(tenant, code.code(), request.param(), now);
    } else {
      stored = liveCoupon(tenant, request.id(), request.param(), now);
    }
    Coupon coupon = stored.coupon();
    checkCoupon(coupon, request.param(), target, version, now);
    couponCounts.add(coupon.id(), stored, request, target.customer());
    if (code != null) {
      codeCounts.add(code.code().id(), code, request, target.customer());
      Long limit = code.code().maxRedemptionsPerCustomer();
      if (limit != null && target.customer() != null
          && coupons.usesBy(tenant, code.code().id(), target.customer()) + codeCounts.countOf(code.code().id()) > limit) {
        throw customerLimitReached("the promotion code " + code.code().code(), limit, request.param());
      }
    }
    return new Discount("di_" + Ids.random(24), coupon.id(), stored.rev(), code == null ? null : code.code().id(),
        now.getEpochSecond(), Discount.endOf(coupon, now.getEpochSecond()), target.customer(), target.subscription(),
        target.item());
  }

  /**
   * The redeemed coupons with their counts, for the response and a refusal before writing: kept
   * ones as kept, the others in one eventually consistent read of their shards, then kept. A count
   * only grows, so one read a moment ago never refuses wrongly; the shards' conditions decide.
   */
  private Map<String, CouponStore.Stored> counted(Tenant tenant, List<CouponStore.Stored> read, Instant now) {
    Map<String, CouponStore.Stored> counted = new LinkedHashMap<>();
    List<CouponStore.Stored> uncounted = new ArrayList<>();
    for (CouponStore.Stored stored : read) {
      terms.<CouponStore.Stored>kept(tenant, couponKey(stored.coupon().id()), now,
          kept -> kept.rev().equals(stored.rev()) && !kept.coupon().deleted())
          .ifPresentOrElse(kept -> counted.put(kept.rev(), kept), () -> uncounted.add(stored));
    }
    for (CouponStore.Stored stored : coupons.counted(tenant, uncounted, false)) {
      terms.put(tenant, couponKey(stored.coupon().id()), stored, now);
      counted.put(stored.rev(), stored);
    }
    return counted;
  }

  private static String couponKey(String id) {
    return "coupon " + id;
  }

  private static String codeKey(String id) {
    return "code " + id;
  }

  /** A live coupon's terms: as this container keeps them, else read (eventually consistent, see CouponStore). */
  private Optional<CouponStore.Stored> couponTerms(Tenant tenant, String id, Instant now) {
    Optional<CouponStore.Stored> kept = terms.kept(tenant, couponKey(id), now, stored -> !stored.coupon().deleted());
    return kept.isPresent() ? kept : coupons.terms(tenant, id);
  }

  /** The coupon record a redeemable code names: its terms, or the record moved aside (which refuses). */
  private CouponStore.Stored couponOf(Tenant tenant, PromotionCode code, String param, Instant now) {
    java.util.function.Predicate<CouponStore.Stored> named = stored -> stored.rev().equals(code.couponRev())
        && !stored.coupon().deleted();
    // kept terms of another revision are no refusal: then it is read
    Optional<CouponStore.Stored> live = terms.kept(tenant, couponKey(code.couponId()), now, named)
        .or(() -> coupons.terms(tenant, code.couponId()).filter(named));
    if (live.isEmpty()) {
      throw couponExpired(lookup(tenant).of(code), param);
    }
    if (!live.get().coupon().valid(now)) {
      throw couponExpired(live.get().coupon(), param);
    }
    return live.get();
  }

  /** The coupons of a tenant, each record read once. */
  public CouponLookup lookup(Tenant tenant) {
    return new CouponLookup(coupons, tenant);
  }

  /** The error a refused redemption means, read again from the coupon or code that refused it. */
  public ApiException explain(Refused refused, Plan plan, Tenant tenant, Instant now) {
    return counted(explained(refused, plan, tenant, now));
  }

  private ApiException explained(Refused refused, Plan plan, Tenant tenant, Instant now) {
    plan.redemption().coupons().forEach(count -> terms.forget(tenant, couponKey(count.id())));
    plan.redemption().codes().forEach(count -> terms.forget(tenant, codeKey(count.id())));
    Redemption.Count count = (Redemption.Count) refused.subject();
    DiscountRequest source = count.source();
    if (refused.reason() == Redemption.Part.CUSTOMER_LIMIT) {
      return customerLimitReached(count.rev() != null ? "the coupon " + count.id() : "this promotion code",
          count.perCustomer(), source.param());
    }
    if (refused.reason() == Redemption.Part.FIRST_TIME) {
      // the customer paid an invoice between the plan's read and the redemption's commit
      return priorTransactions(source.param());
    }
    if (refused.reason() == Redemption.Part.COUPON) {
      Optional<CouponStore.Stored> coupon = coupons.find(tenant, count.id())
          .filter(stored -> !stored.coupon().deleted() && stored.rev().equals(count.rev()));
      if (coupon.isEmpty()) {
        return Lookups.noSuch("coupon", count.id(), source.param(), 400);
      }
      return couponExpired(coupon.get().coupon(), source.param());
    }
    return codes.find(tenant, source.id()).map(stored -> codeRefusal(stored.code(), source.param(), now))
        .orElseGet(() -> Lookups.noSuch("promotion code", source.id(), source.param(), 400));
  }

  /** DECISION (docs/api.md §2.8): the customer used the coupon the number of times its limit allows. */
  private static ApiException customerLimitReached(String what, Long limit, String param) {
    return ApiException.invalid("coupon_customer_limit_reached", "This customer has already redeemed " + what
        + " the most times it allows per customer (" + limit + ").", param).asOutcome();
  }

  private PromotionCodeStore.Stored validCode(Tenant tenant, DiscountRequest request, Target target, Instant now) {
    if (!Ids.isAcceptableId(request.id())) {
      throw Lookups.noSuch("promotion code", request.id(), request.param(), 400);
    }
    // kept only while switched on: an inactive code is read again before it refuses
    PromotionCodeStore.Stored stored = terms.get(tenant, codeKey(request.id()), now,
        () -> codes.terms(tenant, request.id()), kept -> kept.code().activeFlag())
        .orElseThrow(() -> Lookups.noSuch("promotion code", request.id(), request.param(), 400));
    PromotionCode code = stored.code();
    String param = request.param();
    if (!code.activeFlag()) {
      Coupon coupon = lookup(tenant).of(code);
      if (!coupon.valid(now)) {
        throw couponExpired(coupon, param);
      }
      throw refused(param, "This promotion code is inactive.");
    }
    if (code.expired(now) || code.exhausted()) {
      throw codeRefusal(code, param, now);
    }
    if (code.customer() != null && !code.customer().equals(target.customer())) {
      throw refused(param, "This promotion code cannot be redeemed by this customer.");
    }
    PromotionCode.Restrictions restrictions = code.restrictions();
    if (restrictions.firstTimeTransaction() && target.customer() != null
        && paidBefore.test(tenant, target.customer())) {
      throw priorTransactions(param);
    }
    if (restrictions.minimumAmount() != null) {
      if (target.amountMayChange()) {
        throw refused(param, "This promotion code cannot be redeemed on a subscription update because it uses the "
            + "`minimum_amount` restriction and the amount may change.");
      }
      if (target.amount() == null) {
        throw refused(param, "This promotion code has a `minimum_amount` restriction, which needs an amount to "
            + "check: it can be redeemed on a subscription, not on a customer.");
      }
      Long minimum = target.currency() == null ? null
          : target.currency().equals(restrictions.minimumAmountCurrency()) ? restrictions.minimumAmount()
          : restrictions.currencyOptions().get(target.currency());
      if (minimum == null || target.amount() < minimum) {
        throw refused(param, "This promotion code needs an order of at least its `minimum_amount`"
            + (minimum == null ? " in " + target.currency() : " (" + minimum + " " + target.currency() + ")") + ".");
      }
    }
    return stored;
  }

  private static ApiException codeRefusal(PromotionCode code, String param, Instant now) {
    if (!code.activeFlag()) {
      return refused(param, "This promotion code is inactive.");
    }
    if (code.expired(now)) {
      return refused(param, "This promotion code has expired.");
    }
    if (code.exhausted()) {
      return refused(param, "This promotion code has been redeemed its maximum number of times.");
    }
    return refused(param, "This promotion code cannot be redeemed right now.");
  }

  private CouponStore.Stored liveCoupon(Tenant tenant, String id, String param, Instant now) {
    if (!Ids.isAcceptableId(id)) {
      throw Lookups.noSuch("coupon", id, param, 400);
    }
    return couponTerms(tenant, id, now).filter(stored -> !stored.coupon().deleted())
        .orElseThrow(() -> Lookups.noSuch("coupon", id, param, 400));
  }

  /** Spec §4.4 steps 2–3: redeemable now; basil's rule on amount-off forever; the currency. */
  private static void checkCoupon(Coupon coupon, String param, Target target, ApiVersion version, Instant now) {
    if (!coupon.valid(now)) {
      throw couponExpired(coupon, param);
    }
    if (target.billed() && coupon.amountOff() != null && coupon.duration() == CouponDuration.FOREVER
        && version.refusesAmountOffForever()) {
      throw refused(param, "Coupons with amount_off and a duration of forever cannot be applied to subscriptions "
          + "(since API version 2025-03-31.basil).");
    }
    if (target.currency() != null && coupon.amountOff() != null && !coupon.currency().equals(target.currency())
        && !coupon.currencyOptions().containsKey(target.currency())) {
      throw refused(param, "The coupon " + coupon.id() + " is for " + coupon.currency() + " and has no amount for "
          + target.currency() + ".");
    }
  }

  private static ApiException couponExpired(Coupon coupon, String param) {
    return Errors.couponExpired(coupon.id(), param);
  }

  /** A first-time code refused: the customer has paid an invoice above zero (docs/api.md §3.6). */
  private static ApiException priorTransactions(String param) {
    return refused(param, "This promotion code cannot be redeemed because the associated customer has prior "
        + "transactions.");
  }

  private static ApiException refused(String param, String message) {
    return Errors.invalid(param, message).asOutcome();
  }

  /**
   * How many discounts of one request each coupon (or code) makes, in the order first named, with
   * the request that first named it and the customer redeeming.
   */
  private static final class Counts<T> {
    private final Map<String, T> subjects = new LinkedHashMap<>();
    private final Map<String, Tally> tallies = new LinkedHashMap<>();

    record Tally(DiscountRequest source, String customer, int count) {}

    int countOf(String id) {
      Tally tally = tallies.get(id);
      return tally == null ? 0 : tally.count();
    }

    void add(String id, T subject, DiscountRequest source, String customer) {
      subjects.putIfAbsent(id, subject);
      tallies.merge(id, new Tally(source, customer, 1),
          (first, more) -> new Tally(first.source(), first.customer(), first.count() + 1));
    }

    List<T> subjects() {
      return List.copyOf(subjects.values());
    }

    void each(java.util.function.BiConsumer<T, Tally> action) {
      subjects.forEach((id, subject) -> action.accept(subject, tallies.get(id)));
    }

    <R> List<R> counts(java.util.function.BiFunction<T, Tally, R> count) {
      List<R> all = new ArrayList<>();
      each((subject, tally) -> all.add(count.apply(subject, tally)));
      return all;
    }
  }
}
