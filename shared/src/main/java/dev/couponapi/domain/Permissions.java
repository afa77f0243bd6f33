package dev.couponapi.domain;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a restricted key may do (docs/hosting.md, H2.2), as Stripe's restricted keys have it: a
 * level per resource group, {@code none}, {@code read} or {@code write} ({@code write} includes
 * {@code read}); a group not named is {@code none}. A secret key may do everything ({@link #ALL}).
 */
public final class Permissions {

  /** The resource groups a permission names; every operation belongs to one (its resource's). */
  public enum Group {
    COUPONS, PROMOTION_CODES, CUSTOMERS, SUBSCRIPTIONS, INVOICES, WEBHOOK_ENDPOINTS, EVENTS;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Group parse(String name) {
      return Arrays.stream(values()).filter(group -> group.wire().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown permission group '" + name + "': the groups are "
              + Arrays.stream(values()).map(Group::wire).collect(Collectors.joining(", "))));
    }
  }

  /** How far a key may go in a group. */
  public enum Level {
    NONE, READ, WRITE;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    public boolean includes(Level needed) {
      return compareTo(needed) >= 0;
    }

    static Level parse(Group group, String name) {
      return Arrays.stream(values()).filter(level -> level.wire().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown level '" + name + "' for " + group.wire()
              + ": none, read or write"));
    }
  }

  /** A secret key's: every group, write. */
  public static final Permissions ALL = new Permissions(levels(Level.WRITE));

  private final Map<Group, Level> levels;

  private Permissions(Map<Group, Level> levels) {
    this.levels = levels;
  }

  private static Map<Group, Level> levels(Level every) {
    Map<Group, Level> levels = new EnumMap<>(Group.class);
    for (Group group : Group.values()) {
      levels.put(group, every);
    }
    return levels;
  }

  /**
   * From {@code group → level} as the admin action takes it; an unknown group or level is refused,
   * as is a key that may do nothing at all.
   */
  public static Permissions of(Map<String, ?> given) {
    Map<Group, Level> levels = levels(Level.NONE);
    given.forEach((name, level) -> {
      Group group = Group.parse(name);
      levels.put(group, Level.parse(group, String.valueOf(level)));
    });
    if (levels.values().stream().allMatch(Level.NONE::equals)) {
      throw new IllegalArgumentException("a restricted key needs at least one group at read or write, such as "
          + "coupons=read");
    }
    return new Permissions(levels);
  }

  /** From {@code coupons=write,promotion_codes=read}: the command line's and the authorizer context's form. */
  public static Permissions parse(String compact) {
    Map<String, String> given = new LinkedHashMap<>();
    for (String entry : compact.split(",", -1)) {
      String[] parts = entry.trim().split("=", -1);
      if (parts.length != 2 || parts[0].isBlank()) {
        throw new IllegalArgumentException("permissions look like GROUP=LEVEL,… (coupons=write,promotion_codes=read), "
            + "not '" + entry.trim() + "'");
      }
      if (given.put(parts[0].trim(), parts[1].trim()) != null) {
        throw new IllegalArgumentException("the group " + parts[0].trim() + " is named twice");
      }
    }
    return of(given);
  }

  public Level levelOf(Group group) {
    return levels.get(group);
  }

  public boolean allows(Group group, Level needed) {
    return levels.get(group).includes(needed);
  }

  /** Every group with its level, in the groups' order (what list_keys and the dashboard show). */
  public Map<String, String> wire() {
    Map<String, String> wire = new LinkedHashMap<>();
    levels.forEach((group, level) -> wire.put(group.wire(), level.wire()));
    return wire;
  }

  /** The groups not at none, as {@code coupons=write,promotion_codes=read}. */
  public String compact() {
    return levels.entrySet().stream().filter(entry -> entry.getValue() != Level.NONE)
        .map(entry -> entry.getKey().wire() + "=" + entry.getValue().wire()).collect(Collectors.joining(","));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Permissions permissions && permissions.levels.equals(levels);
  }

  @Override
  public int hashCode() {
    return levels.hashCode();
  }

  @Override
  public String toString() {
    return compact();
  }
}
