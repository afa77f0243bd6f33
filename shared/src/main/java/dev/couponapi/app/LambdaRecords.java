package dev.couponapi.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code Records} of an SQS or DynamoDB Streams event as Lambda hands it over; none for anything else. */
final class LambdaRecords {

  private LambdaRecords() {}

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> of(Map<String, Object> event) {
    Object records = event == null ? null : event.get("Records");
    List<Map<String, Object>> each = new ArrayList<>();
    for (Object record : records instanceof List<?> list ? list : List.of()) {
      each.add(record instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
    }
    return each;
  }
}
