package dev.couponapi.http;

import dev.couponapi.domain.ApiKeys;
import dev.couponapi.domain.Permissions;
import dev.couponapi.domain.Tenant;
import dev.couponapi.service.ApiKeyService;
import dev.couponapi.store.ApiKeyStore.StoredKey;
import dev.couponapi.wire.LogLine;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The admin function's actions on keys (docs/operations.md, "Keys"; docs/hosting.md, H2.1):
 * <ul>
 *   <li>{@code create_key}: {@code account}, {@code livemode}, optional {@code usage_key}, optional
 *   {@code permissions} ({@code {"coupons": "write", …}}: a restricted key) → the key, once;</li>
 *   <li>{@code list_keys}: {@code account}, {@code livemode} → the keys that work, masked;</li>
 *   <li>{@code revoke_key}: {@code key} in full, or its end with {@code account} and {@code livemode};</li>
 *   <li>{@code roll_key}: {@code key} in full, optional {@code expires_in_hours} (0 to 168, default 0).</li>
 * </ul>
 * A mistake is {@code {"error": "…"}} naming it, with nothing written. Every action, done or
 * refused, writes one log line: the action, the account, the key masked; never a key.
 */
public final class KeyAdmin {

  private static final Map<String, Set<String>> FIELDS = Map.of(
      "create_key", Set.of("account", "livemode", "usage_key", "permissions"),
      "list_keys", Set.of("account", "livemode"),
      "revoke_key", Set.of("key", "account", "livemode"),
      "roll_key", Set.of("key", "expires_in_hours"));

  private final ApiKeyService keys;
  private final PrintStream log;

  public KeyAdmin(ApiKeyService keys, PrintStream log) {
    this.keys = keys;
    this.log = log;
  }

  /** The answer to one request; {@code request} null when it was not a JSON object. */
  public Map<String, Object> handle(Map<String, Object> request) {
    String action = request != null && request.get("action") instanceof String named && FIELDS.containsKey(named)
        ? named : null;
    LogLine line = LogLine.info("admin." + (action != null ? action : "unknown"));
    Map<String, Object> response = new LinkedHashMap<>();
    try {
      if (request == null) {
        throw new IllegalArgumentException("the input is not a JSON object, such as "
            + "{\"action\": \"list_keys\", \"account\": \"acct_…\", \"livemode\": false}");
      }
      if (action == null) {
        throw new IllegalArgumentException("unknown action: expected \"action\" to be one of create_key, list_keys, "
            + "revoke_key, roll_key");
      }
      for (String field : request.keySet()) {
        if (!field.equals("action") && !FIELDS.get(action).contains(field)) {
          throw new IllegalArgumentException("unknown field \"" + field + "\" for " + action + ": it takes "
              + String.join(", ", FIELDS.get(action).stream().sorted().toList()));
        }
      }
      switch (action) {
        case "create_key" -> create(request, response, line);
        case "list_keys" -> list(request, response, line);
        case "revoke_key" -> revoke(request, response, line);
        default -> roll(request, response, line);
      }
      line.with("outcome", "done");
    } catch (IllegalArgumentException | ClassCastException mistake) {
      response.clear();
      String message = mistake instanceof ClassCastException ? "a field has the wrong type: account, key and "
          + "usage_key are text, livemode true or false, expires_in_hours a whole number, permissions an object"
          : mistake.getMessage();
      response.put("error", message);
      line.with("level", "WARN").with("outcome", "refused").with("error", message);
    }
    line.to(log);
    return response;
  }

  private void create(Map<String, Object> request, Map<String, Object> response, LogLine line) {
    Tenant tenant = tenant(request);
    Object given = request.get("permissions");
    Permissions permissions = null;
    if (given != null) {
      if (!(given instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException("permissions is an object of group → level, such as "
            + "{\"coupons\": \"write\", \"promotion_codes\": \"read\"}");
      }
      Map<String, Object> levels = new LinkedHashMap<>();
      map.forEach((group, level) -> levels.put(String.valueOf(group), level));
      permissions = Permissions.of(levels);
    }
    String key = keys.create(tenant, permissions, (String) request.get("usage_key"));
    line.with("account", tenant.account()).with("livemode", tenant.livemode()).with("key", ApiKeys.mask(key));
    response.put("key", key);
    response.put("account", tenant.account());
    response.put("livemode", tenant.livemode());
    response.put("type", permissions == null ? "secret" : "restricted");
    if (permissions != null) {
      response.put("permissions", permissions.wire());
    }
  }

  private void list(Map<String, Object> request, Map<String, Object> response, LogLine line) {
    Tenant tenant = tenant(request);
    List<Map<String, Object>> listed = new ArrayList<>();
    for (StoredKey key : keys.list(tenant)) {
      listed.add(describe(key));
    }
    line.with("account", tenant.account()).with("livemode", tenant.livemode()).with("keys", listed.size());
    response.put("account", tenant.account());
    response.put("livemode", tenant.livemode());
    response.put("keys", listed);
  }

  private void revoke(Map<String, Object> request, Map<String, Object> response, LogLine line) {
    Tenant tenant = request.containsKey("account") ? tenant(request) : null;
    Object named = request.get("key");
    if (!(named instanceof String text) || text.isBlank()) {
      throw new IllegalArgumentException("revoke_key needs \"key\": the key in full, or its end (sk_test_…wxyz) "
          + "with \"account\" and \"livemode\"");
    }
    StoredKey revoked = keys.revoke(tenant, text);
    line.with("account", revoked.tenant().account()).with("livemode", revoked.tenant().livemode())
        .with("key", revoked.masked());
    response.put("revoked", revoked.masked());
    response.put("account", revoked.tenant().account());
    response.put("livemode", revoked.tenant().livemode());
  }

  private void roll(Map<String, Object> request, Map<String, Object> response, LogLine line) {
    Object named = request.get("key");
    if (!(named instanceof String key) || key.isBlank()) {
      throw new IllegalArgumentException("roll_key needs \"key\": the key in full");
    }
    Object hours = request.getOrDefault("expires_in_hours", 0);
    if (!(hours instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
      throw new IllegalArgumentException("expires_in_hours is a whole number from 0 to "
          + ApiKeyService.MAX_ROLL_HOURS);
    }
    ApiKeyService.Rolled rolled = keys.roll(key, number.longValue());
    line.with("account", rolled.old().tenant().account()).with("livemode", rolled.old().tenant().livemode())
        .with("key", rolled.old().masked()).with("new_key", ApiKeys.mask(rolled.key()))
        .with("expires_at", rolled.oldExpiresAt());
    response.put("key", rolled.key());
    response.put("rolled", rolled.old().masked());
    response.put("expires_at", rolled.oldExpiresAt());
  }

  /** What list_keys shows of a key: never more of it than its end. */
  public static Map<String, Object> describe(StoredKey key) {
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("key", key.masked());
    described.put("type", key.restricted() ? "restricted" : "secret");
    described.put("created", key.created());
    described.put("last_used", key.lastUsed());
    described.put("expires_at", key.expiresAt());
    described.put("permissions", key.permissions().wire());
    return described;
  }

  private static Tenant tenant(Map<String, Object> request) {
    Object account = request.get("account");
    Object livemode = request.getOrDefault("livemode", false);
    if (!(account instanceof String name)) {
      throw new IllegalArgumentException("\"account\" names the account: acct_ followed by up to 64 letters or digits");
    }
    if (!(livemode instanceof Boolean live)) {
      throw new IllegalArgumentException("\"livemode\" is true or false");
    }
    return new Tenant(name, live);
  }
}
