package dev.couponapi.service;

import dev.couponapi.api.Errors;
import dev.couponapi.store.ChangedMeanwhile;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A change that reads an object, decides on it, and writes on the condition that it is unchanged
 * since the read (docs/events.md: an update reads first): on a concurrent change it reads and
 * decides again, five times, then gives up with a 429 {@code lock_timeout}.
 */
final class ReadThenWrite {

  static final int ATTEMPTS = 5;

  private ReadThenWrite() {}

  /** Runs {@code attempt} (one read, decision and write) until no {@link ChangedMeanwhile} interrupts it. */
  static <T> T untilUnchanged(Supplier<T> attempt) {
    for (int tried = 1; ; tried++) {
      try {
        return attempt.get();
      } catch (ChangedMeanwhile changed) {
        if (tried == ATTEMPTS) {
          throw Errors.lockTimeout();
        }
      }
    }
  }

  /**
   * The same for a change that starts from an object read already: {@code attempt} gets it first,
   * then, after a concurrent change, what {@code reread} finds (nothing: nothing left to do).
   */
  static <S> void untilUnchanged(S read, Supplier<Optional<S>> reread, Consumer<S> attempt) {
    AtomicReference<S> unused = new AtomicReference<>(read);
    untilUnchanged(() -> {
      S first = unused.getAndSet(null);
      (first != null ? Optional.of(first) : reread.get()).ifPresent(attempt);
    });
  }

  /** The same for a change with nothing to answer. */
  static void untilUnchanged(Runnable attempt) {
    untilUnchanged(() -> {
      attempt.run();
      return null;
    });
  }
}
