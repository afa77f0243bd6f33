package dev.couponapi.local;

import java.io.PrintStream;
import java.util.List;

/** One {@code ./run-local} command: its name, its arguments, its options, and what it does. */
interface Command {

  /** What the runner works with: where the project is and where to write. */
  record Context(java.nio.file.Path home, PrintStream out, PrintStream err) {}

  String name();

  /** The positional arguments, as the usage shows them (e.g. {@code <FunctionLogicalId>}). */
  String arguments();

  List<Options.Flag> options();

  /** Runs the command; returns the exit code. A command-line mistake is an {@link Options.UsageError}. */
  int run(Options options, Context context) throws Exception;

  default String usage() {
    String arguments = arguments().isEmpty() ? "" : " " + arguments();
    return "  ./run-local " + name() + arguments + Options.synopsis(options()) + "\n" + Options.help(options());
  }
}
