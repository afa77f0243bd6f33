package dev.couponapi.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a failed webhook delivery is tried again (docs/events.md, "Delivery"): after each failure
 * the next wait of the mode's schedule, ±20 %; at least 60 s after a 429 or a timeout; in live
 * mode never past 72 h from the event. Past the last wait the delivery has failed.
 */
public record RetrySchedule(List<Duration> live, List<Duration> test) {

  public static final RetrySchedule DEFAULT = new RetrySchedule(
      List.of(seconds(5), minutes(5), minutes(30), hours(2), hours(5), hours(10), hours(10), hours(12), hours(12)),
      List.of(minutes(1), hours(1), hours(2)));

  static final double JITTER = 0.2;
  static final Duration OVERLOAD_MINIMUM = Duration.ofSeconds(60);
  static final Duration LIVE_WINDOW = Duration.ofHours(72);
  /** SQS makes a message visible again after at most 12 h. */
  public static final Duration LONGEST_WAIT = Duration.ofHours(12);

  private static final Pattern WAIT = Pattern.compile("(\\d{1,6})(ms|s|m|h)");

  public RetrySchedule {
    live = List.copyOf(live);
    test = List.copyOf(test);
  }

  /**
   * A schedule for both modes from {@code "2s,2s,2s"} (units ms, s, m, h; each at most 12 h), or an
   * IllegalArgumentException that says what is wrong.
   */
  public static RetrySchedule parse(String text) {
    List<Duration> waits = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      Matcher wait = WAIT.matcher(part.trim().toLowerCase(Locale.ROOT));
      if (!wait.matches()) {
        throw new IllegalArgumentException("a retry schedule is waits like 5s,5m,2h (units ms, s, m, h), not \""
            + text + "\"");
      }
      long amount = Long.parseLong(wait.group(1));
      Duration duration = switch (wait.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
      if (duration.compareTo(LONGEST_WAIT) > 0) {
        throw new IllegalArgumentException("each wait of a retry schedule is at most 12h, not " + part.trim());
      }
      waits.add(duration);
    }
    return new RetrySchedule(waits, waits);
  }

  /**
   * The wait after the {@code failures}-th failed attempt (1 for the first), or empty when that was
   * the last; {@code overloaded} for a 429 or a timeout.
   */
  public Optional<Duration> afterFailure(int failures, boolean livemode, long eventCreated, long now,
      boolean overloaded, DoubleSupplier random) {
    List<Duration> waits = livemode ? live : test;
    if (failures < 1 || failures > waits.size()) {
      return Optional.empty();
    }
    Duration base = waits.get(failures - 1);
    Duration wait = Duration.ofMillis(Math.round(base.toMillis() * (1 - JITTER + 2 * JITTER * random.getAsDouble())));
    if (overloaded && wait.compareTo(OVERLOAD_MINIMUM) < 0) {
      wait = OVERLOAD_MINIMUM;
    }
    if (wait.compareTo(LONGEST_WAIT) > 0) {
      wait = LONGEST_WAIT;
    }
    if (livemode && now * 1000 + wait.toMillis() > (eventCreated + LIVE_WINDOW.toSeconds()) * 1000) {
      return Optional.empty();
    }
    return Optional.of(wait);
  }

  private static Duration seconds(long n) {
    return Duration.ofSeconds(n);
  }

  private static Duration minutes(long n) {
    return Duration.ofMinutes(n);
  }

  private static Duration hours(long n) {
    return Duration.ofHours(n);
  }
}
