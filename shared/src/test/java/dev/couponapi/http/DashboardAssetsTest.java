package dev.couponapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The dashboard's files: only those listed, text, each under the strict policy; the vendored one as recorded. */
class DashboardAssetsTest {

  private final DashboardAssets assets = new DashboardAssets();

  @Test
  void everyFileIsServedWithItsTypeAndTheStrictPolicy() {
    for (String file : DashboardAssets.FILES.keySet()) {
      ApiResponse response = assets.serve(file, true);
      assertThat(response.status()).as(file).isEqualTo(200);
      assertThat(response.headers()).as(file).containsEntry("Content-Type", DashboardAssets.FILES.get(file))
          .containsEntry("Content-Security-Policy", DashboardAssets.CSP).containsEntry("X-Frame-Options", "DENY")
          .containsEntry("X-Content-Type-Options", "nosniff").containsEntry("Referrer-Policy", "no-referrer");
      assertThat(response.headers().get("Content-Type")).startsWith("text/");
    }
    assertThat(assets.serve(null, true).bodyText()).contains("<script type=\"module\" src=\"dashboard.js\">")
        .doesNotContain("<script>").doesNotContain("style=");
  }

  @Test
  void thePageWithoutItsSlash_isSentOnToIt_soThatRelativeUrlsResolveUnderIt() {
    ApiResponse response = assets.serve(null, false);
    assertThat(response.status()).isEqualTo(301);
    assertThat(response.headers()).containsEntry("Location", "dashboard/");
  }

  @Test
  void anyOtherPath_isA404_whateverItNames() {
    for (String path : new String[] {"../../etc/passwd", "VENDOR.md", "vendor/", "dashboard.js/", "index.html%00",
        "/dashboard/index.html", "..%2fApp.class"}) {
      ApiResponse response = assets.serve(path, true);
      assertThat(response.status()).as(path).isEqualTo(404);
      assertThat(response.bodyText()).isEqualTo("Not found\n");
    }
  }

  @Test
  void theVendoredFile_isTheOneVendorMdRecords() throws Exception {
    byte[] vendored;
    String record;
    try (InputStream file = getClass().getResourceAsStream("/dashboard/vendor/htm-preact-3.1.1.mjs");
        InputStream notes = getClass().getResourceAsStream("/dashboard/VENDOR.md")) {
      vendored = file.readAllBytes();
      record = new String(notes.readAllBytes(), StandardCharsets.UTF_8);
    }
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(vendored));
    assertThat(record).contains("`" + hash + "`");
  }
}
