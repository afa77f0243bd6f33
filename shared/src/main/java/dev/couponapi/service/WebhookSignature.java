package dev.couponapi.service;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Stripe-Signature} header (docs/events.md, "Signatures"): {@code t=<unix seconds>,v1=<hex>},
 * the HMAC-SHA256 of {@code "<t>.<body>"} keyed with the whole {@code whsec_…} secret's UTF-8 bytes,
 * exactly what stripe-java's {@code Webhook} and stripe-node's {@code webhooks} verify.
 */
public final class WebhookSignature {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private WebhookSignature() {}

  public static String header(String secret, long timestamp, byte[] body) {
    return "t=" + timestamp + ",v1=" + hmac(secret, timestamp, body);
  }

  static String hmac(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      byte[] digest = mac.doFinal(body);
      char[] hex = new char[digest.length * 2];
      for (int i = 0; i < digest.length; i++) {
        hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
        hex[2 * i + 1] = HEX[digest[i] & 0xf];
      }
      return new String(hex);
    } catch (NoSuchAlgorithmException | InvalidKeyException missing) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", missing);
    }
  }
}
