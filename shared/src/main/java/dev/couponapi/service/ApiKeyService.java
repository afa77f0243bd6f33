package dev.couponapi.service;

import dev.couponapi.domain.ApiKeys;
import dev.couponapi.domain.Tenant;
import dev.couponapi.store.ApiKeyStore;
import dev.couponapi.api.Ids;
import java.time.Clock;

/** Mints and registers secret keys; the plain key is returned once and never stored. */
public final class ApiKeyService {

  private final ApiKeyStore store;
  private final Clock clock;

  public ApiKeyService(ApiKeyStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A new {@code sk_test_…} / {@code sk_live_…} key for the tenant. */
  public String mint(Tenant tenant, String usageKey) {
    requireAccount(tenant);
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

  private static void requireAccount(Tenant tenant) {
    if (!ApiKeys.isAccountId(tenant.account())) {
      throw new IllegalArgumentException("account ids look like acct_ followed by up to 64 letters or digits");
    }
  }
}
