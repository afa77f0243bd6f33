package dev.couponapi.wire;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Expansion paths (docs/api.md §1.6). Each renderer declares what its object can expand, next to
 * how it renders it; an object that embeds another declares the embedded one's paths under its
 * field ({@link #under}), and hands the requested ones down relative to it ({@link #below}).
 */
public final class Expansions {

  private Expansions() {}

  /** The paths below a prefix, relative to it: {@code discount.source.coupon} → {@code source.coupon}. */
  public static Set<String> below(String prefix, Set<String> expand) {
    return expand.stream().filter(path -> path.startsWith(prefix)).map(path -> path.substring(prefix.length()))
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Paths of an embedded object as paths of the object that embeds it: {@code source.coupon} → {@code discount.source.coupon}. */
  public static Set<String> under(String prefix, Set<String> paths) {
    return paths.stream().map(path -> prefix + path).collect(Collectors.toUnmodifiableSet());
  }

  @SafeVarargs
  public static Set<String> union(Set<String>... sets) {
    return Stream.of(sets).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
  }
}
