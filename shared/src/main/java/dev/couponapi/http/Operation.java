package dev.couponapi.http;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.domain.Permissions;
import dev.couponapi.service.Change;
import dev.couponapi.wire.ParamType;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One API operation and its route, declared once: the Lambda function that serves it, its method
 * and path template (as template.yaml routes it; {@code TemplateTest} holds the two together), the
 * parameters and expansions it accepts per version, and what it does. The path parameter's name is
 * read from the path ({@code /v1/coupons/{coupon}} → {@code coupon}). Built with
 * {@code Operation.get(…).params(…).expand(…).run(…)}.
 */
public final class Operation {

  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([A-Za-z0-9_]+)\\}");
  private static final String LIST_PREFIX = "data.";

  private final String functionId;
  private final String method;
  private final String path;
  private final String name;
  private final String pathParameter;
  private final Function<ApiVersion, Map<String, ParamType>> parameters;
  private final Function<ApiVersion, Set<String>> expandable;
  private final boolean list;
  private final Function<Call, Object> body;
  private final BiFunction<Call, Object, Object> render;
  private final Permissions.Level needs;
  private final Permissions.Group group;

  private Operation(Builder builder, Function<Call, Object> body, BiFunction<Call, Object, Object> render) {
    this.functionId = builder.functionId;
    this.method = builder.method;
    this.path = builder.path;
    this.name = builder.name;
    Matcher matcher = PATH_PARAMETER.matcher(path);
    this.pathParameter = matcher.find() ? matcher.group(1) : null;
    this.parameters = builder.parameters;
    this.expandable = builder.expandable;
    this.list = builder.list;
    this.body = body;
    this.render = render;
    this.needs = builder.needs != null ? builder.needs : method.equals("GET") ? Permissions.Level.READ
        : Permissions.Level.WRITE;
    this.group = null;
  }

  /** The same operation, in its resource's permission group (what the app's registry gives it). */
  private Operation(Operation operation, Permissions.Group group) {
    this.functionId = operation.functionId;
    this.method = operation.method;
    this.path = operation.path;
    this.name = operation.name;
    this.pathParameter = operation.pathParameter;
    this.parameters = operation.parameters;
    this.expandable = operation.expandable;
    this.list = operation.list;
    this.body = operation.body;
    this.render = operation.render;
    this.needs = operation.needs;
    this.group = group;
  }

  /** This operation as part of a resource of {@code group}. */
  public Operation inGroup(Permissions.Group group) {
    return new Operation(this, group);
  }

  /**
   * The level of its group's permission a restricted key needs for it (docs/hosting.md, H2.2): read
   * for a GET, write otherwise, unless declared ({@link Builder#needs}).
   */
  public Permissions.Level needs() {
    return needs;
  }

  /** Its resource's permission group; null until registered, and then no restricted key may call it. */
  public Permissions.Group group() {
    return group;
  }

  public static Builder get(String functionId, String path, String name) {
    return new Builder(functionId, "GET", path, name);
  }

  public static Builder post(String functionId, String path, String name) {
    return new Builder(functionId, "POST", path, name);
  }

  public static Builder delete(String functionId, String path, String name) {
    return new Builder(functionId, "DELETE", path, name);
  }

  /** The logical id of the function in template.yaml, e.g. {@code CreateCouponFunction}. */
  public String functionId() {
    return functionId;
  }

  public String method() {
    return method;
  }

  /** The path template, e.g. {@code /v1/coupons/{coupon}}. */
  public String path() {
    return path;
  }

  /** A short name for logs, such as {@code coupons.create}. */
  public String name() {
    return name;
  }

  /** The name of the path's parameter, or null when the path has none. */
  public String pathParameter() {
    return pathParameter;
  }

  public Map<String, ParamType> parameters(ApiVersion version) {
    return parameters.apply(version);
  }

  /**
   * Expansion paths accepted in a version: a list's paths start with {@code data.}, and the
   * operation is handed them relative to one item ({@link #relativeExpand}).
   */
  public Set<String> expandable(ApiVersion version) {
    Set<String> paths = expandable.apply(version);
    return list ? paths.stream().map(p -> LIST_PREFIX + p).collect(Collectors.toUnmodifiableSet()) : paths;
  }

  /** The requested expansions as the operation renders them: relative to one list item for a list. */
  Set<String> relativeExpand(Set<String> requested) {
    return list ? requested.stream().map(p -> p.substring(LIST_PREFIX.length()))
        .collect(Collectors.toUnmodifiableSet()) : requested;
  }

  /** Runs the operation; its result, which {@link #render} makes the response body. */
  public Object execute(Call call) {
    return body.apply(call);
  }

  /** The response body of a result (maps and lists in render order). */
  public Object render(Call call, Object result) {
    return render.apply(call, result);
  }

  /** The parts of an operation before what it runs. */
  public static final class Builder {
    private final String functionId;
    private final String method;
    private final String path;
    private final String name;
    private Function<ApiVersion, Map<String, ParamType>> parameters = version -> Map.of();
    private Function<ApiVersion, Set<String>> expandable = version -> Set.of();
    private boolean list;
    private Permissions.Level needs;

    private Builder(String functionId, String method, String path, String name) {
      this.functionId = functionId;
      this.method = method;
      this.path = path;
      this.name = name;
    }

    public Builder params(Function<ApiVersion, Map<String, ParamType>> parameters) {
      this.parameters = parameters;
      return this;
    }

    public Builder params(Map<String, ParamType> parameters) {
      return params(version -> parameters);
    }

    /**
     * The permission level it needs when that is not what its method says: a POST that writes
     * nothing (an invoice preview) needs read; one any key may call, none.
     */
    public Builder needs(Permissions.Level level) {
      this.needs = level;
      return this;
    }

    /** What the returned object can expand, per version. */
    public Builder expand(Function<ApiVersion, Set<String>> expandable) {
      this.expandable = expandable;
      return this;
    }

    public Builder expand(Set<String> expandable) {
      return expand(version -> expandable);
    }

    /** A list: each item expands {@code paths}, requested as {@code data.<path>}. */
    public Builder expandEach(Function<ApiVersion, Set<String>> paths) {
      this.list = true;
      return expand(paths);
    }

    public Builder expandEach(Set<String> paths) {
      return expandEach(version -> paths);
    }

    /** What the operation does; it returns the response body itself. */
    public Operation run(Function<Call, Object> body) {
      return new Operation(this, body, (call, result) -> result);
    }

    /**
     * What the operation does, and how its result is rendered: a create's answer is rendered
     * once, when it commits with the write ({@link Change#creating}), and the pipeline sends those bytes.
     */
    @SuppressWarnings("unchecked")
    public <T> Operation run(Function<Call, T> body, BiFunction<Call, T, Object> render) {
      return new Operation(this, body::apply, (call, result) -> render.apply(call, (T) result));
    }
  }
}
