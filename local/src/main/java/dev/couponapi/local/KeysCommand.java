package dev.couponapi.local;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.app.App;
import dev.couponapi.domain.ApiKeys;
import dev.couponapi.domain.Permissions;
import dev.couponapi.domain.Tenant;
import dev.couponapi.service.ApiKeyService;
import dev.couponapi.store.ApiKeyStore.StoredKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code keys create | list | revoke | roll}: an account's keys in the local table, as the admin
 * function has them on AWS (docs/hosting.md, H2.1). A running serve forgets its cached decisions
 * when a key changes, so a revoked key is refused by it at once.
 */
final class KeysCommand implements Command {

  private static final Options.Flag ACCOUNT = Options.value("--account", "acct_...",
      "the account (default acct_local; create and list need it named)");
  private static final Options.Flag LIVE = Options.flag("--live", "a live-mode key (default: test mode)");
  private static final Options.Flag RESTRICTED = Options.value("--restricted", "GROUP=LEVEL,...",
      "create: a restricted key (rk_) with these permissions, e.g. coupons=write,promotion_codes=read");
  private static final Options.Flag EXPIRES = Options.value("--expires-in-hours", "N",
      "roll: how long the old key keeps working, 0 to 168 (default 0: it stops now)");
  private static final String USAGE = "keys takes create, list, revoke KEY_OR_ITS_END or roll KEY "
      + "(./run-local keys --help shows their options)";

  public String name() {
    return "keys";
  }

  public String arguments() {
    return "create|list|revoke|roll";
  }

  public List<Options.Flag> options() {
    return List.of(ACCOUNT, LIVE, RESTRICTED, EXPIRES, LocalData.ENDPOINT, LocalData.DATA);
  }

  public int run(Options options, Context context) throws Exception {
    String action = options.positional(0);
    String account = options.value(ACCOUNT.name());
    Tenant tenant = new Tenant(account == null ? LocalMain.LOCAL_ACCOUNT : account, options.flag(LIVE.name()));
    switch (action == null ? "" : action) {
      case "create" -> {
        requireAccount(account, "create");
        String restricted = options.value(RESTRICTED.name());
        Permissions permissions = restricted == null ? null : Permissions.parse(restricted);
        return withKeys(options, context, keys -> context.out().println(keys.create(tenant, permissions, null)));
      }
      case "list" -> {
        requireAccount(account, "list");
        return withKeys(options, context, keys -> {
          List<StoredKey> listed = keys.list(tenant);
          if (listed.isEmpty()) {
            context.out().println("no keys of " + tenant.account() + " (" + tenant.mode() + ")");
          }
          listed.forEach(key -> context.out().println(line(key)));
        });
      }
      case "revoke" -> {
        String named = requirePositional(options, "revoke needs the key, or its end as keys list shows it");
        return withKeys(options, context, keys -> context.out().println("revoked " + keys.revoke(
            ApiKeys.isKeyFormat(named) && account == null ? null : tenant, named).masked()));
      }
      case "roll" -> {
        String named = requirePositional(options, "roll needs the key in full");
        int hours = options.intValue(EXPIRES.name(), 0, 0, ApiKeyService.MAX_ROLL_HOURS);
        return withKeys(options, context, keys -> {
          ApiKeyService.Rolled rolled = keys.roll(named, hours);
          context.out().println(rolled.key());
          context.err().println(rolled.old().masked() + " stops at " + Instant.ofEpochSecond(rolled.oldExpiresAt()));
        });
      }
      default -> throw new Options.UsageError(USAGE);
    }
  }

  private interface KeysWork {
    void run(ApiKeyService keys);
  }

  private static int withKeys(Options options, Context context, KeysWork work) throws Exception {
    LocalData.run(options, context, endpoint -> work.run(new App(LocalData.client(endpoint), LocalTable.NAME,
        Clock.systemUTC(), ApiVersion.parse(ApiVersion.FALLBACK)).apiKeys()));
    return 0;
  }

  /** One key, as keys list shows it. */
  private static String line(StoredKey key) {
    return String.format("%-14s %-10s created %s  last used %-10s  %s%s", key.masked(),
        key.restricted() ? "restricted" : "secret", ApiKeyService.day(Instant.ofEpochSecond(key.created())),
        key.lastUsed() == null ? "never" : key.lastUsed(),
        key.expiresAt() == null ? "" : "stops " + Instant.ofEpochSecond(key.expiresAt()) + "  ",
        key.restricted() ? key.permissions().compact() : "");
  }

  private static void requireAccount(String account, String action) {
    if (account == null) {
      throw new Options.UsageError("keys " + action + " needs --account acct_...");
    }
  }

  private static String requirePositional(Options options, String message) {
    String named = options.positional(1);
    if (named == null) {
      throw new Options.UsageError(message);
    }
    return named;
  }
}
