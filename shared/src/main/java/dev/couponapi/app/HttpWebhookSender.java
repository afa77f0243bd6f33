package dev.couponapi.app;

import dev.couponapi.service.WebhookSender;
import dev.couponapi.service.WebhookUrls;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts deliveries with the JDK's HTTP client: never following a redirect, and only after every
 * address the URL's host resolves to passed {@link WebhookUrls#mayConnect} (so a name that later
 * points at a private address is not followed). An attempt is bounded end to end: connecting,
 * sending and the receiver's status line together within the timeout, after which the exchange is
 * cancelled; the status line is what counts, so no body is read: the connection is closed as soon
 * as the status arrived. A receiver that answers and then trickles its body costs nothing more
 * (the JDK's request timeout covers the headers only, and reading the body had no limit at all).
 */
public final class HttpWebhookSender implements WebhookSender {

  static final String USER_AGENT = "Stripe/1.0 (+https://stripe.com/docs/webhooks)";

  private final WebhookUrls urls;
  private final Duration timeout;
  /** Made on first use: every function's App has a sender, and only the delivery function posts. */
  private volatile HttpClient client;

  public HttpWebhookSender(WebhookUrls urls, Duration timeout) {
    this.urls = urls;
    this.timeout = timeout;
  }

  private HttpClient client() {
    HttpClient current = client;
    if (current == null) {
      synchronized (this) {
        if (client == null) {
          // HTTP/1.1, as Stripe sends: an h2c upgrade offer confuses some receivers (aiohttp reads no body)
          client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
              .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
        }
        current = client;
      }
    }
    return current;
  }

  @Override
  public Answer post(String url, byte[] body, String signature) {
    URI uri = URI.create(url);
    try {
      for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
        if (!urls.mayConnect(address)) {
          return new Answer(0, false, "refused: " + uri.getHost() + " resolves to a private address");
        }
      }
    } catch (UnknownHostException unknown) {
      return new Answer(0, false, "unknown host " + uri.getHost());
    }
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
        .header("Content-Type", "application/json; charset=utf-8")
        .header("User-Agent", USER_AGENT)
        .header("Stripe-Signature", signature)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    CompletableFuture<HttpResponse<InputStream>> sent = client().sendAsync(request,
        HttpResponse.BodyHandlers.ofInputStream());
    try {
      HttpResponse<InputStream> response = sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      closeQuietly(response.body());
      return new Answer(response.statusCode(), false, null);
    } catch (TimeoutException slow) {
      sent.cancel(true);
      return timedOut();
    } catch (ExecutionException failed) {
      return failed.getCause() instanceof HttpTimeoutException ? timedOut()
          : new Answer(0, false, String.valueOf(failed.getCause()));
    } catch (InterruptedException interrupted) {
      sent.cancel(true);
      Thread.currentThread().interrupt();
      return new Answer(0, false, "interrupted");
    }
  }

  private Answer timedOut() {
    return new Answer(0, true, "timed out after " + timeout.toMillis() + " ms");
  }

  /** Closing the body before reading it cancels the exchange: the receiver's connection is closed. */
  private static void closeQuietly(InputStream body) {
    try {
      body.close();
    } catch (IOException alreadyGone) {
      // the status is what counts, and it arrived
    }
  }
}
