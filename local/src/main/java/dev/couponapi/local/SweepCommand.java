package dev.couponapi.local;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.app.App;
import dev.couponapi.app.SweepRun;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * {@code sweep}: one expiry sweep now, as the schedule runs it; {@code --now EPOCH} shows what a
 * sweep at that moment would do, and writes nothing unless {@code --write} is given too (a sweep
 * "from the future" would switch off codes of coupons that are still valid today).
 */
final class SweepCommand implements Command {

  private static final Options.Flag NOW = Options.value("--now", "EPOCH",
      "show what a sweep at that moment would do; writes nothing");
  private static final Options.Flag WRITE = Options.flag("--write", "with --now: apply it (irreversible)");
  private static final Options.Flag MAX_ITEMS = Options.value("--max-items", "N",
      "objects to handle at most (default " + SweepRun.DEFAULT_MAX_ITEMS + ")");

  public String name() {
    return "sweep";
  }

  public String arguments() {
    return "";
  }

  public List<Options.Flag> options() {
    return List.of(NOW, WRITE, MAX_ITEMS, LocalData.ENDPOINT, LocalData.DATA);
  }

  public int run(Options options, Context context) throws Exception {
    boolean at = options.value(NOW.name()) != null;
    if (options.flag(WRITE.name()) && !at) {
      throw new Options.UsageError("--write goes with --now (a sweep without --now always writes)");
    }
    Clock clock = at ? Clock.fixed(Instant.ofEpochSecond(options.longValue(NOW.name(), 0)), ZoneOffset.UTC)
        : Clock.systemUTC();
    boolean write = !at || options.flag(WRITE.name());
    Map<String, Object> input = Map.of("max_items", options.intValue(MAX_ITEMS.name(), SweepRun.DEFAULT_MAX_ITEMS, 1,
        1_000_000));
    LocalData.run(options, context, endpoint -> {
      App app = new App(LocalData.client(endpoint), LocalTable.NAME, clock,
          ApiVersion.parse(ApiVersion.FALLBACK));
      SweepRun run = new SweepRun(app.sweep(), new PrintStream(OutputStream.nullOutputStream()));
      if (!write) {
        context.out().println("dry run: what a sweep at " + clock.instant() + " would do; nothing was written"
            + " (add --write to apply it)");
      }
      (write ? run.run(input) : run.dryRun(input)).forEach((name, value) -> context.out().println(name + ": " + value));
    });
    return 0;
  }
}
