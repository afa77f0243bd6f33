package dev.couponapi.service;

import dev.couponapi.domain.ApiKeys;
import dev.couponapi.domain.Tenant;
import dev.couponapi.store.ApiKeyStore;
import dev.couponapi.api.Ids;
import java.time.Clock;
import java.util.Optional;

/** Mints and registers secret keys; the plain key is returned once and never stored. */
public final class ApiKeyService {

  private final ApiKeyStore store;
  private final UsageKeys usageKeys;
  private final Clock clock;

  public ApiKeyService(ApiKeyStore store, Clock clock) {
    this(store, UsageKeys.NONE, clock);
  }

  /** {@code usageKeys}: where an account's own API Gateway usage key is made, the first time it gets a key. */
  public ApiKeyService(ApiKeyStore store, UsageKeys usageKeys, Clock clock) {
    this.store = store;
    this.usageKeys = usageKeys;
    this.clock = clock;
  }

  /**
   * A new {@code sk_test_…} / {@code sk_live_…} key for the tenant, reporting under {@code usageKey},
   * else under the account's own usage key (made with its first key, docs/hosting.md, H1.6).
   */
  public String mint(Tenant tenant, String usageKey) {
    requireAccount(tenant);
    if (usageKey == null && usageKeys != UsageKeys.NONE) {
      usageKey = accountUsageKey(tenant);
    }
    while (true) {
      String key = "sk_" + tenant.mode() + "_" + Ids.random(32);
      if (store.register(key, tenant, usageKey, clock.instant())) {
        return key;
      }
    }
  }

  /** Registers a key chosen by the caller (the local runner's {@code --api-key}); idempotent. */
  public void register(String key, Tenant tenant) {
    requireAccount(tenant);
    if (!ApiKeys.isSecretKeyFormat(key) || ApiKeys.isLive(key) != tenant.livemode()) {
      throw new IllegalArgumentException("expected a " + tenant.mode()
          + " secret key: sk_" + tenant.mode() + "_ followed by at least 16 letters or digits");
    }
    if (!store.register(key, tenant, null, clock.instant())) {
      Tenant owner = store.find(key).orElseThrow().tenant();
      if (!owner.equals(tenant)) {
        throw new IllegalArgumentException("that key already belongs to another account");
      }
    }
  }

  /** The account's own usage key: kept, or made now (one for the account, however many admin calls race). */
  private String accountUsageKey(Tenant tenant) {
    Optional<String> kept = store.accountUsageKey(tenant);
    if (kept.isPresent()) {
      return kept.get();
    }
    UsageKeys.UsageKey made = usageKeys.create(tenant);
    if (made == null) {
      return null;
    }
    String account = store.keepAccountUsageKey(tenant, made.value(), clock.instant());
    if (!account.equals(made.value())) {
      usageKeys.delete(made);
    }
    return account;
  }

  private static void requireAccount(Tenant tenant) {
    if (!ApiKeys.isAccountId(tenant.account())) {
      throw new IllegalArgumentException("account ids look like acct_ followed by up to 64 letters or digits");
    }
  }
}
