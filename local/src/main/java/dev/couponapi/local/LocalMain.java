package dev.couponapi.local;

import dev.couponapi.sam.SamTemplate;

import dev.couponapi.ddblocal.DynamoDbLocalServer;
import dev.couponapi.domain.Tenant;
import dev.couponapi.app.App;
import dev.couponapi.app.SweepRun;
import dev.couponapi.api.ApiVersion;
import dev.couponapi.wire.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./run-local}: {@code serve} runs the whole API on DynamoDB Local, {@code invoke} runs one
 * function with an event file as {@code sam local invoke} would, {@code keys create} mints a key.
 */
public final class LocalMain {

  static final String LOCAL_ACCOUNT = "acct_local";
  static final String ENDPOINT_FILE = "serve.endpoint";
  static final String KEY_FILE = "local-test-key";

  private final Path home;
  private final PrintStream out;
  private final PrintStream err;

  LocalMain(Path home, PrintStream out, PrintStream err) {
    this.home = home;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) throws Exception {
    Path home = Path.of(System.getProperty("couponapi.home", ".")).toAbsolutePath().normalize();
    int status = new LocalMain(home, System.out, System.err).run(new Options(args));
    if (status != 0) {
      System.exit(status);
    }
  }

  int run(Options options) throws Exception {
    String command = options.positional(0);
    if (command == null || options.flag("--help")) {
      out.println(USAGE);
      return command == null ? 2 : 0;
    }
    switch (command) {
      case "serve":
        return serve(options);
      case "invoke":
        return invoke(options);
      case "keys":
        return keys(options);
      case "sweep":
        return sweep(options);
      default:
        err.println("unknown command: " + command);
        err.println(USAGE);
        return 2;
    }
  }

  private int serve(Options options) throws Exception {
    int port = options.intValue("--port", 3000);
    boolean inMemory = options.flag("--in-memory");
    Path data = dataDir(options);
    int dynamoPort = options.intValue("--dynamodb-port", 8000);
    SamTemplate template = SamTemplate.load(home.resolve("template.yaml"));
    try (DynamoDbLocalServer dynamoLocal = startDynamo(dynamoPort, inMemory ? null : data)) {
      DynamoDbClient dynamo = dynamoLocal.client();
      LocalTable.ensure(dynamo, LocalTable.NAME);
      App app = new App(dynamo, LocalTable.NAME, Clock.systemUTC(), defaultVersion(template));
      String key = testKey(app, options.value("--api-key"), inMemory ? null : data);
      int sweepEvery = options.intValue("--sweep-every",
          60 * Integer.parseInt(template.parameterDefault("SweepRateMinutes")));
      java.util.concurrent.ScheduledExecutorService scheduler = java.util.concurrent.Executors
          .newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "expiry-sweep");
            thread.setDaemon(true);
            return thread;
          });
      SweepRun sweepRun = new SweepRun(app.sweep(), out);
      scheduler.scheduleWithFixedDelay(() -> {
        try {
          sweepRun.run(Map.of("max_items", Integer.parseInt(template.parameterDefault("SweepMaxItems"))));
        } catch (RuntimeException failed) {
          err.println("expiry sweep failed: " + failed);
        }
      }, sweepEvery, sweepEvery, java.util.concurrent.TimeUnit.SECONDS);
      try (LocalGateway gateway = new LocalGateway(FunctionHost.forApp(template, app), port)) {
        Path endpointFile = inMemory ? null : data.resolve(ENDPOINT_FILE);
        if (endpointFile != null) {
          Files.writeString(endpointFile, dynamoLocal.endpoint().toString());
        }
        out.println("Coupons API      " + gateway.url());
        out.println("DynamoDB Local   " + dynamoLocal.endpoint() + "  (table " + LocalTable.NAME + ", "
            + (inMemory ? "in memory" : "data in " + home.relativize(data.toAbsolutePath())) + ")");
        out.println("Test key         " + key + "  (account " + LOCAL_ACCOUNT + ", test mode)");
        out.println("Expiry sweep     every " + sweepEvery + " s  (./run-local sweep runs one now)");
        out.println();
        out.println("Try:  curl " + gateway.url() + "/v1/coupons -u " + key + ": -d percent_off=25 -d duration=once");
        out.println("Stop with Ctrl-C.");
        out.flush();
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
    }
    return 0;
  }

  private int invoke(Options options) throws Exception {
    String functionId = options.positional(1);
    String eventFile = options.value("-e", options.value("--event", null));
    if (functionId == null || eventFile == null) {
      err.println("usage: ./run-local invoke <FunctionLogicalId> -e events/<file>.json [--endpoint URL]");
      return 2;
    }
    SamTemplate template = SamTemplate.load(home.resolve("template.yaml"));
    template.function(functionId);
    byte[] event = Files.readAllBytes(Path.of(eventFile));
    Json.readObject(new String(event, StandardCharsets.UTF_8));
    return withDynamo(options, endpoint -> {
      System.setProperty("AWS_ENDPOINT_URL_DYNAMODB", endpoint.toString());
      System.setProperty("aws.region", "us-east-1");
      System.setProperty("aws.accessKeyId", "local");
      System.setProperty("aws.secretAccessKey", "local");
      FunctionHost host = FunctionHost.fromEnvironment(template, Map.of("Table", LocalTable.NAME));
      out.println(new String(host.invokeRaw(functionId, event), StandardCharsets.UTF_8));
    });
  }

  private int keys(Options options) throws Exception {
    String account = options.value("--account", null);
    if (!"create".equals(options.positional(1)) || account == null) {
      err.println("usage: ./run-local keys create --account acct_... [--live] [--endpoint URL]");
      return 2;
    }
    Tenant tenant = new Tenant(account, options.flag("--live"));
    return withDynamo(options, endpoint -> {
      App app = new App(DynamoDbLocalServer.clientFor(endpoint), LocalTable.NAME, Clock.systemUTC(),
          ApiVersion.parse(ApiVersion.FALLBACK));
      out.println(app.apiKeys().mint(tenant, null));
    });
  }

  /** One sweep now, as the schedule would run it; {@code --now EPOCH} shows what a later one would do. */
  private int sweep(Options options) throws Exception {
    String at = options.value("--now", null);
    Clock clock = at == null ? Clock.systemUTC() : Clock.fixed(java.time.Instant.ofEpochSecond(Long.parseLong(at)),
        java.time.ZoneOffset.UTC);
    int maxItems = options.intValue("--max-items", SweepRun.DEFAULT_MAX_ITEMS);
    return withDynamo(options, endpoint -> {
      App app = new App(DynamoDbLocalServer.clientFor(endpoint), LocalTable.NAME, clock,
          ApiVersion.parse(ApiVersion.FALLBACK));
      new SweepRun(app.sweep(), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
          .run(Map.of("max_items", maxItems)).forEach((name, value) -> out.println(name + ": " + value));
    });
  }

  interface DynamoTask {
    void run(URI endpoint) throws Exception;
  }

  /**
   * Runs against {@code --endpoint}, else against the DynamoDB of a {@code serve} running on the
   * data directory, else against the data directory itself with a DynamoDB Local of our own.
   */
  private int withDynamo(Options options, DynamoTask task) throws Exception {
    String endpoint = options.value("--endpoint", null);
    Path data = dataDir(options);
    if (endpoint == null) {
      endpoint = runningServe(data);
      if (endpoint != null) {
        err.println("(using the DynamoDB Local of the running serve: " + endpoint + ")");
      }
    }
    if (endpoint != null) {
      LocalTable.ensure(DynamoDbLocalServer.clientFor(URI.create(endpoint)), LocalTable.NAME);
      task.run(URI.create(endpoint));
      return 0;
    }
    try (DynamoDbLocalServer dynamoLocal = DynamoDbLocalServer.persistent(0, data)) {
      LocalTable.ensure(dynamoLocal.client(), LocalTable.NAME);
      task.run(dynamoLocal.endpoint());
    }
    return 0;
  }

  private static String runningServe(Path data) throws IOException {
    Path file = data.resolve(ENDPOINT_FILE);
    if (!Files.exists(file)) {
      return null;
    }
    String endpoint = Files.readString(file).trim();
    URI uri = URI.create(endpoint);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 500);
      return endpoint;
    } catch (IOException notRunning) {
      return null;
    }
  }

  private DynamoDbLocalServer startDynamo(int port, Path data) {
    try {
      return data == null ? DynamoDbLocalServer.inMemory(port) : DynamoDbLocalServer.persistent(port, data);
    } catch (IllegalStateException portTaken) {
      if (port == 0) {
        throw portTaken;
      }
      err.println("DynamoDB Local could not use port " + port + "; using a free port instead.");
      return data == null ? DynamoDbLocalServer.inMemory(0) : DynamoDbLocalServer.persistent(0, data);
    }
  }

  /** The key to print: --api-key if given, else the one kept in the data directory, else a new one. */
  private String testKey(App app, String requested, Path data) throws IOException {
    Tenant tenant = new Tenant(LOCAL_ACCOUNT, false);
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
      Files.writeString(keyFile, key);
    }
    return key;
  }

  private Path dataDir(Options options) {
    return home.resolve(options.value("--data", ".local-data")).toAbsolutePath().normalize();
  }

  private static ApiVersion defaultVersion(SamTemplate template) {
    SamTemplate.Function any = template.functions().values().iterator().next();
    String version = template.environment(any, Map.of()).get("DEFAULT_API_VERSION");
    return ApiVersion.parse(version == null ? ApiVersion.FALLBACK : version);
  }

  static final String USAGE = String.join("\n",
      "usage:",
      "  ./run-local serve [--port 3000] [--data DIR | --in-memory] [--api-key sk_test_...] [--dynamodb-port 8000]"
          + " [--sweep-every SECONDS]",
      "  ./run-local invoke <FunctionLogicalId> -e events/<file>.json [--endpoint URL] [--data DIR]",
      "  ./run-local keys create --account acct_... [--live] [--endpoint URL] [--data DIR]",
      "  ./run-local sweep [--now EPOCH] [--max-items N] [--endpoint URL] [--data DIR]",
      "serve also takes --sweep-every SECONDS (default: the template's SweepRateMinutes)");

  /** Minimal argument parsing: positionals, {@code --flag}, {@code --name value}. */
  static final class Options {
    private final List<String> positionals = new ArrayList<>();
    private final Map<String, String> values = new java.util.HashMap<>();
    private final java.util.Set<String> flags = new java.util.HashSet<>();

    Options(String[] args) {
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.startsWith("-")) {
          boolean takesValue = List.of("--port", "--data", "--api-key", "--dynamodb-port", "-e", "--event",
              "--endpoint", "--account", "--sweep-every", "--now", "--max-items").contains(arg);
          if (takesValue) {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException(arg + " needs a value");
            }
            values.put(arg, args[++i]);
          } else {
            flags.add(arg);
          }
        } else {
          positionals.add(arg);
        }
      }
    }

    String positional(int index) {
      return index < positionals.size() ? positionals.get(index) : null;
    }

    boolean flag(String name) {
      return flags.contains(name);
    }

    String value(String name) {
      return values.get(name);
    }

    String value(String name, String fallback) {
      return values.getOrDefault(name, fallback);
    }

    int intValue(String name, int fallback) {
      String value = values.get(name);
      return value == null ? fallback : Integer.parseInt(value);
    }
  }
}
