package dev.couponapi.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response as API Gateway's proxy integration expects it back from a Lambda. */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public Map<String, Object> toProxyResponse() {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("statusCode", status);
    response.put("headers", headers);
    response.put("body", bodyText());
    response.put("isBase64Encoded", false);
    return response;
  }
}
