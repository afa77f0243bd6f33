package dev.couponapi.service;

/** Posts one signed delivery and says how the receiver answered (an HTTP client on AWS and locally). */
public interface WebhookSender {

  /**
   * The receiver's answer: its status (0 when there was none), whether it timed out, and, when it
   * could not be reached or was refused before connecting, why.
   */
  record Answer(int status, boolean timedOut, String error) {

    public boolean acknowledged() {
      return status >= 200 && status < 300;
    }

    /** A 429 or a timeout: the next attempt waits at least a minute. */
    public boolean overloaded() {
      return status == 429 || timedOut;
    }
  }

  Answer post(String url, byte[] body, String signature);
}
