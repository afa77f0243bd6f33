package dev.couponapi.wire;

import dev.couponapi.api.Errors;
import dev.couponapi.domain.EventFilter;
import dev.couponapi.domain.EventType;
import java.util.EnumSet;
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

  public static EventFilter filter(Params params) {
    String type = params.text("type");
    List<Object> types = params.list("types");
    if (type != null && types != null) {
      throw Errors.exclusive("type", "types");
    }
    Set<EventType> matching = null;
    if (type != null) {
      matching = EnumSet.noneOf(EventType.class);
      matching.addAll(EventType.matching(type));
    } else if (types != null) {
      matching = EnumSet.noneOf(EventType.class);
      for (Object name : types) {
        EventType.fromWire((String) name).ifPresent(matching::add);
      }
    }
    return new EventFilter(matching, params.bool("delivery_success"));
  }
}
