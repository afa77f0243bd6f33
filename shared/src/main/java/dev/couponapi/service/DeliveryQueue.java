package dev.couponapi.service;

import dev.couponapi.domain.Tenant;
import java.time.Duration;

/**
 * Where deliveries wait for the delivery worker: an SQS queue on AWS, a scheduler inside
 * {@code ./run-local serve}. A job names a delivery, nothing else; the worker reads the rest.
 */
public interface DeliveryQueue {

  record Job(Tenant tenant, String eventId, String endpointId) {}

  void send(Job job, Duration delay);

  /** For functions that fan out nothing: a job sent here is a bug. */
  DeliveryQueue NONE = (job, delay) -> {
    throw new IllegalStateException("this function has no delivery queue (WEBHOOK_QUEUE_URL)");
  };
}
