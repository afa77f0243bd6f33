package dev.couponapi.wire;

import dev.couponapi.api.Errors;
import dev.couponapi.domain.EventFilter;
import dev.couponapi.domain.EventType;
import dev.couponapi.domain.EventTypes;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The filters of {@code GET /v1/events} (docs/events.md): {@code type} with wildcards, or {@code types[]}. */
public final class EventParams {

  public static final int MAX_TYPES = 20;
  private static final int MAX_TYPE_LENGTH = 100;

  public static final Map<String, ParamType> LIST = ListParams.with(ParamType.declare(
      "type", ParamType.text(MAX_TYPE_LENGTH),
      "types", new ParamType.ListOf(ParamType.text(MAX_TYPE_LENGTH), MAX_TYPES, false),
      "delivery_success", new ParamType.Bool()));

  private EventParams() {}

  /** The filter of a list request; {@code types} are the event types there are, which a {@code *} matches. */
  public static EventFilter filter(Params params, EventTypes known) {
    String type = params.text("type");
    List<Object> types = params.list("types");
    if (type != null && types != null) {
      throw Errors.exclusive("type", "types");
    }
    Set<EventType> matching = null;
    if (type != null) {
      matching = new HashSet<>(known.matching(type));
    } else if (types != null) {
      // a name no event has matches none, as Stripe's filter does (and needs no read)
      matching = new HashSet<>();
      for (Object name : types) {
        if (known.known((String) name)) {
          matching.add(new EventType((String) name));
        }
      }
    }
    return new EventFilter(matching, params.bool("delivery_success"));
  }
}
