package dev.couponapi.app;

import dev.couponapi.http.Pipeline;
import dev.couponapi.http.Idempotency;
import dev.couponapi.http.RequestLog;
import dev.couponapi.http.CouponOperations;
import dev.couponapi.http.EventOperations;
import dev.couponapi.http.WebhookEndpointOperations;
import dev.couponapi.http.PromotionCodeOperations;
import dev.couponapi.http.PromotionCodeBatchOperations;
import dev.couponapi.http.CustomerOperations;
import dev.couponapi.http.SubscriptionOperations;
import dev.couponapi.http.InvoiceOperations;
import dev.couponapi.service.ApiKeyService;
import dev.couponapi.service.CouponService;
import dev.couponapi.service.EventService;
import dev.couponapi.service.Events;
import dev.couponapi.service.DeliveryQueue;
import dev.couponapi.service.WebhookDeliveries;
import dev.couponapi.service.WebhookEndpointService;
import dev.couponapi.service.WebhookFanOut;
import dev.couponapi.service.WebhookUrls;
import dev.couponapi.service.CustomerService;
import dev.couponapi.service.DiscountService;
import dev.couponapi.service.ExpirySweep;
import dev.couponapi.service.PreviewService;
import dev.couponapi.service.SubscriptionService;
import dev.couponapi.service.PromotionCodeService;
import dev.couponapi.service.BatchQueue;
import dev.couponapi.service.CodeTexts;
import dev.couponapi.service.PromotionCodeBatchService;
import dev.couponapi.store.PromotionCodeBatchStore;
import dev.couponapi.store.ApiKeyStore;
import dev.couponapi.store.CouponStore;
import dev.couponapi.store.EventStore;
import dev.couponapi.store.WebhookDeliveryStore;
import dev.couponapi.store.WebhookEndpointStore;
import dev.couponapi.wire.EventRenderer;
import dev.couponapi.wire.Json;
import dev.couponapi.store.CustomerStore;
import dev.couponapi.store.ExpiryQueue;
import dev.couponapi.store.PromotionCodeStore;
import dev.couponapi.store.SubscriptionStore;
import dev.couponapi.store.IdempotencyStore;
import dev.couponapi.api.ApiVersion;
import dev.couponapi.http.Operation;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import java.time.Clock;
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
  private final Pipeline pipeline;
  private final CouponOperations coupons;
  private final EventService eventLog;
  private final EventOperations events;
  private final WebhookEndpointOperations webhookEndpoints;
  private final DeliveryQueue deliveryQueue;
  private final WebhookFanOut fanOut;
  private final WebhookDeliveries deliveries;
  private final PromotionCodeOperations promotionCodes;
  private final PromotionCodeBatchService batchService;
  private final PromotionCodeBatchOperations batches;
  private final BatchQueue batchQueue;
  private final CustomerOperations customers;
  private final SubscriptionOperations subscriptions;
  private final ExpirySweep sweep;
  /** Held here because the CRaC context holds its resources weakly. */
  private final Priming priming;
  private final InvoiceOperations invoices;
  private final ApiKeyStore apiKeyStore;
  private final ApiKeyService apiKeys;

  public App(DynamoDbClient dynamo, String tableName, Clock clock, ApiVersion defaultVersion) {
    this(dynamo, tableName, clock, defaultVersion, RedemptionSettings.fromEnvironment());
  }

  /** {@code redemptions}: the shards of new counters, and how long terms are kept (docs/design.md, "Hot codes"). */
  public App(DynamoDbClient dynamo, String tableName, Clock clock, ApiVersion defaultVersion,
      RedemptionSettings redemptions) {
    this(dynamo, tableName, clock, defaultVersion, redemptions, SqsBatchQueue.fromEnvironment());
  }

  /** {@code batchQueue}: where promotion-code batches are handed to a worker (SQS on AWS, a thread locally). */
  public App(DynamoDbClient dynamo, String tableName, Clock clock, ApiVersion defaultVersion,
      RedemptionSettings redemptions, BatchQueue batchQueue) {
    this(dynamo, tableName, clock, defaultVersion, redemptions, batchQueue, WebhookSettings.fromEnvironment(),
        SqsDeliveryQueue.fromEnvironment());
  }

  /**
   * {@code webhooks}: which URLs endpoints may name and when deliveries are retried;
   * {@code deliveryQueue}: where deliveries wait for the delivery worker (SQS on AWS, a scheduler locally).
   */
  public App(DynamoDbClient dynamo, String tableName, Clock clock, ApiVersion defaultVersion,
      RedemptionSettings redemptions, BatchQueue batchQueue, WebhookSettings webhooks, DeliveryQueue deliveryQueue) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.clock = clock;
    this.pipeline = new Pipeline(defaultVersion, clock, new Idempotency(new IdempotencyStore(dynamo, tableName),
        clock), new RequestLog(System.out));
    CouponStore couponStore = new CouponStore(dynamo, tableName, redemptions.shardsPerCounter());
    EventStore eventStore = new EventStore(dynamo, tableName);
    Events events = new Events(eventStore);
    this.eventLog = new EventService(eventStore);
    this.events = new EventOperations(eventLog);
    WebhookEndpointStore endpointStore = new WebhookEndpointStore(dynamo, tableName);
    WebhookUrls urls = new WebhookUrls(webhooks.allowPrivateUrls());
    this.webhookEndpoints = new WebhookEndpointOperations(new WebhookEndpointService(endpointStore, urls));
    WebhookDeliveryStore deliveryStore = new WebhookDeliveryStore(dynamo, tableName);
    this.deliveryQueue = deliveryQueue;
    this.fanOut = new WebhookFanOut(eventStore, endpointStore, deliveryStore, deliveryQueue);
    this.deliveries = new WebhookDeliveries(eventStore, endpointStore, deliveryStore,
        new HttpWebhookSender(urls, webhooks.timeout()), webhooks.retries(),
        event -> version -> Json.write(EventRenderer.render(event, version, event.pendingOrZero())), clock,
        java.util.concurrent.ThreadLocalRandom.current()::nextDouble);
    this.coupons = new CouponOperations(new CouponService(couponStore, events));
    CustomerStore customerStore = new CustomerStore(dynamo, tableName);
    PromotionCodeStore codeStore = new PromotionCodeStore(dynamo, tableName, couponStore,
        redemptions.shardsPerCounter());
    SubscriptionStore subscriptionStore = new SubscriptionStore(dynamo, tableName, customerStore);
    DiscountService discounts = new DiscountService(couponStore, codeStore, redemptions.termsCache());
    PromotionCodeService codeService = new PromotionCodeService(codeStore, couponStore, customerStore, events);
    this.promotionCodes = new PromotionCodeOperations(codeService);
    this.batchService = new PromotionCodeBatchService(new PromotionCodeBatchStore(dynamo, tableName, couponStore,
        codeStore), couponStore, codeService, batchQueue, CodeTexts.random(), clock, events, defaultVersion.value());
    this.batches = new PromotionCodeBatchOperations(batchService);
    this.batchQueue = batchQueue;
    SubscriptionService subscriptionService = new SubscriptionService(subscriptionStore, customerStore, discounts,
        events);
    this.customers = new CustomerOperations(new CustomerService(customerStore, subscriptionStore, discounts, events,
        subscriptionService), discounts);
    this.subscriptions = new SubscriptionOperations(subscriptionService, discounts);
    this.invoices = new InvoiceOperations(new PreviewService(customerStore, subscriptionStore, discounts));
    this.sweep = new ExpirySweep(new ExpiryQueue(dynamo, tableName), couponStore, codeStore, customerStore,
        subscriptionStore, batchService, clock, events, defaultVersion.value());
    this.priming = Priming.register(this);
    this.apiKeyStore = new ApiKeyStore(dynamo, tableName);
    this.apiKeys = new ApiKeyService(apiKeyStore, clock);
  }

  /**
   * Within template.yaml's function Timeout (10 s), with room to write the error response;
   * DYNAMODB_CALL_TIMEOUT_MS / DYNAMODB_ATTEMPT_TIMEOUT_MS change them (fault tests shorten them).
   */
  public static java.time.Duration callTimeout() {
    return timeout("DYNAMODB_CALL_TIMEOUT_MS", 8000);
  }

  public static java.time.Duration attemptTimeout() {
    return timeout("DYNAMODB_ATTEMPT_TIMEOUT_MS", 3000);
  }

  static final java.time.Duration CONNECT_TIMEOUT = java.time.Duration.ofSeconds(2);

  private static java.time.Duration timeout(String name, long fallbackMillis) {
    return java.time.Duration.ofMillis(Long.parseLong(Env.get(name, Long.toString(fallbackMillis))));
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
    return Stream.of(coupons.all(), promotionCodes.all(), batches.all(), customers.all(), subscriptions.all(),
            invoices.all(), events.all(), webhookEndpoints.all())
        .flatMap(List::stream).toList();
  }

  /** The operation the function {@code functionId} of template.yaml serves. */
  public Operation operation(String functionId) {
    return operations().stream().filter(operation -> operation.functionId().equals(functionId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no API operation is served by " + functionId));
  }

  public CouponOperations coupons() {
    return coupons;
  }

  public EventOperations events() {
    return events;
  }

  /** The events themselves, for ./run-local events. */
  public EventService eventLog() {
    return eventLog;
  }

  public WebhookEndpointOperations webhookEndpoints() {
    return webhookEndpoints;
  }

  /** What the fan-out function runs for each new event. */
  public WebhookFanOut fanOut() {
    return fanOut;
  }

  /** What the delivery function runs for each delivery. */
  public WebhookDeliveries deliveries() {
    return deliveries;
  }

  /**
   * How the delivery function waits a retry out: the SQS queue's message visibility. Locally
   * (and in tests) the queue waits retries out itself, so there is nothing to postpone.
   */
  public DeliveryRun.Postponer postponer() {
    return deliveryQueue instanceof DeliveryRun.Postponer sqs ? sqs : (receiptHandle, wait) -> { };
  }

  public PromotionCodeOperations promotionCodes() {
    return promotionCodes;
  }

  public PromotionCodeBatchOperations batches() {
    return batches;
  }

  /** What the batch worker runs: a batch's codes, chunk by chunk. */
  public PromotionCodeBatchService batchWork() {
    return batchService;
  }

  public BatchQueue batchQueue() {
    return batchQueue;
  }

  public CustomerOperations customers() {
    return customers;
  }

  public SubscriptionOperations subscriptions() {
    return subscriptions;
  }

  public InvoiceOperations invoices() {
    return invoices;
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
