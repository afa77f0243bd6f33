package dev.couponapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.TestApp;
import dev.couponapi.testing.TestClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Coupon rules that need the clock or the store, seen through the pipeline as a client sees them. */
class CouponServiceRulesTest {

  private static final Tenant TENANT = new Tenant("acct_rules", false);

  private final TestApp test = new TestApp();
  private final TestClient client = test.client(TENANT);

  @Test
  void redeemBy_mustBeFuture_andAtMostFiveYearsAhead() {
    long now = TestApp.START.getEpochSecond();
    assertThat(TestApp.body(client.post("/v1/coupons", "percent_off=5&redeem_by=" + now)).toString())
        .contains("param=redeem_by");
    assertThat(TestApp.body(client.post("/v1/coupons", "percent_off=5&redeem_by=" + (now + 6L * 366 * 86400)))
        .toString()).contains("at most 5 years");
    assertThat(TestApp.body(client.post("/v1/coupons", "percent_off=5&redeem_by=" + (now + 60))))
        .containsEntry("valid", true);
  }

  @Test
  void validIsComputedFromTheClock_noSweepNeeded() {
    long now = TestApp.START.getEpochSecond();
    client.post("/v1/coupons", "id=SOON&percent_off=5&redeem_by=" + (now + 60));
    assertThat(TestApp.body(client.get("/v1/coupons/SOON"))).containsEntry("valid", true);
    test.clock.advance(Duration.ofSeconds(60));
    assertThat(TestApp.body(client.get("/v1/coupons/SOON"))).containsEntry("valid", false);
  }

  @Test
  void generatedIds_areEightAlphanumerics() {
    assertThat((String) TestApp.body(client.post("/v1/coupons", "percent_off=5")).get("id")).matches("[A-Za-z0-9]{8}");
  }

  @Test
  void update_onlyNameMetadataAndCurrencyOptions() {
    client.post("/v1/coupons", "id=U&percent_off=5");
    Map<String, Object> refused = TestApp.body(client.post("/v1/coupons/U", "percent_off=10&duration=forever"));
    assertThat(refused.toString()).contains("parameter_unknown").contains("percent_off, duration");
    assertThat(TestApp.body(client.get("/v1/coupons/U"))).containsEntry("percent_off", 5);
  }

  @Test
  void updateWithNothingToChange_returnsTheCoupon() {
    client.post("/v1/coupons", "id=U2&percent_off=5&name=keep");
    assertThat(TestApp.body(client.post("/v1/coupons/U2", ""))).containsEntry("name", "keep");
  }

  @Test
  void deletedCoupons_are404_forRetrieveUpdateDelete() {
    client.post("/v1/coupons", "id=D&percent_off=5");
    client.delete("/v1/coupons/D");
    assertThat(TestApp.body(client.get("/v1/coupons/D")).toString()).contains("No such coupon: 'D'");
    assertThat(TestApp.body(client.post("/v1/coupons/D", "name=x")).toString()).contains("resource_missing");
    assertThat(client.delete("/v1/coupons/D").status()).isEqualTo(404);
  }

  /** The index keeps ten digits of seconds; a bound of more digits is compared as the number it is. */
  @Test
  void createdBounds_areComparedAsNumbers_whateverTheirDigits() {
    client.post("/v1/coupons", "id=NOW&percent_off=5");
    assertThat(client.list("/v1/coupons?created[gte]=10000000000")).isEmpty();
    assertThat(client.list("/v1/coupons?created[gt]=9223372036854775807")).isEmpty();
    assertThat(client.list("/v1/coupons?created[lt]=10000000000")).hasSize(1);
    assertThat(client.list("/v1/coupons?created[lte]=9223372036854775807")).hasSize(1);
    assertThat(client.list("/v1/coupons?created[lt]=0")).isEmpty();
    assertThat(client.list("/v1/coupons?created[gte]=" + TestApp.START.getEpochSecond())).hasSize(1);
    assertThat(client.get("/v1/coupons?created[gte]=9223372036854775808").status()).isEqualTo(400);
  }

  /** Clients normalise the path segments . and .. away: such a coupon could never be read again. */
  @Test
  void idsThatArePathDots_areRefused_andNew_isAnId() {
    assertThat(client.post("/v1/coupons", "id=.&percent_off=5").status()).isEqualTo(400);
    assertThat(client.post("/v1/coupons", "id=..&percent_off=5").status()).isEqualTo(400);
    assertThat((String) TestClient.error(client.post("/v1/coupons", "id=..&percent_off=5")).get("message"))
        .contains("'..'");
    assertThat(test.coupons()).isEmpty();
    assertThat(client.ok("/v1/coupons", "id=new&percent_off=5")).containsEntry("id", "new");
  }

  /** NUL and the other control characters, in any text parameter or metadata, are a 400 and write nothing. */
  @Test
  void controlCharacters_inTextAndMetadata_areRefused() {
    for (String body : List.of("name=a%00b&percent_off=5", "name=line%0Abreak&percent_off=5",
        "metadata[k]=tab%09bed&percent_off=5", "metadata[k%01]=v&percent_off=5", "name=del%7F&percent_off=5")) {
      var response = client.post("/v1/coupons", body);
      assertThat(response.status()).as(body).isEqualTo(400);
      assertThat((String) TestClient.error(response).get("message")).as(body).contains("control characters");
    }
    assertThat(test.coupons()).isEmpty();
    assertThat(client.ok("/v1/coupons", "name=%E2%82%AC+off+%C3%A9t%C3%A9&percent_off=5")).containsEntry("name",
        "€ off été");
  }
}
