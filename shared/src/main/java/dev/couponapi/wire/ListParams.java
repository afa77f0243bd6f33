package dev.couponapi.wire;

import dev.couponapi.api.Errors;
import dev.couponapi.api.Ids;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Pagination parameters shared by every list endpoint (docs/api.md §1.8) and the list envelope. */
public final class ListParams {

  public static final int DEFAULT_LIMIT = 10;
  public static final int MAX_LIMIT = ListRequest.MAX_LIMIT;

  public static final Map<String, ParamType> DECLARED = Map.of(
      "limit", ParamType.integer(1, MAX_LIMIT),
      "starting_after", ParamType.text(Ids.MAX_ID_LENGTH),
      "ending_before", ParamType.text(Ids.MAX_ID_LENGTH),
      "created", new ParamType.IntOrRange());

  private ListParams() {}

  /** The declared list parameters plus an endpoint's own filters. */
  public static Map<String, ParamType> with(Map<String, ParamType> filters) {
    Map<String, ParamType> all = new LinkedHashMap<>(DECLARED);
    all.putAll(filters);
    return Map.copyOf(all);
  }

  public static ListRequest request(Params params) {
    String after = params.text("starting_after");
    String before = params.text("ending_before");
    if (after != null && before != null) {
      throw Errors.exclusive("ending_before", "starting_after");
    }
    Long limit = params.integer("limit");
    Long from = null;
    Long to = null;
    Params.Range created = params.range("created");
    if (created != null) {
      if (created.eq() != null) {
        from = created.eq();
        to = created.eq();
      }
      from = max(from, created.gte());
      // saturating: gt of the largest integer names no second after it, which no object has either
      from = max(from, created.gt() == null ? null
          : created.gt() == Long.MAX_VALUE ? Long.MAX_VALUE : created.gt() + 1);
      to = min(to, created.lte());
      to = min(to, created.lt() == null ? null : created.lt() - 1);
    }
    return new ListRequest(limit == null ? DEFAULT_LIMIT : limit.intValue(), after, before, from, to);
  }

  private static Long max(Long a, Long b) {
    return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
  }

  private static Long min(Long a, Long b) {
    return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
  }

  /** {@code {"object":"list","data":[…],"has_more":…,"url":…}} in the live API's key order. */
  public static <T> Map<String, Object> envelope(Page<T> page, String url, Function<T, Object> render) {
    return envelope(page.items(), page.hasMore(), url, render);
  }

  public static <T> Map<String, Object> envelope(List<T> items, boolean hasMore, String url,
      Function<T, Object> render) {
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("object", "list");
    list.put("data", items.stream().map(render).toList());
    list.put("has_more", hasMore);
    list.put("url", url);
    return list;
  }
}
