package dev.couponapi.http;

import dev.couponapi.domain.ApiKeys;
import dev.couponapi.service.ApiKeyService;
import dev.couponapi.store.ApiKeyStore;
import dev.couponapi.api.ApiException;
import dev.couponapi.wire.ErrorRenderer;
import dev.couponapi.api.Errors;
import dev.couponapi.wire.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Lambda REQUEST authorizer's logic (docs/api.md §1.2): Bearer or Basic credentials → the key's
 * account and mode (and, for a restricted or rolled key, its permissions and expiry), put into the
 * request context for the handlers. A refusal is a Deny whose
 * context carries Stripe's error object; the ACCESS_DENIED gateway response turns it into a 401.
 */
public final class Authorizer {

  private final ApiKeyStore keys;
  private final String defaultUsageKey;
  private final Clock clock;

  public Authorizer(ApiKeyStore keys, String defaultUsageKey, Clock clock) {
    this.keys = keys;
    this.defaultUsageKey = defaultUsageKey;
    this.clock = clock;
  }

  /**
   * The API Gateway authorizer response for the {@code Authorization} header of a request. Its
   * context names the account and mode, and for a restricted or rolled key what it may do and when
   * it stops ({@link KeyContext}): the gateway caches the decision, and each function checks those
   * again at every request. The key's day of use is noted, once a day.
   */
  public Map<String, Object> authorize(String authorization, String methodArn) {
    try {
      String key = credentials(authorization);
      Instant now = clock.instant();
      ApiKeyStore.StoredKey owner = keys.find(key).orElseThrow(() -> Errors.invalidApiKey(ApiKeys.mask(key)));
      if (owner.expiredAt(now)) {
        throw Errors.apiKeyExpired(owner.masked());
      }
      keys.markUsed(owner, ApiKeyService.day(now));
      Map<String, Object> context = KeyContext.of(owner);
      Map<String, Object> response = policy(owner.tenant().account(), "Allow", methodArn, context);
      String usageKey = owner.usageKey() != null ? owner.usageKey() : defaultUsageKey;
      if (usageKey != null) {
        response.put("usageIdentifierKey", usageKey);
      }
      return response;
    } catch (ApiException refused) {
      Map<String, Object> context = new LinkedHashMap<>();
      context.put("error", Json.writeString(ErrorRenderer.render(refused).get("error")));
      return policy("anonymous", "Deny", methodArn, context);
    }
  }

  /** The secret key in a Bearer or Basic (key as user name) header. */
  static String credentials(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw Errors.noApiKey();
    }
    String header = authorization.trim();
    int space = header.indexOf(' ');
    String scheme = space < 0 ? "" : header.substring(0, space).toLowerCase(Locale.ROOT);
    String value = space < 0 ? "" : header.substring(space + 1).trim();
    String key;
    if (scheme.equals("bearer")) {
      key = value;
    } else if (scheme.equals("basic")) {
      try {
        String decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        key = colon < 0 ? decoded : decoded.substring(0, colon);
      } catch (IllegalArgumentException notBase64) {
        throw Errors.noApiKey();
      }
    } else {
      throw Errors.noApiKey();
    }
    if (key.isEmpty()) {
      throw Errors.noApiKey();
    }
    if (ApiKeys.isPublishable(key)) {
      throw Errors.secretKeyRequired();
    }
    if (!ApiKeys.isKeyFormat(key)) {
      throw Errors.invalidApiKey(ApiKeys.mask(key));
    }
    return key;
  }

  /** Allows or denies every route of the stage, so a cached decision serves all of them. */
  private static Map<String, Object> policy(String principal, String effect, String methodArn,
      Map<String, Object> context) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Action", "execute-api:Invoke");
    statement.put("Effect", effect);
    statement.put("Resource", stageWildcard(methodArn));
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("Version", "2012-10-17");
    document.put("Statement", List.of(statement));
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("principalId", principal);
    response.put("policyDocument", document);
    response.put("context", context);
    return response;
  }

  /** {@code arn:…:api/stage/GET/v1/coupons} → {@code arn:…:api/stage/*}. */
  static String stageWildcard(String methodArn) {
    if (methodArn == null) {
      return "*";
    }
    String[] parts = methodArn.split("/");
    return parts.length < 2 ? methodArn : parts[0] + "/" + parts[1] + "/*";
  }
}
