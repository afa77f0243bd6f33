package dev.couponapi.api;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Generates object ids (docs/api.md §1.10) and checks client-chosen ones before they reach a key. */
public final class Ids {

  /** Client ids end up in a DynamoDB key (at most 2048 bytes); this leaves room for the prefix. */
  public static final int MAX_ID_LENGTH = 200;

  private static final Pattern CLIENT_ID = Pattern.compile("[\\x21-\\x2e\\x30-\\x7e]{1," + MAX_ID_LENGTH + "}");
  private static final char[] ALPHANUMERIC =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String random(int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ALPHANUMERIC[RANDOM.nextInt(ALPHANUMERIC.length)];
    }
    return new String(chars);
  }

  public static String requestId() {
    return "req_" + random(14);
  }

  /**
   * Printable ASCII without '/' or spaces, at most {@link #MAX_ID_LENGTH} characters, and not
   * {@code .} or {@code ..}: clients and browsers normalise those path segments away, so such an
   * object could never be read, changed or deleted again.
   */
  public static boolean isAcceptableId(String id) {
    return id != null && CLIENT_ID.matcher(id).matches() && !id.equals(".") && !id.equals("..");
  }
}
