package dev.couponapi.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Key formats (docs/api.md §1.2): secret keys {@code sk_test_…} / {@code sk_live_…} and restricted
 * keys {@code rk_test_…} / {@code rk_live_…} (docs/hosting.md, H2.2); what a key says about its kind
 * and mode, its hash, and its masked form.
 */
public final class ApiKeys {

  private static final Pattern KEY = Pattern.compile("[sr]k_(test|live)_[A-Za-z0-9]{16,247}");
  private static final Pattern ACCOUNT = Pattern.compile("acct_[A-Za-z0-9]{1,64}");

  private ApiKeys() {}

  /** A secret or restricted key's form. */
  public static boolean isKeyFormat(String key) {
    return key != null && KEY.matcher(key).matches();
  }

  public static boolean isRestricted(String key) {
    return key.startsWith("rk_");
  }

  public static boolean isPublishable(String key) {
    return key != null && key.startsWith("pk_");
  }

  public static boolean isAccountId(String account) {
    return account != null && ACCOUNT.matcher(account).matches();
  }

  /** The mode a key's prefix names: {@code sk_live_…} is live. */
  public static boolean isLive(String key) {
    return key.startsWith("sk_live_") || key.startsWith("rk_live_");
  }

  /** What is stored instead of the key. */
  public static String hash(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code sk_test_********************abcd}: the prefix, stars, and the last four characters.
   * Only letters, digits and '_' are ever echoed, so the text is safe inside any JSON or log.
   */
  public static String mask(String key) {
    String safe = key.length() > 120 ? key.substring(key.length() - 120) : key;
    safe = safe.replaceAll("[^A-Za-z0-9_]", "*");
    int prefixEnd = safe.startsWith("sk_test_") || safe.startsWith("rk_test_") || safe.startsWith("sk_live_")
        || safe.startsWith("rk_live_") ? 8 : 0;
    if (safe.length() <= prefixEnd + 4) {
      return safe.substring(0, prefixEnd) + "*".repeat(Math.max(0, safe.length() - prefixEnd));
    }
    return safe.substring(0, prefixEnd) + "*".repeat(safe.length() - prefixEnd - 4)
        + safe.substring(safe.length() - 4);
  }
}
