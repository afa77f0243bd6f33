package dev.couponapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.wire.Json;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A batch through {@code ./run-local serve} over HTTP: its worker runs in the same JVM, as it would on AWS. */
class PromotionCodeBatchEndToEndTest {

  @Test
  void aBatchMadeThroughServe_finishesInTheBackground_andItsCodesDownloadAsCsv() throws Exception {
    try (RunningServe serve = new RunningServe("--in-memory", "--dynamodb-port", "0")) {
      assertThat(serve.send("POST", "/v1/coupons", "id=FLYER&percent_off=15").statusCode()).isEqualTo(200);
      HttpResponse<String> created = serve.send("POST", "/v1/promotion_code_batches",
          "promotion[type]=coupon&promotion[coupon]=FLYER&count=300&prefix=FLY&max_redemptions=1");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
      String id = (String) Json.readObject(created.body()).get("id");

      Map<String, Object> batch = Map.of();
      // the batch is made in the background: asked again until it ends, each answer a round trip
      for (long until = System.currentTimeMillis() + 60_000; System.currentTimeMillis() < until; ) {
        batch = Json.readObject(serve.send("GET", "/v1/promotion_code_batches/" + id, null).body());
        if (!"pending".equals(batch.get("status")) && !"running".equals(batch.get("status"))) {
          break;
        }
      }
      assertThat(batch).containsEntry("status", "succeeded").containsEntry("created_count", 300);

      HttpResponse<String> csv = serve.send("GET", "/v1/promotion_code_batches/" + id + "/codes.csv?limit=200", null);
      assertThat(csv.statusCode()).isEqualTo(200);
      assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
      String next = csv.headers().firstValue("Link").orElseThrow();
      HttpResponse<String> rest = serve.send("GET", next.substring(1, next.indexOf('>')), null);
      List<String> rows = new java.util.ArrayList<>(csv.body().lines().skip(1).toList());
      rows.addAll(rest.body().lines().toList());
      assertThat(rows).hasSize(300).doesNotHaveDuplicates()
          .allSatisfy(row -> assertThat(row.split(",")[1]).startsWith("FLY").hasSize(13));
      assertThat(rest.headers().firstValue("Link")).isEmpty();

      Map<String, Object> listed = Json.readObject(serve.send("GET", "/v1/promotion_codes?limit=5&batch=" + id, null)
          .body());
      assertThat((List<?>) listed.get("data")).hasSize(5);
      assertThat(listed).containsEntry("has_more", true);
    }
  }
}
