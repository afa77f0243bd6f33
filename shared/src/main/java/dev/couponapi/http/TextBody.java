package dev.couponapi.http;

import java.util.Map;

/**
 * What an operation returns instead of a JSON object when its answer is a file (a batch's
 * codes.csv): its content type, its text and the headers it adds (a {@code Link} to the next page).
 */
public record TextBody(String contentType, String text, Map<String, String> headers) {

  public TextBody {
    headers = Map.copyOf(headers);
  }
}
