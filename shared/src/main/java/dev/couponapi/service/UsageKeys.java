package dev.couponapi.service;

import dev.couponapi.domain.Tenant;

/**
 * Where an account's own API Gateway usage key is made (docs/hosting.md, H1.6): a key of the
 * deployment's usage plan, so that the plan's throttle and daily quota count each account (and
 * mode) on its own. {@link #NONE} where there is no API Gateway (the local runner): every key then
 * reports under the deployment's default usage key.
 */
public interface UsageKeys {

  /** A usage key as API Gateway knows it: its id (to delete it) and its value (what the authorizer reports). */
  record UsageKey(String id, String value) {}

  /** A new usage key for the tenant, in the deployment's usage plan; null when usage keys are not made here. */
  UsageKey create(Tenant tenant);

  /** Deletes a usage key made but not kept (another admin call made the account's first). */
  void delete(UsageKey key);

  UsageKeys NONE = new UsageKeys() {
    public UsageKey create(Tenant tenant) {
      return null;
    }

    public void delete(UsageKey key) {
      // nothing was made
    }
  };
}
