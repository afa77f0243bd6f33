package dev.couponapi.service;

import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.MetadataChange;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.EventDraft;
import dev.couponapi.domain.EventObject;
import dev.couponapi.domain.PromotionCode;
import dev.couponapi.domain.PromotionCodeChanges;
import dev.couponapi.domain.PromotionCodeDraft;
import dev.couponapi.domain.PromotionCodeFilter;
import dev.couponapi.domain.Tenant;
import dev.couponapi.store.ChangedMeanwhile;
import dev.couponapi.store.CouponStore;
import dev.couponapi.store.CustomerStore;
import dev.couponapi.store.PromotionCodeStore;
import dev.couponapi.store.PromotionCodeStore.Refusal;
import dev.couponapi.store.Refused;
import dev.couponapi.api.ApiException;
import dev.couponapi.api.Errors;
import dev.couponapi.api.Ids;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

/** Promotion-code rules that need the clock, the coupon or the customer, and the order of store calls. */
public final class PromotionCodeService {

  static final int GENERATED_CODE_LENGTH = 8;
  private static final int GENERATED_CODE_ATTEMPTS = 5;
  private static final char[] CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private final PromotionCodeStore store;
  private final CouponStore coupons;
  private final CustomerStore customers;
  private final Finder<PromotionCodeStore.Stored> finder;

  public PromotionCodeService(PromotionCodeStore store, CouponStore coupons, CustomerStore customers) {
    this.store = store;
    this.coupons = coupons;
    this.customers = customers;
    this.finder = Finder.withCursorRead("promotion code", store::find, store::listKey);
  }

  /** Creates a code for a live, valid coupon (docs/api.md §3.2), with its event and answer in one transaction. */
  public PromotionCodeView create(Change change, PromotionCodeDraft draft) {
    Tenant tenant = change.tenant();
    Instant now = change.now();
    CouponStore.Stored stored = couponFor(tenant, draft, now);
    Coupon coupon = stored.coupon();
    for (int attempt = 1; ; attempt++) {
      String text = draft.code() != null ? draft.code() : generatedCode();
      PromotionCode code = new PromotionCode("promo_" + Ids.random(24), text, coupon.id(), stored.rev(),
          now.getEpochSecond(), draft.customer(), draft.expiresAt(), draft.maxRedemptions(), 0, draft.active(),
          draft.metadata(), draft.restrictions(), tenant.livemode(), draft.maxRedemptionsPerCustomer());
      PromotionCodeView view = new PromotionCodeView(code, coupon);
      try {
        store.insert(tenant, code, now, change.creating(view,
            EventDraft.of(PromotionCode.CREATED, new EventObject.OfPromotionCode(code, coupon))));
        return view;
      } catch (Refused refused) {
        if (refused.reason() == Refusal.COUPON_GONE) {
          throw Lookups.noSuch("coupon", draft.couponId(), draft.couponParam(), 400);
        }
        if (draft.code() != null) {
          throw codeTaken("code");
        }
        if (attempt == GENERATED_CODE_ATTEMPTS) {
          throw Errors.lockTimeout();
        }
      }
    }
  }

  /**
   * The coupon a new code (or batch of codes) names, when the draft's terms fit it: live, valid, and
   * the code's expiry and cap within the coupon's; 400 otherwise, before anything is written.
   */
  CouponStore.Stored couponFor(Tenant tenant, PromotionCodeDraft draft, Instant now) {
    CouponStore.Stored stored = coupons.find(tenant, draft.couponId()).filter(c -> !c.coupon().deleted())
        .orElseThrow(() -> Lookups.noSuch("coupon", draft.couponId(), draft.couponParam(), 400));
    Coupon coupon = stored.coupon();
    if (!coupon.valid(now)) {
      throw Errors.couponExpired(coupon.id(), draft.couponParam());
    }
    if (draft.customer() != null && !customers.exists(tenant, draft.customer())) {
      throw Lookups.noSuch("customer", draft.customer(), "customer", 400);
    }
    if (draft.expiresAt() != null && draft.expiresAt() <= now.getEpochSecond()) {
      throw Errors.invalid("expires_at", "Invalid expires_at: must be in the future.");
    }
    if (draft.expiresAt() != null && coupon.redeemBy() != null && draft.expiresAt() > coupon.redeemBy()) {
      throw Errors.invalid("expires_at", "Invalid expires_at: must not be later than the coupon's redeem_by ("
          + coupon.redeemBy() + ").");
    }
    if (draft.maxRedemptions() != null && coupon.maxRedemptions() != null
        && draft.maxRedemptions() > coupon.maxRedemptions()) {
      throw Errors.invalid("max_redemptions", "Invalid max_redemptions: must not exceed the coupon's max_redemptions ("
          + coupon.maxRedemptions() + ").");
    }
    return stored;
  }

  public PromotionCodeView retrieve(Tenant tenant, String id) {
    PromotionCode code = find(tenant, id).code();
    return new CouponLookup(coupons, tenant).view(code);
  }

  /**
   * Spec §3.4: the code is read, judged, and written on the condition that it is unchanged since
   * the read, with its {@code promotion_code.updated} event; a concurrent change reads it again.
   */
  public PromotionCodeView update(Change change, String id, PromotionCodeChanges changes) {
    Tenant tenant = change.tenant();
    Instant now = change.now();
    if (changes.active() == null && !changes.changesFields()) {
      return retrieve(tenant, id);
    }
    return ReadThenWrite.untilUnchanged(() -> {
      PromotionCodeStore.Stored current = find(tenant, id);
      PromotionCode code = current.code();
      Coupon coupon = new CouponLookup(coupons, tenant).of(code);
      PromotionCode next = changed(code, coupon, changes, now, id);
      if (next.equals(code)) {
        return new PromotionCodeView(code, coupon);
      }
      try {
        store.replace(tenant, current, next, change.recording(EventDraft.updated(
            PromotionCode.UPDATED, new EventObject.OfPromotionCode(next, coupon),
            new EventObject.OfPromotionCode(code, coupon))));
        return new PromotionCodeView(next, coupon);
      } catch (Refused refused) {
        if (refused.reason() == Refusal.CODE_TAKEN) {
          throw codeTaken("active");
        }
        if (refused.reason() == Refusal.COUPON_GONE) {
          throw Errors.invalid("active", "This promotion code cannot be reactivated because its coupon is no longer "
              + "valid.").asOutcome();
        }
        // changed between the read and the write: judge what is there now
        throw new ChangedMeanwhile();
      }
    });
  }

  /** The code as {@code changes} leave it, when they may be made (a 400 otherwise). */
  private PromotionCode changed(PromotionCode code, Coupon coupon, PromotionCodeChanges changes, Instant now,
      String id) {
    Map<String, String> metadata = changes.metadata().applyTo(code.metadata());
    if (metadata.size() > MetadataChange.MAX_KEYS) {
      throw refusal(Refusal.METADATA_FULL, id);
    }
    Map<String, Long> options = new java.util.TreeMap<>(code.restrictions().currencyOptions());
    options.putAll(changes.currencyOptions());
    if (code.restrictions().minimumAmountCurrency() != null
        && changes.currencyOptions().containsKey(code.restrictions().minimumAmountCurrency())) {
      throw refusal(Refusal.CURRENCY_REPEATED, id);
    }
    boolean active = changes.active() != null ? changes.active() : code.activeFlag();
    if (active && !code.activeFlag()) {
      String refusal = code.reactivationRefusal(coupon, now);
      if (refusal != null) {
        throw Errors.invalid("active", refusal).asOutcome();
      }
    }
    return new PromotionCode(code.id(), code.code(), code.couponId(), code.couponRev(), code.created(),
        code.customer(), code.expiresAt(), code.maxRedemptions(), code.timesRedeemed(), active, metadata,
        code.restrictions().withCurrencyOptions(options), code.livemode());
  }

  /** A page of codes with their coupons; {@code active} filters on the rendered value (docs/api.md §3.5). */
  public Page<PromotionCodeView> list(Tenant tenant, PromotionCodeFilter filter, ListRequest request, Instant now) {
    Finder.Cursors cursors = finder.cursors(tenant, request);
    CouponLookup lookup = new CouponLookup(coupons, tenant);
    Predicate<PromotionCode> keep = filter.active() == null ? code -> true
        : code -> code.active(lookup.of(code), now) == filter.active();
    Page<PromotionCodeStore.Stored> page = store.page(tenant, filter, request, cursors.after(), cursors.before(), keep);
    lookup.preload(page.items().stream().map(PromotionCodeStore.Stored::code).toList());
    return new Page<>(page.items().stream().map(stored -> lookup.view(stored.code())).toList(), page.hasMore());
  }

  private PromotionCodeStore.Stored find(Tenant tenant, String id) {
    return finder.find(tenant, id);
  }

  private static ApiException codeTaken(String param) {
    return Errors.invalid(param, "An active promotion code with this code already exists. Codes are unique among "
        + "active promotion codes, compared without regard to case.").asOutcome();
  }

  private ApiException refusal(Refusal refusal, String id) {
    return switch (refusal) {
      case NOT_FOUND -> finder.missing(id);
      case CURRENCY_REPEATED -> Errors.invalid("restrictions[currency_options]",
          "restrictions[currency_options] cannot repeat minimum_amount_currency.").asOutcome();
      case METADATA_FULL -> MetadataChange.tooManyKeys("metadata").asOutcome();
      default -> Errors.lockTimeout();
    };
  }

  private static String generatedCode() {
    char[] chars = new char[GENERATED_CODE_LENGTH];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
    }
    return new String(chars);
  }
}
