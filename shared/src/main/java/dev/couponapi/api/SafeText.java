package dev.couponapi.api;

/** Text from a request made safe to echo in an error message or a log line. */
public final class SafeText {

  private SafeText() {}

  /** Printable ASCII, at most 100 characters. */
  public static String clip(String text) {
    String printable = text.replaceAll("[^\\x20-\\x7e]", "?");
    return printable.length() <= 100 ? printable : printable.substring(0, 100) + "...";
  }
}
