package dev.couponapi.service;

/**
 * The decisions the gateway keeps of its authorizer (API Gateway caches one per Authorization
 * header for the template's ReauthorizeEvery): forgotten when a key is revoked or rolled, so that
 * the key is refused within seconds rather than when its cached decision runs out.
 */
public interface AuthorizerDecisions {

  /** Forgets every cached decision; the next request of each key is authorized afresh. */
  void forget();

  /** Where nothing is cached by this process's doing (the local runner forgets its own, from the table's stream). */
  AuthorizerDecisions NONE = () -> { };
}
