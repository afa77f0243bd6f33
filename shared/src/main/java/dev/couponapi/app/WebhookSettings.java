package dev.couponapi.app;

import dev.couponapi.service.RetrySchedule;
import java.time.Duration;

/**
 * How a deployment delivers webhooks (docs/events.md): whether endpoint URLs may name private
 * addresses (ALLOW_PRIVATE_WEBHOOK_URLS, template.yaml's AllowPrivateWebhookUrls; ./run-local serve
 * allows them), the retry schedule (WEBHOOK_RETRIES, e.g. "5s,5m,2h"; default docs/events.md's),
 * and how long a receiver has to answer (WEBHOOK_TIMEOUT_MS, default 10 s).
 */
public record WebhookSettings(boolean allowPrivateUrls, RetrySchedule retries, Duration timeout) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** A deployment's: public URLs only, the default schedule. */
  public static final WebhookSettings STANDARD = new WebhookSettings(false, RetrySchedule.DEFAULT, DEFAULT_TIMEOUT);

  public static WebhookSettings fromEnvironment() {
    String retries = Env.get("WEBHOOK_RETRIES");
    String timeout = Env.get("WEBHOOK_TIMEOUT_MS");
    try {
      return new WebhookSettings(Boolean.parseBoolean(Env.get("ALLOW_PRIVATE_WEBHOOK_URLS", "false")),
          retries == null || retries.isBlank() ? RetrySchedule.DEFAULT : RetrySchedule.parse(retries),
          timeout == null || timeout.isBlank() ? DEFAULT_TIMEOUT : Duration.ofMillis(Long.parseLong(timeout.trim())));
    } catch (IllegalArgumentException invalid) {
      throw new IllegalStateException("WEBHOOK_RETRIES / WEBHOOK_TIMEOUT_MS: " + invalid.getMessage(), invalid);
    }
  }

  public WebhookSettings allowingPrivateUrls() {
    return new WebhookSettings(true, retries, timeout);
  }

  public WebhookSettings withRetries(RetrySchedule schedule) {
    return new WebhookSettings(allowPrivateUrls, schedule, timeout);
  }
}
