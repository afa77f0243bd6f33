package dev.couponapi.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Every event type the API records, in the order the resources registered them: what
 * {@code enabled_events} may name and what a {@code type} filter with {@code *} matches.
 */
public final class EventTypes {

  private final List<EventType> types;

  public EventTypes(List<EventType> types) {
    this.types = List.copyOf(types);
  }

  public List<EventType> all() {
    return types;
  }

  public boolean known(String name) {
    return types.stream().anyMatch(type -> type.wireName().equals(name));
  }

  /** The types a filter names: exactly one, or, with {@code *} standing for any text, every match. */
  public List<EventType> matching(String pattern) {
    return types.stream().filter(type -> matches(pattern, type.wireName())).toList();
  }

  /**
   * Whether {@code name} matches {@code pattern}, {@code *} standing for any text (none too). No
   * regular expression and no backtracking: the text before the first {@code *} is a prefix, the
   * text after the last a suffix, and each piece between is found after the one before it, the
   * leftmost way, which is as good as any. Time grows with the pattern and the name, never with the
   * number of stars (docs/api.md: a {@code type} of a hundred stars costs what its length does).
   */
  static boolean matches(String pattern, String name) {
    List<String> pieces = pieces(pattern);
    if (pieces.size() == 1) {
      return pattern.equals(name);
    }
    String first = pieces.get(0);
    String last = pieces.get(pieces.size() - 1);
    if (first.length() + last.length() > name.length() || !name.startsWith(first) || !name.endsWith(last)) {
      return false;
    }
    int from = first.length();
    int end = name.length() - last.length();
    for (String piece : pieces.subList(1, pieces.size() - 1)) {
      int at = name.indexOf(piece, from);
      if (at < 0 || at + piece.length() > end) {
        return false;
      }
      from = at + piece.length();
    }
    return true;
  }

  /** The texts between the stars: one more than the stars; runs of stars make empty pieces, which match anywhere. */
  private static List<String> pieces(String pattern) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    for (int star = pattern.indexOf('*'); star >= 0; star = pattern.indexOf('*', start)) {
      pieces.add(pattern.substring(start, star));
      start = star + 1;
    }
    pieces.add(pattern.substring(start));
    return pieces;
  }
}
