package dev.couponapi.ddblocal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * Amazon DynamoDB Local (the engine LocalStack runs for DynamoDB) started in this JVM as an HTTP
 * server bound to 127.0.0.1, so that real SDK clients, the AWS CLI and a second process can reach
 * it. Port 0 picks a free port.
 */
public final class DynamoDbLocalServer implements AutoCloseable {

  private final DynamoDBProxyServer server;
  private final ServerConnector connector;
  /** The shared database's engine as DynamoDB Local made it, under any decoration of ours. */
  private final AmazonDynamoDBLocal engine;
  private final WriteWatch writes = new WriteWatch();
  private volatile EngineTurns turns;

  private DynamoDbLocalServer(DynamoDBProxyServer server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
    try {
      this.engine = (AmazonDynamoDBLocal) sharedEngine(requestHandler());
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException("cannot reach DynamoDB Local's engine: " + e, e);
    }
    // the endpoint maps the engine's refusals to HTTP errors itself
    decorateEndpoint(client -> withEngineDecorations(client, false));
  }

  /** {@code client} as every client of this instance is: its transactions reused, its writes counted. */
  private DynamoDbClient withEngineDecorations(DynamoDbClient client, boolean sdkErrors) {
    return writes.counting(TransactWrites.around(client, engine.dynamoDbClient(), sdkErrors));
  }

  /** An in-memory instance: nothing survives {@link #close()}. */
  public static DynamoDbLocalServer inMemory(int port) {
    return start(port, null);
  }

  /** An instance that keeps its data in {@code dataDir} across restarts. */
  public static DynamoDbLocalServer persistent(int port, Path dataDir) {
    return start(port, dataDir);
  }

  private static DynamoDbLocalServer start(int port, Path dataDir) {
    EngineLogging.quiet();
    SchemaCache.install();
    List<String> args = new ArrayList<>(List.of("-port", "8000", "-disableTelemetry", "-sharedDb"));
    if (dataDir == null) {
      args.add("-inMemory");
    } else {
      try {
        Files.createDirectories(dataDir);
      } catch (java.io.IOException e) {
        throw new IllegalStateException("cannot create data directory " + dataDir, e);
      }
      args.add("-dbPath");
      args.add(dataDir.toAbsolutePath().toString());
    }
    try {
      DynamoDBProxyServer server = quietly(() -> ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new)));
      ServerConnector connector = connectorOf(server);
      // DynamoDB Local has no host option and refuses port 0 on its command line: set both on Jetty.
      connector.setHost("127.0.0.1");
      connector.setPort(port);
      server.start();
      return new DynamoDbLocalServer(server, connector);
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not start on port " + port + ": " + e.getMessage(), e);
    }
  }

  /** A step that may fail. */
  private interface Step<T> {
    T run() throws Exception;
  }

  /**
   * Runs {@code step} with standard output muted: DynamoDB Local prints its configuration banner
   * there, whose "Port: 8000" is the command-line port, not the one it ends up listening on.
   */
  private static synchronized <T> T quietly(Step<T> step) throws Exception {
    PrintStream out = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    try {
      return step.run();
    } finally {
      System.setOut(out);
    }
  }

  private static ServerConnector connectorOf(DynamoDBProxyServer server) throws ReflectiveOperationException {
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server jetty = (Server) field.get(server);
    return (ServerConnector) jetty.getConnectors()[0];
  }

  /**
   * Whether the engine parses each table schema once ({@link SchemaCache}); false on a DynamoDB
   * Local build whose internals differ, which then runs as shipped.
   */
  public static boolean parsesSchemasOnce() {
    return SchemaCache.installed();
  }

  public int port() {
    return connector.getLocalPort();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /**
   * A client that calls this instance's engine in-process, with no HTTP hop: the same shared
   * database the HTTP endpoint serves, so what it writes the endpoint reads at once (and the other
   * way round). DynamoDB Local builds such clients only for an engine of their own
   * ({@code DynamoDBEmbedded}); this one is built the same way around the engine of the running
   * server (its shared-database handler), with the same mapping of engine errors to the SDK's
   * exceptions. It takes no interceptors: tests that count calls use {@link #client}.
   */
  public DynamoDbClient inProcessClient() {
    DynamoDbClient client = withEngineDecorations(embedded().dynamoDbClient(), true);
    client = turns != null ? turns.around(client) : client;
    return readCache != null ? readCache.wrap(client) : client;
  }

  /**
   * From now on, every client of this instance (its HTTP endpoint and {@link #inProcessClient})
   * takes turns in the engine, shared fairly between accounts ({@link EngineTurns}); before
   * {@link #cacheReads}, so that a read the cache answers takes no turn. What {@code serve} turns
   * on, with these turns; the tests' engine runs without them.
   */
  public synchronized EngineTurns takeTurns() {
    if (turns == null) {
      EngineTurns taking = new EngineTurns();
      decorateEndpoint(taking::around);
      turns = taking;
    }
    return turns;
  }

  /** The writes made through any client of this instance (what serve's stream poller waits on). */
  public WriteWatch writes() {
    return writes;
  }

  /**
   * Whether every client of this instance runs its transactions through one reused function
   * ({@link TransactWrites}); false on a DynamoDB Local build whose internals differ.
   */
  public boolean reusesTransactionFunction() {
    return TransactWrites.reusable(engine.dynamoDbClient());
  }

  private ReadCache readCache;

  /**
   * From now on, every client of this instance (its HTTP endpoint and {@link #inProcessClient})
   * answers a read again from memory while nothing has been written since ({@link ReadCache}).
   * What {@code serve} turns on; the tests' engine runs without it.
   */
  public synchronized void cacheReads() {
    if (readCache != null) {
      return;
    }
    ReadCache cache = new ReadCache();
    decorateEndpoint(cache::wrap);
    readCache = cache;
  }

  /** The HTTP endpoint's engine from now on: as it was, with its client decorated by {@code decoration}. */
  private void decorateEndpoint(java.util.function.UnaryOperator<DynamoDbClient> decoration) {
    try {
      Object requestHandler = requestHandler();
      Object current = sharedEngine(requestHandler);
      Field handlersField = requestHandler.getClass().getDeclaredField("dbRequestHandlers");
      handlersField.setAccessible(true);
      @SuppressWarnings("unchecked")
      java.util.Map<String, AmazonDynamoDBLocal> handlers = (java.util.Map<String, AmazonDynamoDBLocal>)
          handlersField.get(requestHandler);
      synchronized (requestHandler) {
        handlers.replaceAll((name, handler) -> handler == current
            ? new EngineWithClient(handler, decoration.apply(handler.dynamoDbClient())) : handler);
      }
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException("cannot decorate DynamoDB Local's engine: " + e, e);
    }
  }

  /** How many reads the read cache answered (0 without one). */
  public long cachedReads() {
    return readCache == null ? 0 : readCache.hits();
  }

  /** The same engine's stream reader, in-process: what {@code serve} polls for new events. */
  public software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient inProcessStreamsClient() {
    return embedded().dynamoDbStreamsClient();
  }

  private AmazonDynamoDBLocal embedded;

  private synchronized AmazonDynamoDBLocal embedded() {
    if (embedded == null) {
      embedded = wrapEngine();
    }
    return embedded;
  }

  /** The server's request handler: what its HTTP endpoint calls, which holds the engine. */
  private Object requestHandler() throws ReflectiveOperationException {
    Field handlerField = DynamoDBProxyServer.class.getDeclaredField("serverHandler");
    handlerField.setAccessible(true);
    Object serverHandler = handlerField.get(server);
    Field primary = serverHandler.getClass().getSuperclass().getDeclaredField("primaryHandler");
    primary.setAccessible(true);
    return primary.get(serverHandler);
  }

  /** The engine of the shared database (made on first use), as the HTTP endpoint reaches it. */
  private static Object sharedEngine(Object requestHandler) throws ReflectiveOperationException {
    Method shared = requestHandler.getClass().getDeclaredMethod("getHandler", String.class);
    shared.setAccessible(true);
    return shared.invoke(requestHandler, "shared");
  }

  private AmazonDynamoDBLocal wrapEngine() {
    try {
      Class<?> mappingType = Class.forName("software.amazon.dynamodb.services.local.embedded."
          + "DDBExceptionMappingInvocationHandler");
      Constructor<?> mapping = mappingType.getDeclaredConstructor(
          Class.forName("software.amazon.dynamodb.services.local.shared.access.LocalDBClient"));
      mapping.setAccessible(true);
      Constructor<?> embedded = Class.forName("software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded$1")
          .getDeclaredConstructor(mappingType);
      embedded.setAccessible(true);
      return (AmazonDynamoDBLocal) embedded.newInstance(mapping.newInstance(engine));
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException("cannot reach DynamoDB Local's engine in-process: " + e, e);
    }
  }

  /** A client for this instance; interceptors let tests count calls. */
  public DynamoDbClient client(ExecutionInterceptor... interceptors) {
    return clientFor(endpoint(), interceptors);
  }

  /** A client for any DynamoDB Local endpoint (credentials and region are placeholders there). */
  public static DynamoDbClient clientFor(URI endpoint, ExecutionInterceptor... interceptors) {
    return clientFor(endpoint, overrides -> { }, interceptors);
  }

  /** The same, with more of the SDK's settings (e.g. a retry strategy that does not wait). */
  public static DynamoDbClient clientFor(URI endpoint, java.util.function.Consumer<ClientOverrideConfiguration.Builder>
      settings, ExecutionInterceptor... interceptors) {
    ClientOverrideConfiguration.Builder overrides = ClientOverrideConfiguration.builder();
    settings.accept(overrides);
    for (ExecutionInterceptor interceptor : interceptors) {
      overrides.addExecutionInterceptor(interceptor);
    }
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(overrides.build())
        .build();
  }

  /** A stream reader for any DynamoDB Local endpoint. */
  public static software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient streamsClientFor(URI endpoint) {
    return software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not stop", e);
    }
  }
}
