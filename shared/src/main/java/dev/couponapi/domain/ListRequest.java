package dev.couponapi.domain;

/**
 * One page of a newest-first list (docs/api.md §1.8): at most one cursor, and {@code created} bounds in
 * epoch seconds (inclusive; null when open).
 */
public record ListRequest(int limit, String startingAfter, String endingBefore, Long createdFrom, Long createdTo) {

  /** The most objects one page holds. */
  public static final int MAX_LIMIT = 100;
}
