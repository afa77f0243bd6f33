package dev.couponapi.local;

import dev.couponapi.ddblocal.DynamoDbLocalServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import dev.couponapi.app.App;
import java.nio.file.Path;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where a command's data is: {@code --endpoint URL}, else the DynamoDB Local of a {@code serve}
 * running on the data directory (it leaves its endpoint there), else the data directory itself,
 * opened with a DynamoDB Local of the command's own.
 */
final class LocalData {

  static final String ENDPOINT_FILE = "serve.endpoint";
  static final String DEFAULT_DIR = ".local-data";

  static final Options.Flag ENDPOINT = Options.value("--endpoint", "URL",
      "a DynamoDB endpoint to use (default: the running serve's, else the data directory)");
  static final Options.Flag DATA = Options.value("--data", "DIR", "the data directory (default " + DEFAULT_DIR + ")");

  /** Work that needs the local table. */
  interface Task {
    void run(URI endpoint) throws Exception;
  }

  private LocalData() {}

  static Path directory(Options options, Path home) {
    return home.resolve(options.value(DATA.name(), DEFAULT_DIR)).toAbsolutePath().normalize();
  }

  static void run(Options options, Command.Context context, Task task) throws Exception {
    String endpoint = options.value(ENDPOINT.name());
    Path data = directory(options, context.home());
    if (endpoint == null) {
      endpoint = runningServe(data);
      if (endpoint != null) {
        context.err().println("(using the DynamoDB Local of the running serve: " + endpoint + ")");
      }
    }
    if (endpoint != null) {
      URI uri = endpointUri(endpoint);
      LocalTable.ensure(client(uri), LocalTable.NAME);
      task.run(uri);
      return;
    }
    try (DynamoDbLocalServer dynamoLocal = DynamoDbLocalServer.persistent(0, data)) {
      LocalTable.ensure(dynamoLocal.client(), LocalTable.NAME);
      task.run(dynamoLocal.endpoint());
    }
  }

  /** The endpoint given by {@code --endpoint}, checked; null when none was given. */
  static URI endpoint(Options options) {
    String endpoint = options.value(ENDPOINT.name());
    return endpoint == null ? null : endpointUri(endpoint);
  }

  /**
   * A client for an endpoint: on loopback (DynamoDB Local, LocalStack) with placeholder credentials,
   * elsewhere (real AWS) with the credentials and region of the environment.
   */
  static DynamoDbClient client(URI endpoint) {
    if (isLoopback(endpoint)) {
      // the deployment's call timeouts, so a slow or silent DynamoDB behaves as it would there
      return DynamoDbLocalServer.clientFor(endpoint, overrides -> overrides.apiCallTimeout(App.callTimeout())
          .apiCallAttemptTimeout(App.attemptTimeout()));
    }
    return App.dynamoFor(endpoint);
  }

  /** The stream reader of the same endpoint: what serve polls for new events. */
  static software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient streamsClient(URI endpoint) {
    return isLoopback(endpoint) ? DynamoDbLocalServer.streamsClientFor(endpoint)
        : software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient.builder().endpointOverride(endpoint)
            .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build();
  }

  static boolean isLoopback(URI endpoint) {
    try {
      return java.net.InetAddress.getByName(endpoint.getHost()).isLoopbackAddress();
    } catch (java.net.UnknownHostException unknown) {
      throw new Options.UsageError("--endpoint names an unknown host: " + endpoint.getHost());
    }
  }

  private static URI endpointUri(String endpoint) {
    try {
      URI uri = URI.create(endpoint);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException();
      }
      return uri;
    } catch (IllegalArgumentException notAUrl) {
      throw new Options.UsageError("--endpoint takes a URL such as http://127.0.0.1:8000, not " + endpoint);
    }
  }

  /** The endpoint a running serve left in the data directory, if it still answers. */
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
}
