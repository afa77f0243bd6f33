package dev.couponapi.ddblocal;

/**
 * DynamoDB Local logs through log4j, and its own configuration (the log4j2.xml in its jar) prints
 * nothing of the engine's. Starting log4j's core for that took about a second of every start (some
 * 600 classes, an XML parser and JMX registrations; bench/JOURNAL.md, "Starting up"). log4j's API has
 * a simple logger of its own; switched off, it prints the same nothing at no cost. Set before the
 * engine's first class loads; a log4j setting of the user's own is left as it is.
 */
final class EngineLogging {

  private static final String FACTORY = "log4j2.loggerContextFactory";
  private static final String SIMPLE_FACTORY = "org.apache.logging.log4j.simple.SimpleLoggerContextFactory";
  private static final String SIMPLE_LEVEL = "org.apache.logging.log4j.simplelog.level";

  private EngineLogging() {}

  static synchronized void quiet() {
    if (System.getProperty(FACTORY) == null && System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty(FACTORY, SIMPLE_FACTORY);
      if (System.getProperty(SIMPLE_LEVEL) == null) {
        System.setProperty(SIMPLE_LEVEL, "OFF");
      }
    }
  }
}
