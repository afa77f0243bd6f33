package dev.couponapi.app;

import dev.couponapi.store.CounterShards;
import java.time.Duration;

/**
 * How a deployment tunes redemptions of hot codes (docs/design.md, "Hot codes"): the escrow shards
 * a new coupon's or code's counter gets at most (REDEMPTION_SHARDS, template.yaml's
 * RedemptionShards), and how long a container keeps the terms of what it redeems
 * (REDEMPTION_TERMS_CACHE_MS, RedemptionTermsCacheMs; 0 keeps nothing).
 */
public record RedemptionSettings(int shardsPerCounter, Duration termsCache) {

  public static final int DEFAULT_TERMS_CACHE_MS = 2000;
  public static final int MAX_TERMS_CACHE_MS = 10_000;

  /** The defaults, with nothing kept: what tests use, so that every request reads what it decides on. */
  public static final RedemptionSettings UNCACHED = new RedemptionSettings(CounterShards.DEFAULT_SHARDS, Duration.ZERO);

  public RedemptionSettings {
    shardsPerCounter = checked("REDEMPTION_SHARDS", shardsPerCounter, 1, CounterShards.MAX_SHARDS);
    checked("REDEMPTION_TERMS_CACHE_MS", termsCache.toMillis(), 0, MAX_TERMS_CACHE_MS);
  }

  /** From the environment (or JVM properties of the same names), each falling back to {@code fallback}'s. */
  public static RedemptionSettings fromEnvironment(String shardsFallback, String cacheFallback) {
    return new RedemptionSettings(parse("REDEMPTION_SHARDS", Env.get("REDEMPTION_SHARDS", shardsFallback)),
        Duration.ofMillis(parse("REDEMPTION_TERMS_CACHE_MS", Env.get("REDEMPTION_TERMS_CACHE_MS", cacheFallback))));
  }

  /** From the environment, else the defaults (8 shards, 2 s). */
  public static RedemptionSettings fromEnvironment() {
    return fromEnvironment(Integer.toString(CounterShards.DEFAULT_SHARDS), Integer.toString(DEFAULT_TERMS_CACHE_MS));
  }

  public RedemptionSettings withShards(int shards) {
    return new RedemptionSettings(shards, termsCache);
  }

  /** {@code value} as a whole number, or a refusal that names the setting and what it is. */
  static int parse(String name, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException notANumber) {
      throw refusal(name, value);
    }
  }

  private static int checked(String name, long value, long low, long high) {
    if (value < low || value > high) {
      throw refusal(name, Long.toString(value));
    }
    return (int) value;
  }

  private static IllegalStateException refusal(String name, String value) {
    String range = name.equals("REDEMPTION_SHARDS") ? "from 1 to " + CounterShards.MAX_SHARDS
        : "of milliseconds from 0 to " + MAX_TERMS_CACHE_MS;
    return new IllegalStateException(name + " must be a whole number " + range + ", not \"" + value + "\"");
  }
}
