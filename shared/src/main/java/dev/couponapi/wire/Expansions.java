package dev.couponapi.wire;

import java.util.Set;
import java.util.stream.Collectors;

/** Expansion paths (spec §1.6), handed down to the renderer of a nested object. */
final class Expansions {

  private Expansions() {}

  /** The paths below a prefix, relative to it: {@code discount.source.coupon} → {@code source.coupon}. */
  static Set<String> below(String prefix, Set<String> expand) {
    return expand.stream().filter(path -> path.startsWith(prefix)).map(path -> path.substring(prefix.length()))
        .collect(Collectors.toUnmodifiableSet());
  }
}
