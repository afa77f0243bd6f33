package dev.couponapi.local;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.app.App;
import dev.couponapi.app.SweepRun;
import dev.couponapi.app.WorkAccount;
import dev.couponapi.store.PromotionCodeBatchStore;
import dev.couponapi.ddblocal.DynamoDbLocalServer;
import dev.couponapi.ddblocal.EngineTurns;
import dev.couponapi.domain.ApiKeys;
import dev.couponapi.domain.Tenant;
import dev.couponapi.sam.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import dev.couponapi.app.InProcessJobQueue;
import dev.couponapi.app.JobCodec;
import dev.couponapi.service.BatchJob;
import dev.couponapi.service.DeliveryJob;
import dev.couponapi.app.WebhookSettings;
import dev.couponapi.service.RetrySchedule;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** {@code serve}: the whole API on DynamoDB Local, with the expiry sweep on the template's schedule. */
final class ServeCommand implements Command {

  static final String KEY_FILE = "local-test-key";
  /** Items a batch's transaction holds while requests come: two single-use codes (see EngineTurns). */
  static final int BUSY_WRITE_ITEMS = 12;
  /** Sweep runs that go on with an advance at once (each makes 1,000 renewals): past that, the schedule does. */
  static final int MOST_RUNS_FINISHING_AN_ADVANCE = 100;

  private static final Options.Flag PORT = Options.value("--port", "N", "the API's port (default 3000; 0 picks one)");
  private static final Options.Flag IN_MEMORY = Options.flag("--in-memory", "keep nothing when it stops");
  private static final Options.Flag API_KEY = Options.value("--api-key", "sk_test_...",
      "register this key for the local test account");
  private static final Options.Flag DYNAMODB_PORT = Options.value("--dynamodb-port", "N",
      "DynamoDB Local's port (default 8000; 0 picks one)");
  private static final Options.Flag ENDPOINT = Options.value("--endpoint", "URL",
      "use this DynamoDB (a DynamoDB Local of your own, LocalStack, AWS) instead of starting one");
  private static final Options.Flag SWEEP_EVERY = Options.value("--sweep-every", "SECONDS",
      "the expiry sweep's schedule (default: the template's SweepRateMinutes)");
  private static final Options.Flag NO_READ_CACHE = Options.flag("--no-read-cache",
      "answer every read from DynamoDB Local itself (default: repeated reads come from memory until a write)");
  private static final Options.Flag WEBHOOK_RETRIES = Options.value("--webhook-retries", "WAITS",
      "the waits between webhook attempts, e.g. 2s,2s,2s (default: docs/events.md's schedule)");

  public String name() {
    return "serve";
  }

  public String arguments() {
    return "";
  }

  public List<Options.Flag> options() {
    return List.of(PORT, LocalData.DATA, IN_MEMORY, API_KEY, DYNAMODB_PORT, SWEEP_EVERY, WEBHOOK_RETRIES, ENDPOINT,
        NO_READ_CACHE);
  }

  public int run(Options options, Context context) throws Exception {
    int port = options.intValue(PORT.name(), 3000, 0, 65535);
    int dynamoPort = options.intValue(DYNAMODB_PORT.name(), 8000, 0, 65535);
    String requestedKey = options.value(API_KEY.name());
    if (requestedKey != null && (!ApiKeys.isKeyFormat(requestedKey) || ApiKeys.isRestricted(requestedKey)
        || ApiKeys.isLive(requestedKey))) {
      throw new Options.UsageError("--api-key takes a test secret key: sk_test_ followed by 16 or more letters or "
          + "digits");
    }
    boolean inMemory = options.flag(IN_MEMORY.name());
    Path data = LocalData.directory(options, context.home());
    // read on another thread while the engine starts (its YAML parse took half a second of the main thread)
    CompletableFuture<SamTemplate> templateRead = read(context.home().resolve("template.yaml"));
    // checked now, before anything starts; without it the template's schedule, known once it is read
    Integer sweepEveryGiven = options.value(SWEEP_EVERY.name()) == null ? null
        : options.intValue(SWEEP_EVERY.name(), 0, 1, 86_400);
    // receivers on this machine are what a developer tries webhooks with: allowed here, and only here
    WebhookSettings webhooks = WebhookSettings.fromEnvironment().allowingPrivateUrls();
    String retries = options.value(WEBHOOK_RETRIES.name());
    if (retries != null) {
      try {
        webhooks = webhooks.withRetries(RetrySchedule.parse(retries));
      } catch (IllegalArgumentException invalid) {
        throw new Options.UsageError("--webhook-retries: " + invalid.getMessage());
      }
    }
    java.net.URI endpoint = LocalData.endpoint(options);
    if (endpoint != null) {
      if (inMemory || options.value(DYNAMODB_PORT.name()) != null) {
        throw new Options.UsageError("--endpoint uses that DynamoDB: it goes without --in-memory and --dynamodb-port");
      }
      DynamoDbClient dynamo = LocalData.client(endpoint);
      LocalTable.ensure(dynamo, LocalTable.NAME);
      SamTemplate template = await(templateRead);
      run(dynamo, LocalData.streamsClient(endpoint), "DynamoDB         " + endpoint + "  (table " + LocalTable.NAME
          + ", yours)", template, requestedKey, data, port, sweepEveryGiven, null, redemptions(template, false),
          webhooks, null, null, context);
      return 0;
    }
    try (DynamoDbLocalServer dynamoLocal = startDynamo(dynamoPort, inMemory ? null : data, context)) {
      // the API calls the engine in-process; the CLI and the AWS CLI reach the same data over HTTP,
      // both taking turns in it, fairly between accounts, through one read cache that every write empties
      EngineTurns turns = dynamoLocal.takeTurns();
      if (!options.flag(NO_READ_CACHE.name())) {
        dynamoLocal.cacheReads();
      }
      DynamoDbClient dynamo = dynamoLocal.inProcessClient();
      LocalTable.ensure(dynamo, LocalTable.NAME);
      SamTemplate template = await(templateRead);
      String where = "DynamoDB Local   " + dynamoLocal.endpoint() + "  (table " + LocalTable.NAME + ", "
          + (inMemory ? "in memory" : "data in " + context.home().relativize(data.toAbsolutePath())) + ")";
      run(dynamo, dynamoLocal.inProcessStreamsClient(), where, template, requestedKey, inMemory ? null : data, port,
          sweepEveryGiven, inMemory ? null : dynamoLocal.endpoint().toString(), redemptions(template, true), webhooks,
          dynamoLocal.writes(), turns, context);
    }
    return 0;
  }

  private static CompletableFuture<SamTemplate> read(Path file) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return SamTemplate.load(file);
      } catch (IOException unreadable) {
        throw new UncheckedIOException(unreadable);
      }
    });
  }

  private static SamTemplate await(CompletableFuture<SamTemplate> read) throws IOException {
    try {
      return read.join();
    } catch (CompletionException failed) {
      if (failed.getCause() instanceof UncheckedIOException unreadable) {
        throw unreadable.getCause();
      }
      throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
    }
  }

  /** --sweep-every if given, else the template's SweepRateMinutes. */
  private static int sweepEvery(Integer given, SamTemplate template) {
    return given != null ? given : 60 * Integer.parseInt(template.parameterDefault("SweepRateMinutes"));
  }

  /** Serves the API on {@code dynamo} until stopped; {@code localEndpoint} is left in the data directory for the CLI. */
  private static void run(DynamoDbClient dynamo, DynamoDbStreamsClient streams, String where, SamTemplate template,
      String requestedKey, Path data, int port, Integer sweepEveryGiven, String localEndpoint,
      dev.couponapi.app.RedemptionSettings redemptions, WebhookSettings webhooks, dev.couponapi.ddblocal.WriteWatch writes,
      EngineTurns turns, Context context) throws Exception {
    int sweepEvery = sweepEvery(sweepEveryGiven, template);
    // promotion-code batches are made, and webhooks fanned out and delivered, on threads of this
    // JVM, by the code the worker, fan-out and delivery functions run on AWS
    InProcessJobQueue<BatchJob> batchQueue = new InProcessJobQueue<>(JobCodec.BATCH, BatchJob::tenant,
        InProcessJobQueue.Settings.BATCHES, context.err());
    InProcessJobQueue<DeliveryJob> deliveryQueue = new InProcessJobQueue<>(JobCodec.DELIVERY, DeliveryJob::tenant,
        InProcessJobQueue.Settings.DELIVERIES, context.out());
    App app = new App(dynamo, LocalTable.NAME, Clock.systemUTC(), defaultVersion(template), redemptions, batchQueue,
        webhooks, deliveryQueue);
    FairFanOut fanOut = new FairFanOut(app.fanOutRun(), context.err());
    if (turns != null) {
      // the engine runs one call at a time: its time is shared fairly between accounts, requests
      // before background work (dev.couponapi.ddblocal.EngineTurns)
      turns.accountsBy(WorkAccount::current);
    }
    // a batch makes codes as fast as their events are fanned out, in small writes while requests come
    app.batchService().pacedBy(tenant -> {
      fanOut.awaitRoom(tenant);
      return turns != null && turns.requestsComing() ? BUSY_WRITE_ITEMS : PromotionCodeBatchStore.MAX_TRANSACTION_ITEMS;
    });
    batchQueue.attach(app.batchWork());
    deliveryQueue.attach(app.deliveryWork());
    String key = testKey(app, requestedKey, data);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "expiry-sweep");
      thread.setDaemon(true);
      return thread;
    });
    SweepRun sweepRun = new SweepRun(app.sweep(), context.out());
    int maxItems = Integer.parseInt(template.parameterDefault("SweepMaxItems"));
    // an advance with more renewals than its request makes is finished by sweep runs at once, not at
    // the next scheduled one: a developer advancing a test clock waits seconds, not minutes
    app.testClocks().whenLeftAdvancing((tenant, clock) -> scheduler.execute(() -> {
      for (int run = 0; run < MOST_RUNS_FINISHING_AN_ADVANCE && app.testClocks().isAdvancing(tenant, clock); run++) {
        try {
          sweepRun.run(Map.of("max_items", maxItems));
        } catch (RuntimeException failed) {
          context.err().println("expiry sweep failed: " + failed);
          return;
        }
      }
    }));
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        sweepRun.run(Map.of("max_items", maxItems));
      } catch (RuntimeException failed) {
        context.err().println("expiry sweep failed: " + failed);
      }
    }, sweepEvery, sweepEvery, TimeUnit.SECONDS);
    LocalStatsCount stats = new LocalStatsCount(app.statsRun(), context.err());
    try (batchQueue; deliveryQueue; fanOut; stats;
        LocalGateway gateway = new LocalGateway(FunctionHost.forApp(template, app), port, turns);
        StreamPoller poller = new StreamPoller(dynamo, streams, LocalTable.NAME, fanOut, stats, gateway::forgetDecisions,
            context.err(), writes).start()) {
      Path endpointFile = localEndpoint == null ? null : data.resolve(LocalData.ENDPOINT_FILE);
      if (endpointFile != null) {
        Files.writeString(endpointFile, localEndpoint);
      }
      printBanner(context, gateway, where, key, sweepEvery);
      awaitShutdown(endpointFile);
    }
  }

  private static void printBanner(Context context, LocalGateway gateway, String where, String key, int sweepEvery) {
    context.out().println("Coupons API      " + gateway.url());
    context.out().println("Dashboard        " + gateway.url() + "/dashboard/  (sign in with the test key)");
    context.out().println(where);
    context.out().println("Test key         " + key + "  (account " + LocalMain.LOCAL_ACCOUNT + ", test mode)");
    context.out().println("Expiry sweep     every " + sweepEvery + " s  (./run-local sweep runs one now)");
    context.out().println("Webhooks         from the table's stream, to /v1/webhook_endpoints (http://127.0.0.1 allowed here)");
    context.out().println();
    context.out().println("Try:  curl " + gateway.url() + "/v1/coupons -u " + key
        + ": -d percent_off=25 -d duration=once");
    context.out().println("Stop with Ctrl-C.");
    context.out().flush();
  }

  private static void awaitShutdown(Path endpointFile) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        if (endpointFile != null) {
          Files.deleteIfExists(endpointFile);
        }
      } catch (IOException ignored) {
        // the next start overwrites it
      }
      stopped.countDown();
    }));
    stopped.await();
  }

  private static DynamoDbLocalServer startDynamo(int port, Path data, Context context) {
    try {
      return data == null ? DynamoDbLocalServer.inMemory(port) : DynamoDbLocalServer.persistent(port, data);
    } catch (IllegalStateException portTaken) {
      if (port == 0) {
        throw portTaken;
      }
      context.err().println("DynamoDB Local could not use port " + port + "; using a free port instead.");
      return data == null ? DynamoDbLocalServer.inMemory(0) : DynamoDbLocalServer.persistent(0, data);
    }
  }

  /** The key to print: --api-key if given, else the one kept in the data directory, else a new one. */
  private static String testKey(App app, String requested, Path data) throws IOException {
    Tenant tenant = new Tenant(LocalMain.LOCAL_ACCOUNT, false);
    if (requested != null) {
      app.apiKeys().register(requested, tenant);
      return requested;
    }
    Path keyFile = data == null ? null : data.resolve(KEY_FILE);
    if (keyFile != null && Files.exists(keyFile)) {
      String kept = Files.readString(keyFile).trim();
      if (app.apiKeyStore().find(kept).isPresent()) {
        return kept;
      }
    }
    String key = app.apiKeys().mint(tenant, null);
    if (keyFile != null) {
      Files.createDirectories(keyFile.getParent());
      Files.writeString(keyFile, key);
    }
    return key;
  }

  /**
   * template.yaml's RedemptionShards and RedemptionTermsCacheMs, unless the environment says
   * otherwise; on its own DynamoDB Local ({@code embedded}) one shard per counter, since an engine
   * without partitions gains nothing from more and every shard is an item more to write and read
   * (bench/JOURNAL.md, the local runner against localstripe). Redemptions behave the same either way.
   */
  private static dev.couponapi.app.RedemptionSettings redemptions(SamTemplate template, boolean embedded) {
    SamTemplate.Function any = template.functions().values().iterator().next();
    Map<String, String> environment = template.environment(any, Map.of());
    return dev.couponapi.app.RedemptionSettings.fromEnvironment(embedded ? "1"
        : environment.getOrDefault("REDEMPTION_SHARDS", Integer.toString(dev.couponapi.store.CounterShards.DEFAULT_SHARDS)),
        environment.getOrDefault("REDEMPTION_TERMS_CACHE_MS",
            Integer.toString(dev.couponapi.app.RedemptionSettings.DEFAULT_TERMS_CACHE_MS)));
  }

  private static ApiVersion defaultVersion(SamTemplate template) {
    SamTemplate.Function any = template.functions().values().iterator().next();
    String version = template.environment(any, Map.of()).get("DEFAULT_API_VERSION");
    return ApiVersion.parse(version == null ? ApiVersion.FALLBACK : version);
  }
}
