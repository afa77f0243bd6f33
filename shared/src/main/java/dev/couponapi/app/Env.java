package dev.couponapi.app;

/**
 * Configuration by name: the environment variable, else a JVM system property of the same name
 * (the local runner hosts every function in one JVM and cannot set environment variables).
 */
public final class Env {

  private Env() {}

  public static String get(String name) {
    String value = System.getenv(name);
    if (value == null || value.isEmpty()) {
      value = System.getProperty(name);
    }
    return value == null || value.isEmpty() ? null : value;
  }

  public static String get(String name, String fallback) {
    String value = get(name);
    return value == null ? fallback : value;
  }
}
