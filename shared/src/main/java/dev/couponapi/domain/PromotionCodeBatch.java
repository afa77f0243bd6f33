package dev.couponapi.domain;

import java.util.Locale;
import java.util.Map;

/**
 * A request for {@code count} promotion codes of one coupon revision, made in the background
 * (docs/api.md §3.7): how many exist so far ({@code createdCount}), where it stands, and the terms
 * every code gets. {@code origin} is the request that asked for it: the events of its codes name it
 * (null for a batch stored before events were recorded).
 */
public record PromotionCodeBatch(
    String id,
    String couponId,
    String couponRev,
    long count,
    long createdCount,
    long created,
    Status status,
    String failureMessage,
    boolean livemode,
    Map<String, String> metadata,
    CodeTerms terms,
    Origin origin) {

  /** At most this many codes in one batch. */
  public static final long MAX_COUNT = 100_000;

  public PromotionCodeBatch {
    metadata = Map.copyOf(metadata);
  }

  /** The terms of every code of a batch: its text is {@code prefix} and {@code length} random characters. */
  public record CodeTerms(String prefix, int length, Long expiresAt, Long maxRedemptions,
      PromotionCode.Restrictions restrictions) {}

  /** Where a batch stands; the last two never change again. */
  public enum Status {
    PENDING, RUNNING, SUCCEEDED, FAILED;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Status fromWire(String value) {
      return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean finished() {
      return this == SUCCEEDED || this == FAILED;
    }
  }

  public long remaining() {
    return count - createdCount;
  }

  /** The batch after {@code made} more codes committed. */
  public PromotionCodeBatch advanced(long made) {
    long now = createdCount + made;
    return new PromotionCodeBatch(id, couponId, couponRev, count, now, created,
        now == count ? Status.SUCCEEDED : Status.RUNNING, null, livemode, metadata, terms, origin);
  }

  /** One of the batch's codes, with its text; it belongs to the batch's coupon revision and is active. */
  public PromotionCode code(String codeId, String text, long createdAt) {
    return new PromotionCode(codeId, text, couponId, couponRev, createdAt, null, terms.expiresAt(),
        terms.maxRedemptions(), 0, true, metadata, terms.restrictions(), livemode);
  }
}
