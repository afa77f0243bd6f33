package dev.couponapi.http;

import dev.couponapi.domain.Permissions;
import dev.couponapi.domain.Tenant;
import dev.couponapi.api.Errors;
import dev.couponapi.store.ApiKeyStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the authorizer tells each function of the key in a request's context (API Gateway keeps it
 * with its cached decision): the account and mode, the key masked, and for a restricted key its
 * permissions ({@code restrictedTo}; null for a secret key), for a rolled key when it stops. The functions check those at every request, so a
 * cached decision never outlives the key's expiry nor lets a restricted key do more.
 */
public record KeyContext(Tenant tenant, String maskedKey, Permissions restrictedTo, Long expiresAt) {

  static final String ACCOUNT = "account";
  static final String LIVEMODE = "livemode";
  static final String KEY = "key";
  static final String PERMISSIONS = "permissions";
  static final String EXPIRES_AT = "expires_at";

  /** The context the authorizer returns for a key (values are strings, as API Gateway passes them). */
  static Map<String, Object> of(ApiKeyStore.StoredKey key) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put(ACCOUNT, key.tenant().account());
    context.put(LIVEMODE, Boolean.toString(key.tenant().livemode()));
    context.put(KEY, key.masked());
    if (key.restricted()) {
      context.put(PERMISSIONS, key.permissions().compact());
    }
    if (key.expiresAt() != null) {
      context.put(EXPIRES_AT, Long.toString(key.expiresAt()));
    }
    return context;
  }

  /** The key of a request, from its authorizer context; no account there is a request without a key. */
  static KeyContext read(Map<String, Object> authorizer) {
    Object account = authorizer.get(ACCOUNT);
    Object livemode = authorizer.get(LIVEMODE);
    if (!(account instanceof String name) || name.isEmpty() || livemode == null) {
      throw Errors.noApiKey();
    }
    Object permissions = authorizer.get(PERMISSIONS);
    Object expiresAt = authorizer.get(EXPIRES_AT);
    return new KeyContext(new Tenant(name, Boolean.parseBoolean(String.valueOf(livemode))),
        String.valueOf(authorizer.getOrDefault(KEY, "")),
        permissions == null ? null : Permissions.parse(String.valueOf(permissions)),
        expiresAt == null ? null : Long.valueOf(String.valueOf(expiresAt)));
  }

  /** What the key may do: a restricted key's permissions, everything for a secret key. */
  public Permissions permissions() {
    return restrictedTo != null ? restrictedTo : Permissions.ALL;
  }

  /**
   * Refuses a key past its expiry, or a restricted key whose permissions do not reach what the
   * operation needs (an operation of no group, none).
   */
  void check(Operation operation, Instant now) {
    if (expiresAt != null && now.getEpochSecond() >= expiresAt) {
      throw Errors.apiKeyExpired(maskedKey);
    }
    if (restrictedTo != null && operation.needs() != Permissions.Level.NONE
        && (operation.group() == null || !restrictedTo.allows(operation.group(), operation.needs()))) {
      throw Errors.permissionDenied(maskedKey, tenant.account(), operation.group() == null ? null
          : operation.group().wire() + "_" + operation.needs().wire());
    }
  }
}
