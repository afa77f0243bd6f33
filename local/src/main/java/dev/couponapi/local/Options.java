package dev.couponapi.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's options, declared once: each flag's name, the name of its value (null for a plain
 * flag) and what it does. The same declaration parses the arguments and writes the usage text; a
 * mistake is a {@link UsageError} that the runner prints as one line.
 */
final class Options {

  /** One declared option. */
  record Flag(String name, String valueName, String help) {
    boolean takesValue() {
      return valueName != null;
    }

    String synopsis() {
      return takesValue() ? name + " " + valueName : name;
    }
  }

  /** A command-line mistake: printed as one line, exit code 2. */
  static final class UsageError extends RuntimeException {
    UsageError(String message) {
      super(message, null, false, false);
    }
  }

  private final List<Flag> declared;
  private final List<String> positionals = new ArrayList<>();
  private final Map<String, String> values = new HashMap<>();
  private final Set<String> flags = new HashSet<>();

  private Options(List<Flag> declared) {
    this.declared = declared;
  }

  static Flag flag(String name, String help) {
    return new Flag(name, null, help);
  }

  static Flag value(String name, String valueName, String help) {
    return new Flag(name, valueName, help);
  }

  /** Parses {@code args} against the declared flags; an unknown flag or a missing value is a UsageError. */
  static Options parse(List<Flag> declared, String[] args) {
    Options options = new Options(declared);
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("-")) {
        options.positionals.add(arg);
        continue;
      }
      Flag flag = declared.stream().filter(candidate -> candidate.name().equals(arg)).findFirst()
          .orElseThrow(() -> new UsageError("unknown option " + arg));
      if (flag.takesValue()) {
        if (i + 1 >= args.length) {
          throw new UsageError(arg + " needs a value (" + flag.valueName() + ")");
        }
        options.values.put(arg, args[++i]);
      } else {
        options.flags.add(arg);
      }
    }
    return options;
  }

  /** The synopsis of the flags, as {@code [--port N] [--in-memory] …}. */
  static String synopsis(List<Flag> declared) {
    StringBuilder text = new StringBuilder();
    for (Flag flag : declared) {
      text.append(" [").append(flag.synopsis()).append(']');
    }
    return text.toString();
  }

  /** One line per flag with what it does. */
  static String help(List<Flag> declared) {
    StringBuilder text = new StringBuilder();
    for (Flag flag : declared) {
      text.append(String.format("    %-26s %s%n", flag.synopsis(), flag.help()));
    }
    return text.toString();
  }

  String positional(int index) {
    return index < positionals.size() ? positionals.get(index) : null;
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  String value(String name) {
    return values.get(name);
  }

  String value(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int intValue(String name, int fallback, int min, int max) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < min || parsed > max) {
        throw new UsageError(name + " must be between " + min + " and " + max + ", not " + value);
      }
      return parsed;
    } catch (NumberFormatException notANumber) {
      throw new UsageError(name + " takes a whole number, not " + value);
    }
  }

  long longValue(String name, long fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException notANumber) {
      throw new UsageError(name + " takes a whole number, not " + value);
    }
  }

  List<Flag> declared() {
    return declared;
  }
}
