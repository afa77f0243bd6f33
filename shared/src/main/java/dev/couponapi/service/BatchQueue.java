package dev.couponapi.service;

import dev.couponapi.domain.Tenant;

/**
 * Where a promotion-code batch is handed to a worker: an SQS queue on AWS, a thread of
 * {@code ./run-local serve} locally. A job may be delivered more than once, and two workers may
 * run one batch at once; the chunks' conditions keep the codes exact either way.
 */
public interface BatchQueue {

  /** One batch to work on. */
  record Job(Tenant tenant, String batchId) {}

  void enqueue(Job job);

  /**
   * No queue (a function without BATCH_QUEUE_URL, such as one invoked alone): the job is dropped
   * with a line on stderr, and the batch waits until the sweep finds it stalled and a worker runs.
   */
  BatchQueue NONE = job -> System.err.println("no batch queue is configured (BATCH_QUEUE_URL): batch "
      + job.batchId() + " waits for the expiry sweep to hand it to a worker");
}
