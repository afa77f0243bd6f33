package dev.couponapi.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./run-local}: {@code serve} runs the whole API on DynamoDB Local, {@code invoke} runs one
 * function with an event file as {@code sam local invoke} would, {@code keys create} mints a key,
 * {@code sweep} runs the expiry sweep (or shows what a later one would do), {@code events} prints
 * (or follows) an account's newest events. A command-line mistake
 * is one line on stderr and exit code 2.
 */
public final class LocalMain {

  static final String LOCAL_ACCOUNT = "acct_local";

  private static final List<Command> COMMANDS = List.of(new ServeCommand(), new InvokeCommand(), new KeysCommand(),
      new SweepCommand(), new EventsCommand());

  private final Command.Context context;

  LocalMain(Path home, PrintStream out, PrintStream err) {
    this.context = new Command.Context(home, out, err);
  }

  public static void main(String[] args) {
    Path home = Path.of(System.getProperty("couponapi.home", ".")).toAbsolutePath().normalize();
    int status = new LocalMain(home, System.out, System.err).run(args);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs {@code args}; returns the exit code. */
  int run(String[] args) {
    String name = args.length == 0 ? null : args[0];
    if (name == null || name.equals("--help") || name.equals("-h") || name.equals("help")) {
      (name == null ? context.err() : context.out()).print(usage());
      return name == null ? 2 : 0;
    }
    Optional<Command> command = COMMANDS.stream().filter(candidate -> candidate.name().equals(name)).findFirst();
    if (command.isEmpty()) {
      return mistake("unknown command " + name + " (commands: serve, invoke, keys, sweep, events; --help shows their options)");
    }
    String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
    try {
      if (List.of(rest).contains("--help")) {
        context.out().print("usage:\n" + command.get().usage());
        return 0;
      }
      return command.get().run(Options.parse(command.get().options(), rest), context);
    } catch (Options.UsageError | IllegalArgumentException mistake) {
      return mistake(mistake.getMessage());
    } catch (Exception failed) {
      context.err().println("run-local " + name + ": " + failed.getMessage());
      return 1;
    }
  }

  private int mistake(String message) {
    context.err().println("run-local: " + message);
    return 2;
  }

  static String usage() {
    StringBuilder text = new StringBuilder("usage:\n");
    COMMANDS.forEach(command -> text.append(command.usage()));
    return text.toString();
  }
}
