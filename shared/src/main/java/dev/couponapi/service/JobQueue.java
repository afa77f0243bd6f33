package dev.couponapi.service;

import java.time.Duration;

/**
 * Where background work waits for its worker: an SQS queue on AWS, a scheduler inside
 * {@code ./run-local serve}. A job names its work and nothing else (the worker reads the rest), and
 * may run more than once: every job's work is idempotent.
 */
public interface JobQueue<J> {

  /** Hands {@code job} to a worker after {@code delay}. */
  void send(J job, Duration delay);

  default void send(J job) {
    send(job, Duration.ZERO);
  }

  /** For a function configured without this queue: sending is a bug, and says which variable is missing. */
  static <J> JobQueue<J> missing(String variable) {
    return (job, delay) -> {
      throw new IllegalStateException("this function has no queue for " + job + " (" + variable + " is not set)");
    };
  }
}
