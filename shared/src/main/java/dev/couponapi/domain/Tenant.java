package dev.couponapi.domain;

import java.util.Objects;

/**
 * The owner of every object: an account in one mode. Test and live data of the same account are
 * two tenants that never see each other. Always taken from the authorizer, never from a request.
 */
public record Tenant(String account, boolean livemode) {

  public Tenant {
    Objects.requireNonNull(account, "account");
    if (account.isEmpty()) {
      throw new IllegalArgumentException("account must not be empty");
    }
  }

  /** The mode as it appears in keys and logs. */
  public String mode() {
    return livemode ? "live" : "test";
  }
}
