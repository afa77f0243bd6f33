package dev.couponapi.app;

import java.net.URI;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/** The one SQS client of a container, made on first use, so a function that sends nothing never pays for it. */
final class SqsClients {

  private static volatile SqsClient client;

  private SqsClients() {}

  static SqsClient shared() {
    SqsClient current = client;
    if (current == null) {
      synchronized (SqsClients.class) {
        if (client == null) {
          client = build();
        }
        current = client;
      }
    }
    return current;
  }

  private static SqsClient build() {
    SqsClientBuilder builder = SqsClient.builder().httpClient(UrlConnectionHttpClient.builder()
        .connectionTimeout(App.CONNECT_TIMEOUT).socketTimeout(App.attemptTimeout()).build());
    String region = Env.get("AWS_REGION");
    if (region != null) {
      builder.region(Region.of(region));
    }
    String endpoint = Env.get("AWS_ENDPOINT_URL_SQS", Env.get("AWS_ENDPOINT_URL"));
    if (endpoint != null) {
      builder.endpointOverride(URI.create(endpoint));
    }
    return builder.build();
  }
}
