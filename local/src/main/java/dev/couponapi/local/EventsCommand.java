package dev.couponapi.local;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.app.App;
import dev.couponapi.domain.Event;
import dev.couponapi.domain.EventFilter;
import dev.couponapi.domain.EventType;
import dev.couponapi.domain.EventTypes;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Tenant;
import dev.couponapi.service.EventService;
import dev.couponapi.wire.EventRenderer;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * {@code events}: the newest events of an account in the local table, one line each (when, id,
 * type, object, endpoints still pending); {@code --follow} keeps printing new ones as they come.
 */
final class EventsCommand implements Command {

  private static final Options.Flag ACCOUNT = Options.value("--account", "acct_...",
      "whose events (default " + LocalMain.LOCAL_ACCOUNT + ")");
  private static final Options.Flag LIVE = Options.flag("--live", "live-mode events (default: test mode)");
  private static final Options.Flag LIMIT = Options.value("--limit", "N", "how many of the newest (default 20)");
  private static final Options.Flag TYPE = Options.value("--type", "TYPE", "only this type; * is a wildcard (coupon.*)");
  private static final Options.Flag FOLLOW = Options.flag("--follow", "keep printing new events until stopped");
  static final long FOLLOW_EVERY_MILLIS = 500;

  public String name() {
    return "events";
  }

  public String arguments() {
    return "";
  }

  public List<Options.Flag> options() {
    return List.of(ACCOUNT, LIVE, LIMIT, TYPE, FOLLOW, LocalData.ENDPOINT, LocalData.DATA);
  }

  public int run(Options options, Context context) throws Exception {
    Tenant tenant = new Tenant(options.value(ACCOUNT.name(), LocalMain.LOCAL_ACCOUNT), options.flag(LIVE.name()));
    int limit = options.intValue(LIMIT.name(), 20, 1, ListRequest.MAX_LIMIT);
    String type = options.value(TYPE.name());
    LocalData.run(options, context, endpoint -> {
      App app = new App(LocalData.client(endpoint), LocalTable.NAME, Clock.systemUTC(),
          ApiVersion.parse(ApiVersion.FALLBACK));
      EventFilter filter = new EventFilter(type == null ? null : types(app.eventTypes(), type), null);
      EventRenderer renderer = app.eventRenderer();
      EventService events = app.eventLog();
      List<Event> newest = events.list(tenant, filter, new ListRequest(limit, null, null, null, null), Instant.now())
          .items();
      if (newest.isEmpty() && !options.flag(FOLLOW.name())) {
        context.out().println("no events in the last 30 days for " + tenant.account() + " (" + tenant.mode() + ")");
      }
      printOldestFirst(newest, renderer, context);
      context.out().flush();
      if (options.flag(FOLLOW.name())) {
        follow(events, renderer, tenant, filter, newest.isEmpty() ? null : newest.get(0).id(), context);
      }
    });
    return 0;
  }

  /** Prints what comes after {@code last}, oldest first, until the command is stopped. */
  private static void follow(EventService events, EventRenderer renderer, Tenant tenant, EventFilter filter,
      String last, Context context) throws InterruptedException {
    while (!Thread.currentThread().isInterrupted()) {
      Page<Event> page = last == null
          ? events.list(tenant, filter, new ListRequest(ListRequest.MAX_LIMIT, null, null, null, null), Instant.now())
          : events.list(tenant, filter, new ListRequest(ListRequest.MAX_LIMIT, null, last, null, null), Instant.now());
      if (!page.items().isEmpty()) {
        printOldestFirst(page.items(), renderer, context);
        context.out().flush();
        last = page.items().get(0).id();
      }
      Thread.sleep(FOLLOW_EVERY_MILLIS);
    }
  }

  private static void printOldestFirst(List<Event> newestFirst, EventRenderer renderer, Context context) {
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      context.out().println(line(newestFirst.get(i), renderer));
    }
  }

  private static Set<EventType> types(EventTypes known, String pattern) {
    List<EventType> matching = known.matching(pattern);
    if (matching.isEmpty()) {
      throw new Options.UsageError("--type " + pattern + " names no event type (e.g. coupon.created, coupon.*)");
    }
    return Set.copyOf(matching);
  }

  @SuppressWarnings("unchecked")
  static String line(Event event, EventRenderer renderer) {
    Map<String, Object> object = (Map<String, Object>) ((Map<String, Object>) renderer.render(event).get("data"))
        .get("object");
    return String.format("%s  %s  %-30s %-28s pending_webhooks=%d", Instant.ofEpochSecond(event.created()),
        event.id(), event.type().wireName(), object.get("id"), event.pendingOrZero());
  }
}
