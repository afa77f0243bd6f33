package dev.couponapi.service;

/**
 * Counts worth a dashboard (docs/operations.md, "Metrics"): redemptions, refusals by reason,
 * webhook deliveries by outcome. One dimension each, never the account: an account as a dimension
 * would make a metric per account, and a bill that grows with them.
 */
public interface Metrics {

  /** Adds {@code n} to {@code metric} for this value of its one dimension. */
  void count(String metric, String dimension, String value, long n);

  Metrics NONE = (metric, dimension, value, n) -> { };
}
