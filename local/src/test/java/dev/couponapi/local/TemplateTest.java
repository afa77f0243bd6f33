package dev.couponapi.local;

import dev.couponapi.sam.SamTemplate;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.couponapi.functions.ApiFunction;
import dev.couponapi.http.Operation;
import dev.couponapi.store.Table;
import dev.couponapi.testing.TestApp;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/** template.yaml and the code agree: handlers exist, every function has an event, the table matches. */
class TemplateTest {

  private static final String CATCH_ALL = "UnrecognizedRouteFunction";
  private static final String DASHBOARD = "DashboardFunction";

  private final SamTemplate template = LocalApi.template();

  @Test
  void everyHandlerIsAStreamHandlerOfTheFunctionsJar() throws Exception {
    assertThat(template.functions()).isNotEmpty();
    for (SamTemplate.Function function : template.functions().values()) {
      assertThat(function.handler()).as(function.logicalId()).endsWith("::handleRequest");
      assertThat(RequestStreamHandler.class.isAssignableFrom(Class.forName(function.handlerClass())))
          .as(function.logicalId()).isTrue();
    }
  }

  /** Every Api event of template.yaml is an operation's declared route, and every route has its function. */
  @Test
  void theApiRoutesAreTheOperationsDeclaredInCode() {
    Set<String> declared = new TestApp().app.operations().stream()
        .map(operation -> operation.functionId() + " " + operation.method() + " " + operation.path())
        .collect(Collectors.toSet());
    Set<String> routed = template.routes().stream()
        .filter(route -> !route.functionId().equals(CATCH_ALL) && !route.functionId().equals(DASHBOARD))
        .map(route -> route.functionId() + " " + route.method() + " " + route.path())
        .collect(Collectors.toSet());
    assertThat(routed).isEqualTo(declared);
  }

  /** Only the dashboard's page and files go without the authorizer: everything under /v1 needs a key. */
  @Test
  void onlyTheDashboardsRoutes_areOpen() {
    assertThat(template.routes().stream().filter(route -> !route.authorized())
        .map(route -> route.functionId() + " " + route.method() + " " + route.path()))
        .containsExactlyInAnyOrder(DASHBOARD + " GET /dashboard", DASHBOARD + " GET /dashboard/{proxy+}");
    assertThat(template.function(DASHBOARD).policy()).isEmpty();
  }

  /** {@code CreateCouponFunction} is served by {@code dev.couponapi.functions.CouponFunctions$CreateCoupon}, which finds its route by that name. */
  @Test
  void everyApiFunctionsHandlerIsNamedAfterIt() throws Exception {
    for (Operation operation : new TestApp().app.operations()) {
      SamTemplate.Function function = template.function(operation.functionId());
      Class<?> handler = Class.forName(function.handlerClass());
      assertThat(ApiFunction.class.isAssignableFrom(handler)).as(function.logicalId()).isTrue();
      assertThat(ApiFunction.functionId(handler)).isEqualTo(operation.functionId());
    }
  }

  /**
   * A function that only serves GET routes reads: a GET writes nothing, not even an idempotency
   * record, so a write action in its policy is a grant that is never used.
   */
  @Test
  void aReadOnlyFunction_isGrantedOnlyReads() {
    Set<String> reads = Set.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query");
    for (SamTemplate.Function function : template.functions().values()) {
      boolean readOnly = !function.routes().isEmpty()
          && function.routes().stream().allMatch(route -> route.method().equals("GET"));
      if (readOnly) {
        assertThat(function.policy().stream().flatMap(statement -> statement.actions().stream()))
            .as(function.logicalId()).isSubsetOf(reads);
      }
    }
  }

  /**
   * The functions given the batch queue's URL (the batch create, the worker, the sweep) may send to
   * it, and no other function may: an enqueue would fail in AWS where a test cannot see it.
   */
  @Test
  void theFunctionsThatEnqueueBatches_mayAllSendToTheQueue_andNoOtherMay() {
    Set<String> given = template.functions().values().stream()
        .filter(function -> function.environment().containsKey("BATCH_QUEUE_URL"))
        .map(SamTemplate.Function::logicalId).collect(Collectors.toSet());
    assertThat(given).containsExactlyInAnyOrder("CreatePromotionCodeBatchFunction", "GeneratePromotionCodesFunction",
        "ExpirySweepFunction");
    for (SamTemplate.Function function : template.functions().values()) {
      assertThat(function.allows("sqs:SendMessage", "PromotionCodeBatchQueue")).as(function.logicalId())
          .isEqualTo(given.contains(function.logicalId()));
    }
    assertThat(template.function("GeneratePromotionCodesFunction").timeoutSeconds()).isEqualTo(300);
  }

  @Test
  void everyFunctionSkipsSamBuild_becauseMavenBuiltItsJar() {
    assertThat(template.functions().values()).allMatch(SamTemplate.Function::skipBuild);
  }

  @Test
  void everyFunctionHasAnEventFile() {
    for (String id : template.functions().keySet()) {
      assertThat(EventsContractTest.eventFile(id)).as(id).exists();
    }
  }

  @Test
  void theRoutesAreStripes() {
    assertThat(template.routes().stream().map(route -> route.method() + " " + route.path()))
        .contains("POST /v1/coupons", "GET /v1/coupons", "GET /v1/coupons/{coupon}", "POST /v1/coupons/{coupon}",
            "DELETE /v1/coupons/{coupon}", "ANY /{proxy+}",
            "POST /v1/promotion_codes", "GET /v1/promotion_codes", "GET /v1/promotion_codes/{promotion_code}",
            "POST /v1/promotion_codes/{promotion_code}");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theTableIsTheOneTheStoreExpects() throws IOException {
    Map<String, Object> table;
    try (Reader reader = Files.newBufferedReader(LocalApi.home().resolve("template.yaml"))) {
      Map<String, Object> root = new Yaml(new SamTemplate.CloudFormationConstructor()).load(reader);
      table = (Map<String, Object>) ((Map<String, Object>) root.get("Resources")).get("Table");
    }
    Map<String, Object> properties = (Map<String, Object>) table.get("Properties");
    CreateTableRequest expected = Table.definition("any");
    assertThat(table).containsEntry("DeletionPolicy", "Retain");
    assertThat(properties).containsEntry("BillingMode", "PAY_PER_REQUEST");
    assertThat(((Map<String, Object>) properties.get("PointInTimeRecoverySpecification")))
        .containsEntry("PointInTimeRecoveryEnabled", true);
    assertThat(((Map<String, Object>) properties.get("TimeToLiveSpecification")))
        .containsEntry("AttributeName", Table.TTL).containsEntry("Enabled", true);
    assertThat(names((List<Map<String, Object>>) properties.get("AttributeDefinitions"), "AttributeName"))
        .isEqualTo(expected.attributeDefinitions().stream().map(a -> a.attributeName()).collect(Collectors.toSet()));
    assertThat(names((List<Map<String, Object>>) properties.get("KeySchema"), "AttributeName"))
        .containsExactly(Table.PK);
    List<Map<String, Object>> indexes = (List<Map<String, Object>>) properties.get("GlobalSecondaryIndexes");
    Map<Object, Object> declared = indexes.stream().collect(Collectors.toMap(index -> index.get("IndexName"),
        index -> List.copyOf(names((List<Map<String, Object>>) index.get("KeySchema"), "AttributeName"))));
    Map<Object, Object> used = expected.globalSecondaryIndexes().stream().collect(Collectors.toMap(
        index -> index.indexName(), index -> index.keySchema().stream().map(k -> (Object) k.attributeName()).toList()));
    assertThat(declared).isEqualTo(used);
    Map<Object, Object> projections = indexes.stream().collect(Collectors.toMap(index -> index.get("IndexName"),
        index -> ((Map<String, Object>) index.get("Projection")).get("ProjectionType")));
    assertThat(projections).isEqualTo(expected.globalSecondaryIndexes().stream().collect(Collectors.toMap(
        index -> (Object) index.indexName(), index -> (Object) index.projection().projectionTypeAsString())));
    assertThat(((Map<String, Object>) properties.get("StreamSpecification")))
        .containsEntry("StreamViewType", Table.DEPLOYED_STREAM.toString());
  }

  @Test
  @SuppressWarnings("unchecked")
  void theFanOutIsTriggeredByNewEventsOnly_asTheLocalPollerFilters_andOnlyItAndTheDeliveryMaySend() throws IOException {
    Map<String, Object> function;
    try (Reader reader = Files.newBufferedReader(LocalApi.home().resolve("template.yaml"))) {
      Map<String, Object> root = new Yaml(new SamTemplate.CloudFormationConstructor()).load(reader);
      function = (Map<String, Object>) ((Map<String, Object>) root.get("Resources")).get("FanOutEventsFunction");
    }
    Map<String, Object> trigger = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
        ((Map<String, Object>) function.get("Properties")).get("Events")).get("NewEvents")).get("Properties");
    List<Map<String, Object>> filters = (List<Map<String, Object>>) ((Map<String, Object>)
        trigger.get("FilterCriteria")).get("Filters");
    assertThat(filters).singleElement().satisfies(filter ->
        assertThat(filter.get("Pattern")).isEqualTo(dev.couponapi.app.FanOutWork.FILTER_PATTERN));
    assertThat(trigger.get("FunctionResponseTypes")).isEqualTo(List.of("ReportBatchItemFailures"));
    for (SamTemplate.Function each : template.functions().values()) {
      assertThat(each.allows("sqs:SendMessage", "WebhookDeliveryQueue")).as(each.logicalId())
          .isEqualTo(each.logicalId().equals("FanOutEventsFunction"));
      assertThat(each.allows("sqs:ChangeMessageVisibility", "WebhookDeliveryQueue")).as(each.logicalId())
          .isEqualTo(each.logicalId().equals("DeliverWebhooksFunction"));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theStatisticsAreCountedFromTheEventsThatRedeemOrPayOnly() throws IOException {
    Map<String, Object> function = (Map<String, Object>) resources().get("CountCouponStatsFunction");
    Map<String, Object> trigger = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
        ((Map<String, Object>) function.get("Properties")).get("Events")).get("CountedEvents")).get("Properties");
    List<Map<String, Object>> filters = (List<Map<String, Object>>) ((Map<String, Object>)
        trigger.get("FilterCriteria")).get("Filters");
    assertThat(filters.stream().map(filter -> filter.get("Pattern")).toList())
        .isEqualTo(dev.couponapi.app.CouponStatsWork.FILTER_PATTERNS);
    assertThat(trigger.get("FunctionResponseTypes")).isEqualTo(List.of("ReportBatchItemFailures"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> resources() throws IOException {
    try (Reader reader = Files.newBufferedReader(LocalApi.home().resolve("template.yaml"))) {
      Map<String, Object> root = new Yaml(new SamTemplate.CloudFormationConstructor()).load(reader);
      return (Map<String, Object>) root.get("Resources");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(Map<String, Object> resources, String logicalId) {
    return (Map<String, Object>) ((Map<String, Object>) resources.get(logicalId)).get("Properties");
  }

  /**
   * Background work cannot take the API's capacity (docs/hosting.md, H1.3): the queue-fed functions
   * run under their event source's maximum concurrency, the stream fan-out and the two API
   * functions that may read long under a reserved ceiling; each is a template parameter.
   */
  @Test
  @SuppressWarnings("unchecked")
  void backgroundAndLongReadingFunctions_runUnderConcurrencyLimitsOfTheirOwn() throws IOException {
    Map<String, Object> resources = resources();
    Map<String, String> queueFed = Map.of("DeliverWebhooksFunction", "WebhookDeliveryConcurrency",
        "GeneratePromotionCodesFunction", "BatchWorkerConcurrency");
    queueFed.forEach((function, parameter) -> {
      Map<String, Object> events = (Map<String, Object>) properties(resources, function).get("Events");
      Map<String, Object> sqs = (Map<String, Object>) ((Map<String, Object>) events.values().iterator().next())
          .get("Properties");
      assertThat(((Map<String, Object>) sqs.get("ScalingConfig")).get("MaximumConcurrency")).as(function)
          .hasToString("!Ref " + parameter);
      assertThat(template.parameterDefault(parameter)).as(parameter).isNotNull();
    });
    Map<String, String> reserved = Map.of("FanOutEventsFunction", "FanOutConcurrency",
        "ExportPromotionCodeBatchFunction", "SlowReadConcurrency", "ListEventsFunction", "SlowReadConcurrency");
    reserved.forEach((function, parameter) -> assertThat(properties(resources, function)
        .get("ReservedConcurrentExecutions")).as(function).hasToString("!Ref " + parameter));
    for (String api : List.of("CreateCouponFunction", "RetrieveCouponFunction", "AuthorizerFunction")) {
      assertThat(properties(resources, api)).as(api).doesNotContainKey("ReservedConcurrentExecutions");
    }
  }

  /** Throttles (H1.6): the stage's for every route, a low one for the dashboard's keyless files. */
  @Test
  @SuppressWarnings("unchecked")
  void theStageThrottlesEveryRoute_andTheKeylessDashboardLow() throws IOException {
    List<Map<String, Object>> settings = (List<Map<String, Object>>) properties(resources(), "Api")
        .get("MethodSettings");
    assertThat(settings).extracting(setting -> setting.get("ResourcePath") + " " + setting.get("HttpMethod"))
        .containsExactly("/* *", "/~1dashboard GET", "/~1dashboard~1{proxy+} GET");
    assertThat(settings.get(0).get("ThrottlingRateLimit")).hasToString("!Ref StageThrottleRateLimit");
    assertThat(settings.get(1).get("ThrottlingRateLimit")).hasToString("!Ref DashboardThrottleRateLimit");
    assertThat(Integer.parseInt(template.parameterDefault("DashboardThrottleRateLimit")))
        .isLessThan(Integer.parseInt(template.parameterDefault("StageThrottleRateLimit")));
  }

  /**
   * The long reads share their reserved concurrency between every account: each account's usage key
   * is throttled on each of their routes, so that no account holds all of it.
   */
  @Test
  @SuppressWarnings("unchecked")
  void theLongReads_areThrottledPerAccount_onTheirRoutes() throws IOException {
    Map<String, Object> stage = ((List<Map<String, Object>>) properties(resources(), "UsagePlan").get("ApiStages"))
        .get(0);
    Map<String, Map<String, Object>> perMethod = (Map<String, Map<String, Object>>) stage.get("Throttle");
    List<String> longReads = java.util.stream.Stream.of("ListEventsFunction", "ExportPromotionCodeBatchFunction")
        .flatMap(function -> template.function(function).routes().stream())
        .map(route -> route.path() + "/" + route.method()).toList();
    assertThat(perMethod.keySet()).containsExactlyInAnyOrderElementsOf(longReads);
    perMethod.values().forEach(throttle -> {
      assertThat(throttle.get("RateLimit")).hasToString("!Ref SlowReadRateLimitPerAccount");
      assertThat(throttle.get("BurstLimit")).hasToString("!Ref SlowReadBurstLimitPerAccount");
    });
    assertThat(Integer.parseInt(template.parameterDefault("SlowReadRateLimitPerAccount")))
        .isLessThan(Integer.parseInt(template.parameterDefault("ThrottleRateLimit")));
  }

    /**
   * Operating it (docs/hosting.md, H2.3/H2.4): every function on the Runtime parameter (java25 by
   * default), with JSON logs at LogLevel into a log group kept LogRetentionDays, and tracing as a
   * parameter; an alarm for each dead-letter queue, the API's 5xx, the errors and throttles of each
   * background function and a sweep that stopped, each to the optional topic.
   */
  @Test
  @SuppressWarnings("unchecked")
  void itCanBeOperated_logsAlarmsTracingAndTheRuntime() throws IOException {
    Map<String, Object> root;
    try (Reader reader = Files.newBufferedReader(LocalApi.home().resolve("template.yaml"))) {
      root = new Yaml(new SamTemplate.CloudFormationConstructor()).load(reader);
    }
    Map<String, Object> function = (Map<String, Object>) ((Map<String, Object>) root.get("Globals")).get("Function");
    assertThat(function.get("Runtime")).hasToString("!Ref Runtime");
    assertThat(template.parameterDefault("Runtime")).isEqualTo("java25");
    Map<String, Object> logging = (Map<String, Object>) function.get("LoggingConfig");
    assertThat(logging).containsEntry("LogFormat", "JSON");
    assertThat(logging.get("ApplicationLogLevel")).hasToString("!Ref LogLevel");
    assertThat(logging.get("LogGroup")).hasToString("!Ref FunctionLogs");
    Map<String, Object> resources = resources();
    assertThat(properties(resources, "FunctionLogs").get("RetentionInDays")).hasToString("!Ref LogRetentionDays");
    assertThat(template.parameterDefault("LogRetentionDays")).isEqualTo("30");
    String text = Files.readString(LocalApi.home().resolve("template.yaml"));
    assertThat(text).contains("    Tracing: !If [TracingOn, Active, PassThrough]",
        "      TracingEnabled: !If [TracingOn, true, false]", "  TracingOn: !Equals [!Ref Tracing, \"true\"]");
    for (String each : template.functions().keySet()) {
      Map<String, Object> own = properties(resources, each);
      assertThat(own).as(each).doesNotContainKeys("Runtime", "LoggingConfig");
    }

    Map<String, Map<String, Object>> alarms = new java.util.TreeMap<>();
    resources.forEach((id, resource) -> {
      if ("AWS::CloudWatch::Alarm".equals(((Map<String, Object>) resource).get("Type"))) {
        alarms.put(id, properties(resources, id));
      }
    });
    java.util.Set<String> watched = new java.util.TreeSet<>();
    assertThat(text.split("AlarmActions: !If \\[HasAlarmTopic, \\[!Ref AlarmTopicArn\\], !Ref AWS::NoValue\\]", -1))
        .as("every alarm goes to the topic when there is one").hasSize(alarms.size() + 1);
    alarms.values().forEach(alarm -> {
      ((List<Map<String, Object>>) alarm.get("Dimensions")).forEach(dimension ->
          watched.add(alarm.get("MetricName") + " " + dimension.get("Value")));
    });
    assertThat(watched).contains("ApproximateNumberOfMessagesVisible !GetAtt WebhookDeliveryDeadLetterQueue.QueueName",
        "ApproximateNumberOfMessagesVisible !GetAtt PromotionCodeBatchDeadLetterQueue.QueueName",
        "5XXError !Ref AWS::StackName", "Invocations !Ref ExpirySweepFunction");
    for (String background : List.of("FanOutEventsFunction", "DeliverWebhooksFunction",
        "GeneratePromotionCodesFunction", "ExpirySweepFunction")) {
      assertThat(watched).contains("Errors !Ref " + background, "Throttles !Ref " + background);
    }
    List<String> queues = resources.entrySet().stream()
        .filter(entry -> "AWS::SQS::Queue".equals(((Map<String, Object>) entry.getValue()).get("Type")))
        .map(Map.Entry::getKey).filter(id -> id.contains("DeadLetter")).toList();
    assertThat(queues).allSatisfy(queue -> assertThat(watched).anyMatch(alarm -> alarm.contains(queue + ".")));
  }

  /** The account quotas (H1.5) reach every function, and the admin function can make usage keys (H1.6). */
  @Test
  void quotasReachTheFunctions_andTheAdminFunctionMakesUsageKeysInThePlan() {
    SamTemplate.Function create = template.function("CreatePromotionCodeBatchFunction");
    assertThat(template.environment(create, Map.of())).containsEntry("BATCHES_IN_FLIGHT_PER_ACCOUNT",
        template.parameterDefault("BatchesInFlightPerAccount")).containsEntry("BATCH_CODES_PER_DAY_PER_ACCOUNT",
        template.parameterDefault("BatchCodesPerDayPerAccount"));
    SamTemplate.Function admin = template.function("AdminKeysFunction");
    assertThat(template.environment(admin, Map.of("UsagePlan", "plan1"))).containsEntry("USAGE_PLAN_ID", "plan1");
    String apiKeys = "arn:aws:apigateway:${AWS::Region}::/apikeys";
    assertThat(admin.allows("apigateway:POST", "arn:aws:apigateway:${AWS::Region}::/usageplans/${UsagePlan}/keys"))
        .isTrue();
    assertThat(template.functions().values().stream().filter(each -> each.allows("apigateway:POST", apiKeys))
        .map(SamTemplate.Function::logicalId)).containsExactly("AdminKeysFunction");
  }

  private static java.util.Set<Object> names(List<Map<String, Object>> entries, String key) {
    return entries.stream().map(entry -> entry.get(key)).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  static Path home() {
    return LocalApi.home();
  }
}
