package dev.couponapi.app;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.domain.EventTypes;
import dev.couponapi.http.CouponResource;
import dev.couponapi.http.CustomerResource;
import dev.couponapi.http.EventResource;
import dev.couponapi.http.Idempotency;
import dev.couponapi.http.InvoiceItemResource;
import dev.couponapi.http.InvoiceResource;
import dev.couponapi.http.TestClockResource;
import dev.couponapi.http.SubscriptionItemResource;
import dev.couponapi.http.KeyPermissionsResource;
import dev.couponapi.http.Operation;
import dev.couponapi.http.Pipeline;
import dev.couponapi.http.PromotionCodeBatchResource;
import dev.couponapi.http.PromotionCodeResource;
import dev.couponapi.http.RequestLog;
import dev.couponapi.http.Resource;
import dev.couponapi.http.SubscriptionResource;
import dev.couponapi.http.WebhookEndpointResource;
import dev.couponapi.service.ApiKeyService;
import dev.couponapi.service.AuthorizerDecisions;
import dev.couponapi.service.UsageKeys;
import dev.couponapi.service.Metrics;
import dev.couponapi.service.BatchJob;
import dev.couponapi.service.CodeTexts;
import dev.couponapi.service.CouponService;
import dev.couponapi.service.CustomerService;
import dev.couponapi.service.DeliveryJob;
import dev.couponapi.service.DiscountService;
import dev.couponapi.service.EventService;
import dev.couponapi.service.Events;
import dev.couponapi.service.ExpirySweep;
import dev.couponapi.service.InvoiceItemService;
import dev.couponapi.service.ClockTime;
import dev.couponapi.service.CustomerService;
import dev.couponapi.service.InvoiceService;
import dev.couponapi.service.TestClockService;
import dev.couponapi.service.SubscriptionItemService;
import dev.couponapi.service.JobQueue;
import dev.couponapi.service.PreviewService;
import dev.couponapi.service.PromotionCodeBatchService;
import dev.couponapi.service.PromotionCodeService;
import dev.couponapi.service.SubscriptionService;
import dev.couponapi.service.WebhookDeliveries;
import dev.couponapi.service.WebhookEndpointService;
import dev.couponapi.service.WebhookFanOut;
import dev.couponapi.service.CouponStatsService;
import dev.couponapi.store.CouponStatsStore;
import dev.couponapi.service.WebhookUrls;
import dev.couponapi.store.ApiKeyStore;
import dev.couponapi.store.CouponStore;
import dev.couponapi.store.CustomerStore;
import dev.couponapi.store.EventSnapshots;
import dev.couponapi.store.EventStore;
import dev.couponapi.store.ExpiryQueue;
import dev.couponapi.store.InvoiceItemStore;
import dev.couponapi.store.InvoiceStore;
import dev.couponapi.store.TestClockStore;
import dev.couponapi.store.IdempotencyStore;
import dev.couponapi.store.PromotionCodeBatchStore;
import dev.couponapi.store.PromotionCodeStore;
import dev.couponapi.store.SubscriptionStore;
import dev.couponapi.store.WebhookDeliveryStore;
import dev.couponapi.store.WebhookEndpointStore;
import dev.couponapi.wire.EventRenderer;
import dev.couponapi.wire.Json;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Everything a container needs, built once: the DynamoDB client, stores, services, the pipeline.
 * Lambda handlers share one instance per JVM through {@link #fromEnvironment()}.
 */
public final class App {

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final Clock clock;
  /** Counts for a dashboard, as embedded-metric log lines (docs/operations.md, "Metrics"). */
  private final Metrics metrics;
  private final Pipeline pipeline;
  /** Test clocks: their advances go on in the sweep. */
  private final TestClockService clocks;

  /** The API's resources, in the order of template.yaml's functions: each brings its operations and events. */
  private final List<Resource> resources;
  private final EventTypes eventTypes;
  private final EventRenderer eventRenderer;
  private final EventService eventLog;
  private final JobQueue<DeliveryJob> deliveryQueue;
  private final WebhookFanOut fanOut;
  private final CouponStatsService stats;
  private final WebhookDeliveries deliveries;
  private final PromotionCodeBatchService batchService;
  private final JobQueue<BatchJob> batchQueue;
  private final ExpirySweep sweep;
  private final ApiKeyStore apiKeyStore;
  private final ApiKeyService apiKeys;
  /** Held here because the CRaC context holds its resources weakly. */
  private final Priming priming;

  public App(DynamoDbClient dynamo, String tableName, Clock clock, ApiVersion defaultVersion) {
    this(dynamo, tableName, clock, defaultVersion, RedemptionSettings.fromEnvironment());
  }

  /** {@code redemptions}: the shards of new counters, and how long terms are kept (docs/design.md, "Hot codes"). */
  public App(DynamoDbClient dynamo, String tableName, Clock clock, ApiVersion defaultVersion,
      RedemptionSettings redemptions) {
    this(dynamo, tableName, clock, defaultVersion, redemptions, SqsJobQueue.tolerating(
        SqsJobQueue.fromEnvironment("BATCH_QUEUE_URL", JobCodec.BATCH, JobQueue.missing("BATCH_QUEUE_URL")),
        "promotion_code_batches.enqueue", "the expiry sweep resumes this batch once it counts as stalled", System.out));
  }

  /** {@code batchQueue}: where promotion-code batches are handed to a worker (SQS on AWS, a thread locally). */
  public App(DynamoDbClient dynamo, String tableName, Clock clock, ApiVersion defaultVersion,
      RedemptionSettings redemptions, JobQueue<BatchJob> batchQueue) {
    this(dynamo, tableName, clock, defaultVersion, redemptions, batchQueue, WebhookSettings.fromEnvironment(),
        SqsJobQueue.fromEnvironment("WEBHOOK_QUEUE_URL", JobCodec.DELIVERY, JobQueue.missing("WEBHOOK_QUEUE_URL")));
  }

  /**
   * {@code webhooks}: which URLs endpoints may name and when deliveries are retried;
   * {@code deliveryQueue}: where deliveries wait for the delivery worker (SQS on AWS, a scheduler locally).
   */
  public App(DynamoDbClient dynamo, String tableName, Clock clock, ApiVersion defaultVersion,
      RedemptionSettings redemptions, JobQueue<BatchJob> batchQueue, WebhookSettings webhooks,
      JobQueue<DeliveryJob> deliveryQueue) {
    this(dynamo, tableName, clock, defaultVersion, redemptions, batchQueue, webhooks, deliveryQueue,
        metricsFromEnvironment(clock));
  }

  /**
   * In Lambda, counts as embedded-metric-format lines on stdout, which CloudWatch turns into metrics;
   * elsewhere (serve, benchmarks, tests) nothing: a JSON line per redemption would only fill the console.
   */
  static Metrics metricsFromEnvironment(Clock clock) {
    return Env.get("AWS_LAMBDA_FUNCTION_NAME") != null ? new EmfMetrics(System.out, clock) : Metrics.NONE;
  }

  /** {@code metrics}: where redemptions, refusals and deliveries are counted (docs/operations.md, "Metrics"). */
  public App(DynamoDbClient dynamo, String tableName, Clock clock, ApiVersion defaultVersion,
      RedemptionSettings redemptions, JobQueue<BatchJob> batchQueue, WebhookSettings webhooks,
      JobQueue<DeliveryJob> deliveryQueue, Metrics metrics) {
    this.metrics = metrics;
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.clock = clock;
    this.batchQueue = batchQueue;
    this.deliveryQueue = deliveryQueue;
    // the event store and renderer learn each kind of event object from the resources, below
    EventSnapshots snapshots = new EventSnapshots();
    this.eventRenderer = new EventRenderer();
    EventStore eventStore = new EventStore(dynamo, tableName, snapshots);
    Events events = new Events(eventStore);
    this.pipeline = new Pipeline(defaultVersion, clock, new Idempotency(new IdempotencyStore(dynamo, tableName),
        clock), events, new RequestLog(System.out));

    CouponStore couponStore = new CouponStore(dynamo, tableName, redemptions.shardsPerCounter());
    CustomerStore customerStore = new CustomerStore(dynamo, tableName);
    PromotionCodeStore codeStore = new PromotionCodeStore(dynamo, tableName, couponStore,
        redemptions.shardsPerCounter());
    InvoiceItemStore invoiceItemStore = new InvoiceItemStore(dynamo, tableName, customerStore);
    InvoiceStore invoiceStore = new InvoiceStore(dynamo, tableName, invoiceItemStore, customerStore);
    SubscriptionStore subscriptionStore = new SubscriptionStore(dynamo, tableName, customerStore, invoiceStore);
    DiscountService discounts = new DiscountService(couponStore, codeStore, redemptions.termsCache(), metrics,
        customerStore::hasPaidInvoice);
    PromotionCodeService codeService = new PromotionCodeService(codeStore, couponStore, customerStore);
    this.batchService = new PromotionCodeBatchService(new PromotionCodeBatchStore(dynamo, tableName, couponStore,
        codeStore, AccountLimits.fromEnvironment()), couponStore, codeService, batchQueue, CodeTexts.random(), clock, events, defaultVersion.value());
    InvoiceService invoiceService = new InvoiceService(invoiceStore, invoiceItemStore, subscriptionStore,
        customerStore, discounts);
    SubscriptionItemService subscriptionItems = new SubscriptionItemService(subscriptionStore, discounts);
    TestClockStore clockStore = new TestClockStore(dynamo, tableName);
    ClockTime clockTime = new ClockTime(clockStore);
    SubscriptionService subscriptionService = new SubscriptionService(subscriptionStore, customerStore, discounts,
        invoiceService, subscriptionItems, clockTime);
    CustomerService customerService = new CustomerService(customerStore, subscriptionStore, discounts,
        subscriptionService, clockTime);
    this.clocks = new TestClockService(clockStore, customerStore, subscriptionStore, invoiceService, customerService);
    this.stats = new CouponStatsService(new CouponStatsStore(dynamo, tableName), eventStore, couponStore, codeStore);
    List<Resource> recording = List.of(
        new CouponResource(new CouponService(couponStore), stats),
        new PromotionCodeResource(codeService, stats),
        new PromotionCodeBatchResource(batchService),
        new CustomerResource(customerService, discounts),
        new SubscriptionResource(subscriptionService, discounts),
        new SubscriptionItemResource(subscriptionItems),
        new InvoiceResource(new PreviewService(customerStore, subscriptionStore, discounts), invoiceService),
        new InvoiceItemResource(new InvoiceItemService(invoiceItemStore, customerStore, subscriptionStore, discounts)),
        new TestClockResource(clocks));
    recording.forEach(resource -> resource.events().forEach(kind -> kind.register(snapshots, eventRenderer)));
    this.eventTypes = new EventTypes(recording.stream().flatMap(resource -> resource.events().stream())
        .flatMap(kind -> kind.types().stream()).toList());

    this.eventLog = new EventService(eventStore);
    WebhookEndpointStore endpointStore = new WebhookEndpointStore(dynamo, tableName);
    WebhookUrls urls = new WebhookUrls(webhooks.allowPrivateUrls());
    this.resources = Stream.concat(recording.stream(), Stream.of(
        new EventResource(eventLog, eventRenderer, eventTypes),
        new WebhookEndpointResource(new WebhookEndpointService(endpointStore, urls), eventTypes),
        new KeyPermissionsResource())).toList();

    WebhookDeliveryStore deliveryStore = new WebhookDeliveryStore(dynamo, tableName);
    this.fanOut = new WebhookFanOut(eventStore, endpointStore, deliveryStore, deliveryQueue);
    this.deliveries = new WebhookDeliveries(eventStore, endpointStore, deliveryStore,
        new HttpWebhookSender(urls, webhooks.timeout()), webhooks.retries(),
        event -> version -> Json.write(eventRenderer.render(event, version, event.pendingOrZero())), clock,
        java.util.concurrent.ThreadLocalRandom.current()::nextDouble);
    this.sweep = new ExpirySweep(new ExpiryQueue(dynamo, tableName), couponStore, codeStore, customerStore,
        subscriptionStore, invoiceService, clocks, batchService, clock, events, defaultVersion.value());
    this.apiKeyStore = new ApiKeyStore(dynamo, tableName);
    java.util.Optional<ApiGatewayManagement> gateway = ApiGatewayManagement.fromEnvironment();
    this.apiKeys = new ApiKeyService(apiKeyStore, gateway.map(UsageKeys.class::cast).orElse(UsageKeys.NONE),
        gateway.map(AuthorizerDecisions.class::cast).orElse(AuthorizerDecisions.NONE), clock);
    this.priming = Priming.register(this);
  }

  /**
   * Within template.yaml's function Timeout (10 s), with room to write the error response;
   * DYNAMODB_CALL_TIMEOUT_MS / DYNAMODB_ATTEMPT_TIMEOUT_MS change them (fault tests shorten them).
   */
  public static Duration callTimeout() {
    return timeout("DYNAMODB_CALL_TIMEOUT_MS", 8000);
  }

  public static Duration attemptTimeout() {
    return timeout("DYNAMODB_ATTEMPT_TIMEOUT_MS", 3000);
  }

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  private static Duration timeout(String name, long fallbackMillis) {
    return Duration.ofMillis(Long.parseLong(Env.get(name, Long.toString(fallbackMillis))));
  }

  private static final class Holder {
    static final App INSTANCE = new App(dynamoFromEnvironment(), requireTableName(), Clock.systemUTC(),
        ApiVersion.parse(Env.get("DEFAULT_API_VERSION", ApiVersion.FALLBACK)));
  }

  /** The container's single App, configured by TABLE_NAME, DEFAULT_API_VERSION and the AWS settings. */
  public static App fromEnvironment() {
    return Holder.INSTANCE;
  }

  private static String requireTableName() {
    String name = Env.get("TABLE_NAME");
    if (name == null) {
      throw new IllegalStateException("TABLE_NAME is not set");
    }
    return name;
  }

  /**
   * A client for the configured region and endpoint. No endpoint is hard-coded: LocalStack or
   * DynamoDB Local come in through AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL.
   */
  public static DynamoDbClient dynamoFromEnvironment() {
    String endpoint = Env.get("AWS_ENDPOINT_URL_DYNAMODB", Env.get("AWS_ENDPOINT_URL"));
    return dynamoFor(endpoint == null ? null : URI.create(endpoint));
  }

  /** The same client for an explicit endpoint (null: the region's), e.g. ./run-local's --endpoint. */
  public static DynamoDbClient dynamoFor(URI endpoint) {
    DynamoDbClientBuilder builder = DynamoDbClient.builder()
        .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(attemptTimeout())
            .build())
        // a call, retries included, ends before the function's 10 s do, so a response is always written
        .overrideConfiguration(config -> config.apiCallTimeout(callTimeout()).apiCallAttemptTimeout(attemptTimeout()))
        // Lambda puts credentials in the environment: look there first, skip the slow profile chain
        .credentialsProvider(AwsCredentialsProviderChain.of(
            EnvironmentVariableCredentialsProvider.create(),
            SystemPropertyCredentialsProvider.create(),
            DefaultCredentialsProvider.builder().build()));
    String region = Env.get("AWS_REGION");
    if (region != null) {
      builder.region(Region.of(region));
    }
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  public Pipeline pipeline() {
    return pipeline;
  }

  /** Every API operation with its route, in the order of template.yaml's functions. */
  public List<Operation> operations() {
    return resources.stream().flatMap(resource -> resource.operations().stream()
        .map(operation -> operation.inGroup(resource.group()))).toList();
  }

  /** The operation the function {@code functionId} of template.yaml serves. */
  public Operation operation(String functionId) {
    return operations().stream().filter(operation -> operation.functionId().equals(functionId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no API operation is served by " + functionId));
  }

  /** The registered resource of this type (benchmarks and tests call its operations by name). */
  public <R extends Resource> R resource(Class<R> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no resource " + type.getSimpleName() + " is registered"));
  }

  /** Every event type the resources record. */
  public EventTypes eventTypes() {
    return eventTypes;
  }

  /** How events render, for ./run-local events. */
  public EventRenderer eventRenderer() {
    return eventRenderer;
  }

  /** The events themselves, for ./run-local events. */
  public EventService eventLog() {
    return eventLog;
  }

  /** What the fan-out function runs for each new event. */
  public WebhookFanOut fanOut() {
    return fanOut;
  }

  /** What the delivery function runs for each delivery. */
  public WebhookDeliveries deliveries() {
    return deliveries;
  }

  /** One attempt of a delivery: what the delivery function and serve's delivery queue run. */
  public BackgroundWork<DeliveryJob> deliveryWork() {
    return new DeliveryWork(deliveries, metrics);
  }

  /** A batch's codes, while there is time: what the worker function and serve's batch queue run. */
  public BackgroundWork<BatchJob> batchWork() {
    return new BatchWork(batchService, batchQueue);
  }

  /** The fan-out function's run over a stream batch. */
  public RecordBatchRun<FanOutWork.NewEvent> fanOutRun() {
    return new RecordBatchRun<>(FanOutWork.STREAM, new FanOutWork(fanOut), RecordBatchRun.Postponer.NONE, clock,
        System.out);
  }

  /** The coupon statistics' run over a stream batch (docs/api.md §2.9). */
  public RecordBatchRun<FanOutWork.NewEvent> statsRun() {
    return new RecordBatchRun<>(FanOutWork.STREAM, new CouponStatsWork(stats, clock), RecordBatchRun.Postponer.NONE,
        clock, System.out);
  }

  /** The delivery function's run over an SQS batch: a retry waits as its message's visibility. */
  public RecordBatchRun<DeliveryJob> deliveryRun() {
    return new RecordBatchRun<>(RecordBatchRun.sqs(JobCodec.DELIVERY), deliveryWork(),
        deliveryQueue instanceof RecordBatchRun.Postponer sqs ? sqs : RecordBatchRun.Postponer.NONE, clock, System.out);
  }

  /** The batch worker function's run over an SQS batch. */
  public RecordBatchRun<BatchJob> batchRun() {
    return new RecordBatchRun<>(RecordBatchRun.sqs(JobCodec.BATCH), batchWork(), RecordBatchRun.Postponer.NONE, clock,
        System.out);
  }

  /** The batches themselves, for tests that work one job by hand. */
  public PromotionCodeBatchService batchService() {
    return batchService;
  }

  /** Runs the SnapStart priming now (what a checkpoint would run). */
  public void prime() {
    priming.prime();
  }

  public ExpirySweep sweep() {
    return sweep;
  }

  public ApiKeyStore apiKeyStore() {
    return apiKeyStore;
  }

  /** The time every part of the app runs on (tests move it). */
  /** Test clocks: what serve needs to finish an advance the request left unfinished at once. */
  public TestClockService testClocks() {
    return clocks;
  }

  public Clock clock() {
    return clock;
  }

  public ApiKeyService apiKeys() {
    return apiKeys;
  }

  public DynamoDbClient dynamo() {
    return dynamo;
  }

  public String tableName() {
    return tableName;
  }
}
