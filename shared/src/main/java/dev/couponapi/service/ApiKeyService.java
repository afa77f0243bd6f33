package dev.couponapi.service;

import dev.couponapi.api.Ids;
import dev.couponapi.domain.ApiKeys;
import dev.couponapi.domain.Permissions;
import dev.couponapi.domain.Tenant;
import dev.couponapi.store.ApiKeyStore;
import dev.couponapi.store.ApiKeyStore.StoredKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An account's keys through their life (docs/hosting.md, H2.1): created (secret, or restricted with
 * permissions), listed masked, revoked at once, rolled with the old key expiring later. The plain
 * key is returned once and never stored. A revoke or roll makes the gateway forget the decisions it
 * cached ({@link AuthorizerDecisions}), so the key is refused within seconds.
 */
public final class ApiKeyService {

  /** How long a rolled key may keep working at most. */
  public static final int MAX_ROLL_HOURS = 168;
  /** A key named by its end: {@code sk_test_…wxyz}, {@code sk_test_****wxyz}, or {@code wxyz}. */
  private static final Pattern SUFFIX = Pattern.compile("(?:([sr]k)_(test|live)_[*…]*)?([A-Za-z0-9]{4})");

  private final ApiKeyStore store;
  private final UsageKeys usageKeys;
  private final AuthorizerDecisions decisions;
  private final Clock clock;

  public ApiKeyService(ApiKeyStore store, Clock clock) {
    this(store, UsageKeys.NONE, AuthorizerDecisions.NONE, clock);
  }

  /**
   * {@code usageKeys}: where an account's own API Gateway usage key is made, the first time it gets
   * a key; {@code decisions}: the gateway's cached authorizer decisions, forgotten on a revoke or roll.
   */
  public ApiKeyService(ApiKeyStore store, UsageKeys usageKeys, AuthorizerDecisions decisions, Clock clock) {
    this.store = store;
    this.usageKeys = usageKeys;
    this.decisions = decisions;
    this.clock = clock;
  }

  /** A new secret key for the tenant, reporting under {@code usageKey} or else the account's own. */
  public String mint(Tenant tenant, String usageKey) {
    return create(tenant, null, usageKey);
  }

  /**
   * A new key for the tenant: {@code rk_…} with these permissions, or {@code sk_…} when they are
   * null; it reports under {@code usageKey}, else under the account's own usage key (made with its
   * first key, docs/hosting.md, H1.6).
   */
  public String create(Tenant tenant, Permissions permissions, String usageKey) {
    requireAccount(tenant);
    if (usageKey == null && usageKeys != UsageKeys.NONE) {
      usageKey = accountUsageKey(tenant);
    }
    while (true) {
      String key = newKey(permissions != null, tenant);
      if (store.register(key, tenant, usageKey, permissions, clock.instant())) {
        return key;
      }
    }
  }

  /** Registers a secret key chosen by the caller (the local runner's {@code --api-key}); idempotent. */
  public void register(String key, Tenant tenant) {
    requireAccount(tenant);
    if (!ApiKeys.isKeyFormat(key) || ApiKeys.isRestricted(key) || ApiKeys.isLive(key) != tenant.livemode()) {
      throw new IllegalArgumentException("expected a " + tenant.mode()
          + " secret key: sk_" + tenant.mode() + "_ followed by at least 16 letters or digits");
    }
    if (!store.register(key, tenant, null, null, clock.instant())) {
      Tenant owner = store.find(key).orElseThrow().tenant();
      if (!owner.equals(tenant)) {
        throw new IllegalArgumentException("that key already belongs to another account");
      }
    }
  }

  /** The tenant's keys that still work, newest first (an expiring one says when it stops). */
  public List<StoredKey> list(Tenant tenant) {
    requireAccount(tenant);
    Instant now = clock.instant();
    return store.list(tenant).stream().filter(key -> !key.expiredAt(now)).toList();
  }

  /**
   * Revokes a key named in full, or by its end ({@code sk_test_…wxyz} or {@code wxyz}) among the
   * tenant's keys: refused from now on. The key revoked.
   */
  public StoredKey revoke(Tenant tenant, String keyOrSuffix) {
    StoredKey key = identify(tenant, keyOrSuffix);
    if (!store.revoke(key)) {
      throw new IllegalArgumentException("no such key: " + key.masked() + " (revoked meanwhile)");
    }
    decisions.forget();
    return key;
  }

  /** What a roll made: the new key (shown once) and when the old one stops. */
  public record Rolled(String key, StoredKey old, long oldExpiresAt) {}

  /**
   * A new key with the same account, mode and permissions as {@code key}, which keeps working for
   * {@code expiresInHours} (0 to {@link #MAX_ROLL_HOURS}; 0: it stops now).
   */
  public Rolled roll(String key, long expiresInHours) {
    if (expiresInHours < 0 || expiresInHours > MAX_ROLL_HOURS) {
      throw new IllegalArgumentException("expires_in_hours is a whole number from 0 to " + MAX_ROLL_HOURS + ", not "
          + expiresInHours);
    }
    if (!ApiKeys.isKeyFormat(key)) {
      throw new IllegalArgumentException("a roll names the key in full: sk_test_… or rk_test_… as it was made");
    }
    Instant now = clock.instant();
    StoredKey old = store.find(key).filter(found -> !found.expiredAt(now))
        .orElseThrow(() -> new IllegalArgumentException("no such key: " + ApiKeys.mask(key)));
    if (old.expiresAt() != null) {
      throw new IllegalArgumentException("that key was rolled already and stops at " + Instant.ofEpochSecond(
          old.expiresAt()) + "; roll the key that replaced it");
    }
    long expiresAt = now.getEpochSecond() + expiresInHours * 3600;
    while (true) {
      String replacement = newKey(old.restricted(), old.tenant());
      if (store.roll(old, replacement, expiresAt, now)) {
        decisions.forget();
        return new Rolled(replacement, old, expiresAt);
      }
      Optional<StoredKey> meanwhile = store.find(key);
      if (meanwhile.isEmpty() || meanwhile.get().expiresAt() != null) {
        throw new IllegalArgumentException("that key was rolled or revoked meanwhile");
      }
      // else the new key's text was taken (never seen): another
    }
  }

  private StoredKey identify(Tenant tenant, String keyOrSuffix) {
    String given = keyOrSuffix == null ? "" : keyOrSuffix.trim();
    if (ApiKeys.isKeyFormat(given)) {
      return store.find(given).filter(key -> tenant == null || key.tenant().equals(tenant))
          .orElseThrow(() -> new IllegalArgumentException("no such key: " + ApiKeys.mask(given)));
    }
    Matcher suffix = SUFFIX.matcher(given);
    if (!suffix.matches()) {
      throw new IllegalArgumentException("name the key in full, or by its end as list_keys shows it "
          + "(sk_test_…wxyz, or wxyz)");
    }
    if (tenant == null) {
      throw new IllegalArgumentException("a key named by its end needs its account (and livemode)");
    }
    requireAccount(tenant);
    if (suffix.group(2) != null && "live".equals(suffix.group(2)) != tenant.livemode()) {
      throw new IllegalArgumentException("that key is a " + suffix.group(2) + " key; the account's "
          + tenant.mode() + " keys were asked for");
    }
    String kind = suffix.group(1);
    List<StoredKey> matching = list(tenant).stream().filter(key -> suffix.group(3).equals(key.last4()))
        .filter(key -> kind == null || kind.equals(key.restricted() ? "rk" : "sk")).toList();
    if (matching.isEmpty()) {
      throw new IllegalArgumentException("no key of " + tenant.account() + " (" + tenant.mode() + ") ends in "
          + suffix.group(3));
    }
    if (matching.size() > 1) {
      throw new IllegalArgumentException(matching.size() + " keys of " + tenant.account() + " end in "
          + suffix.group(3) + "; name the key in full");
    }
    return matching.get(0);
  }

  private static String newKey(boolean restricted, Tenant tenant) {
    return (restricted ? "rk_" : "sk_") + tenant.mode() + "_" + Ids.random(32);
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

  /** The day a key was last used, as list_keys shows it (UTC). */
  public static String day(Instant at) {
    return java.time.LocalDate.ofInstant(at, java.time.ZoneOffset.UTC).toString();
  }
}
