package dev.couponapi.service;

import java.security.SecureRandom;

/**
 * Makes the text of a batch's codes: {@code prefix} (or nothing) followed by {@code length}
 * random characters. A test may give its own, to make a collision happen.
 */
@FunctionalInterface
public interface CodeTexts {

  String next(String prefix, int length);

  /**
   * Letters and digits without the look-alikes (0/O, 1/I/L), so that a code read aloud or off a
   * flyer is typed right (docs/api.md §3.7).
   */
  String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

  static CodeTexts random() {
    SecureRandom random = new SecureRandom();
    return (prefix, length) -> {
      StringBuilder text = new StringBuilder(prefix == null ? "" : prefix);
      for (int i = 0; i < length; i++) {
        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      return text.toString();
    };
  }
}
