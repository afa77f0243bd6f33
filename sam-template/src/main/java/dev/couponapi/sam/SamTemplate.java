package dev.couponapi.sam;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * What the runner reads from template.yaml: each function's handler and Api events, the
 * environment it gets, and the Gateway Responses. The template is the single source: the runner
 * routes exactly what a deployment routes.
 */
public final class SamTemplate {

  /** An {@code Api} event: method (or ANY) and path template such as {@code /v1/coupons/{coupon}}. */
  /**
   * One Api event: method, path, function, and whether API Gateway's authorizer guards it
   * ({@code Auth: {Authorizer: NONE}} makes a route open, as the dashboard's page is).
   */
  public record Route(String method, String path, String functionId, boolean authorized) {}

  /**
   * One statement of a function's inline IAM policy: its actions ({@code dynamodb:GetItem} …) and
   * resources, written as the template names them ({@code Table}, {@code Table/index/gsi1},
   * {@code Table/index/*}).
   */
  public record Statement(List<String> actions, List<String> resources) {

    public boolean allows(String action, String resource) {
      return actions.contains(action) && resources.stream().anyMatch(granted -> granted.equals(resource)
          || granted.endsWith("/*") && resource.startsWith(granted.substring(0, granted.length() - 1)));
    }
  }

  /**
   * A function: its logical id, handler string, Api routes, environment variables, IAM statements
   * and timeout (its own, else the Globals', else Lambda's 3 s).
   */
  public record Function(String logicalId, String handler, List<Route> routes, Map<String, Object> environment,
      boolean skipBuild, List<Statement> policy, int timeoutSeconds) {

    /** Whether the function's policy lets it do {@code action} on {@code resource}. */
    public boolean allows(String action, String resource) {
      return policy.stream().anyMatch(statement -> statement.allows(action, resource));
    }

    public String handlerClass() {
      int separator = handler.indexOf("::");
      return separator < 0 ? handler : handler.substring(0, separator);
    }
  }

  /** A Gateway Response: status, static headers, and the application/json body template. */
  public record GatewayResponse(String status, Map<String, String> headers, String template) {}

  private final Map<String, Function> functions;
  private final Map<String, GatewayResponse> gatewayResponses;
  private final String authorizerFunctionId;
  private final int authorizerTtlSeconds;
  private final Map<String, String> parameterDefaults;

  private SamTemplate(Map<String, Function> functions, Map<String, GatewayResponse> gatewayResponses,
      String authorizerFunctionId, int authorizerTtlSeconds, Map<String, String> parameterDefaults) {
    this.functions = functions;
    this.gatewayResponses = gatewayResponses;
    this.authorizerFunctionId = authorizerFunctionId;
    this.authorizerTtlSeconds = authorizerTtlSeconds;
    this.parameterDefaults = parameterDefaults;
  }

  /**
   * A function's environment with {@code !Ref}s resolved: parameters to their defaults, resources
   * to {@code resourceValues} (e.g. the local table name). Variables that cannot be resolved, and
   * JVM options, which a shared JVM cannot take, are left out.
   */
  public Map<String, String> environment(Function function, Map<String, String> resourceValues) {
    Map<String, String> resolved = new LinkedHashMap<>();
    function.environment().forEach((name, value) -> {
      if (name.equals("JAVA_TOOL_OPTIONS")) {
        return;
      }
      if (value instanceof CloudFormationConstructor.Intrinsic intrinsic) {
        String target = intrinsic.tag().equals("!Ref")
            ? resourceValues.getOrDefault(intrinsic.value(), parameterDefaults.get(intrinsic.value())) : null;
        if (target != null) {
          resolved.put(name, target);
        }
      } else {
        resolved.put(name, String.valueOf(value));
      }
    });
    return resolved;
  }

  private static int timeout(Object own, Object global) {
    Object timeout = own != null ? own : global;
    return timeout instanceof Number seconds ? seconds.intValue() : 3;
  }

  public static SamTemplate load(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Map<String, Object> root = new Yaml(new CloudFormationConstructor()).load(reader);
      return parse(root);
    }
  }

  /** A template parameter's default, if it has one. */
  public String parameterDefault(String name) {
    return parameterDefaults.get(name);
  }

  public Map<String, Function> functions() {
    return functions;
  }

  public Function function(String logicalId) {
    Function function = functions.get(logicalId);
    if (function == null) {
      // the template's ids end in Function, which one leaves out easily
      throw new IllegalArgumentException("template.yaml has no function " + logicalId
          + (functions.containsKey(logicalId + "Function") ? "; did you mean " + logicalId + "Function?"
              : "; functions: " + String.join(", ", new java.util.TreeSet<>(functions.keySet()))));
    }
    return function;
  }

  public List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    functions.values().forEach(function -> routes.addAll(function.routes()));
    return routes;
  }

  public Map<String, GatewayResponse> gatewayResponses() {
    return gatewayResponses;
  }

  public String authorizerFunctionId() {
    return authorizerFunctionId;
  }

  /**
   * How long API Gateway caches an authorizer decision for one identity (the Authorization
   * header): the authorizer's {@code Identity.ReauthorizeEvery}, API Gateway's default 300 s when
   * the template leaves it out, 0 for no caching.
   */
  public int authorizerTtlSeconds() {
    return authorizerTtlSeconds;
  }

  @SuppressWarnings("unchecked")
  private static SamTemplate parse(Map<String, Object> root) {
    Map<String, Object> resources = map(root.get("Resources"));
    Map<String, Object> globalEnvironment = variables(map(map(root.get("Globals")).get("Function")));
    Object globalTimeout = map(map(root.get("Globals")).get("Function")).get("Timeout");
    Map<String, String> parameterDefaults = new LinkedHashMap<>();
    map(root.get("Parameters")).forEach((name, parameter) -> {
      Object value = map(parameter).get("Default");
      if (value != null) {
        parameterDefaults.put(name, String.valueOf(value));
      }
    });
    Map<String, Function> functions = new LinkedHashMap<>();
    Map<String, GatewayResponse> responses = new LinkedHashMap<>();
    String authorizer = null;
    int authorizerTtl = 300;
    for (Map.Entry<String, Object> entry : resources.entrySet()) {
      Map<String, Object> resource = map(entry.getValue());
      Map<String, Object> properties = map(resource.get("Properties"));
      if ("AWS::Serverless::Function".equals(resource.get("Type"))) {
        Map<String, Object> environment = new LinkedHashMap<>(globalEnvironment);
        environment.putAll(variables(properties));
        List<Route> routes = new ArrayList<>();
        map(properties.get("Events")).values().forEach(event -> {
          Map<String, Object> eventMap = map(event);
          if ("Api".equals(eventMap.get("Type"))) {
            Map<String, Object> eventProperties = map(eventMap.get("Properties"));
            routes.add(new Route(String.valueOf(eventProperties.get("Method")).toUpperCase(java.util.Locale.ROOT),
                String.valueOf(eventProperties.get("Path")), entry.getKey(),
                !"NONE".equals(map(eventProperties.get("Auth")).get("Authorizer"))));
          }
        });
        functions.put(entry.getKey(), new Function(entry.getKey(), String.valueOf(properties.get("Handler")),
            List.copyOf(routes), Map.copyOf(environment),
            Boolean.TRUE.equals(map(resource.get("Metadata")).get("SkipBuild")), policy(properties.get("Policies")),
            timeout(properties.get("Timeout"), globalTimeout)));
      } else if ("AWS::Serverless::Api".equals(resource.get("Type"))) {
        Map<String, Object> auth = map(properties.get("Auth"));
        String defaultAuthorizer = String.valueOf(auth.get("DefaultAuthorizer"));
        Map<String, Object> authorizerDefinition = map(map(auth.get("Authorizers")).get(defaultAuthorizer));
        Object arn = authorizerDefinition.get("FunctionArn");
        Object ttl = map(authorizerDefinition.get("Identity")).get("ReauthorizeEvery");
        if (ttl != null) {
          authorizerTtl = Integer.parseInt(String.valueOf(ttl));
        }
        authorizer = arn instanceof CloudFormationConstructor.Intrinsic intrinsic
            ? intrinsic.value().split("\\.")[0] : null;
        map(properties.get("GatewayResponses")).forEach((type, value) -> {
          Map<String, Object> response = map(value);
          Map<String, String> headers = new LinkedHashMap<>();
          map(map(response.get("ResponseParameters")).get("Headers")).forEach((name, expression) ->
              headers.put(name, unquote(String.valueOf(expression))));
          Object status = response.get("StatusCode");
          responses.put(type, new GatewayResponse(status == null ? null : status.toString(), headers,
              String.valueOf(map(response.get("ResponseTemplates")).get("application/json"))));
        });
      }
    }
    return new SamTemplate(Map.copyOf(functions), Map.copyOf(responses), authorizer, authorizerTtl,
        Map.copyOf(parameterDefaults));
  }

  /** The Allow statements of a function's inline policies. */
  private static List<Statement> policy(Object policies) {
    List<Statement> statements = new ArrayList<>();
    for (Object policy : list(policies)) {
      for (Object statement : list(map(policy).get("Statement"))) {
        Map<String, Object> fields = map(statement);
        if ("Allow".equals(fields.get("Effect"))) {
          statements.add(new Statement(list(fields.get("Action")).stream().map(String::valueOf).toList(),
              list(fields.get("Resource")).stream().map(SamTemplate::resource).toList()));
        }
      }
    }
    return List.copyOf(statements);
  }

  /** {@code !GetAtt Table.Arn} → {@code Table}; {@code !Sub "${Table.Arn}/index/gsi1"} → {@code Table/index/gsi1}. */
  private static String resource(Object value) {
    String text = value instanceof CloudFormationConstructor.Intrinsic intrinsic ? intrinsic.value() : String.valueOf(value);
    return text.replaceAll("\\$\\{([A-Za-z0-9]+)\\.Arn\\}", "$1").replaceAll("^([A-Za-z0-9]+)\\.Arn$", "$1");
  }

  private static List<Object> list(Object value) {
    if (value instanceof List<?> items) {
      return List.copyOf(items);
    }
    return value == null ? List.of() : List.of(value);
  }

  /** Literal gateway response parameters are single-quoted: {@code 'Basic realm="Stripe"'}. */
  private static String unquote(String expression) {
    return expression.length() >= 2 && expression.startsWith("'") && expression.endsWith("'")
        ? expression.substring(1, expression.length() - 1) : expression;
  }

  private static Map<String, Object> variables(Map<String, Object> properties) {
    return new LinkedHashMap<>(map(map(properties.get("Environment")).get("Variables")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  /** Reads CloudFormation's short-form tags ({@code !Ref}, {@code !GetAtt}, {@code !Sub} …) as values. */
  public static final class CloudFormationConstructor extends SafeConstructor {

    /** An intrinsic function left unresolved: its tag and its scalar argument (or "" for lists). */
    record Intrinsic(String tag, String value) {
      @Override
      public String toString() {
        return tag + " " + value;
      }
    }

    public CloudFormationConstructor() {
      super(new LoaderOptions());
      yamlMultiConstructors.put("!", new AbstractConstruct() {
        @Override
        public Object construct(Node node) {
          String tag = node.getTag().getValue();
          if (node instanceof ScalarNode scalar) {
            return new Intrinsic(tag, scalar.getValue());
          }
          return new Intrinsic(tag, "");
        }
      });
    }
  }
}
