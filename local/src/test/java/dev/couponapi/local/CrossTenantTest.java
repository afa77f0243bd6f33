package dev.couponapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import dev.couponapi.wire.Json;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two accounts, each in test and live mode: four tenants, and nothing crosses between any two. */
class CrossTenantTest {

  private static final List<Tenant> TENANTS = List.of(
      new Tenant("acct_alpha", false), new Tenant("acct_alpha", true),
      new Tenant("acct_beta", false), new Tenant("acct_beta", true));

  private LocalApi api;
  private final Map<Tenant, String> keys = new LinkedHashMap<>();

  @BeforeEach
  void setUp() {
    api = new LocalApi();
    int percent = 1;
    for (Tenant tenant : TENANTS) {
      String key = api.keyFor(tenant);
      keys.put(tenant, key);
      // the same id in every tenant, plus one only this tenant has
      assertThat(api.send("POST", "/v1/coupons", key, "id=SHARED&percent_off=" + percent).statusCode()).isEqualTo(200);
      assertThat(api.send("POST", "/v1/coupons", key, "id=" + own(tenant) + "&percent_off=" + percent).statusCode())
          .isEqualTo(200);
      percent++;
    }
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static String own(Tenant tenant) {
    return "OWN_" + tenant.account() + "_" + tenant.mode();
  }

  private Map<String, Object> json(HttpResponse<String> response) {
    return Json.readObject(response.body());
  }

  @Test
  void eachTenantSeesOnlyItsOwnCoupons_withItsOwnLivemode() {
    int percent = 1;
    for (Tenant tenant : TENANTS) {
      Map<String, Object> shared = json(api.send("GET", "/v1/coupons/SHARED", keys.get(tenant), null));
      assertThat(shared).containsEntry("percent_off", percent).containsEntry("livemode", tenant.livemode());
      Map<String, Object> list = json(api.send("GET", "/v1/coupons?limit=100", keys.get(tenant), null));
      List<Object> ids = ((List<?>) list.get("data")).stream().map(c -> ((Map<?, ?>) c).get("id")).map(Object.class::cast)
          .toList();
      assertThat(ids).containsExactlyInAnyOrder("SHARED", own(tenant));
      percent++;
    }
  }

  @Test
  void noTenantCanReadUpdateDeleteOrPageFromAnother() {
    for (Tenant reader : TENANTS) {
      for (Tenant owner : TENANTS) {
        if (reader.equals(owner)) {
          continue;
        }
        String key = keys.get(reader);
        String theirs = own(owner);
        String what = reader + " on " + owner;
        assertThat(api.send("GET", "/v1/coupons/" + theirs, key, null).statusCode()).as(what).isEqualTo(404);
        assertThat(api.send("POST", "/v1/coupons/" + theirs, key, "name=stolen").statusCode()).as(what).isEqualTo(404);
        assertThat(api.send("DELETE", "/v1/coupons/" + theirs, key, null).statusCode()).as(what).isEqualTo(404);
        HttpResponse<String> page = api.send("GET", "/v1/coupons?starting_after=" + theirs, key, null);
        assertThat(page.statusCode()).as(what).isEqualTo(400);
        assertThat(page.body()).contains("resource_missing").contains("starting_after");
      }
    }
    for (Tenant owner : TENANTS) {
      Map<String, Object> mine = json(api.send("GET", "/v1/coupons/" + own(owner), keys.get(owner), null));
      assertThat(mine).containsEntry("name", null).containsEntry("id", own(owner));
    }
  }

  @Test
  void promotionCodes_areInvisibleAcrossTenants_andTheirTextIsUniquePerTenant() {
    Map<Tenant, String> ids = new LinkedHashMap<>();
    for (Tenant tenant : TENANTS) {
      HttpResponse<String> created = api.send("POST", "/v1/promotion_codes", keys.get(tenant),
          "promotion[type]=coupon&promotion[coupon]=SHARED&code=SAME");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
      ids.put(tenant, (String) json(created).get("id"));
    }
    for (Tenant reader : TENANTS) {
      for (Tenant owner : TENANTS) {
        if (!reader.equals(owner)) {
          String theirs = ids.get(owner);
          assertThat(api.send("GET", "/v1/promotion_codes/" + theirs, keys.get(reader), null).statusCode())
              .isEqualTo(404);
          assertThat(api.send("POST", "/v1/promotion_codes/" + theirs, keys.get(reader), "active=false").statusCode())
              .isEqualTo(404);
        }
      }
      Map<String, Object> list = json(api.send("GET", "/v1/promotion_codes?code=same", keys.get(reader), null));
      assertThat((List<?>) list.get("data")).hasSize(1);
      assertThat(list.get("data").toString()).contains(ids.get(reader));
    }
  }

  @Test
  void customersSubscriptionsAndDiscounts_areInvisibleAcrossTenants() {
    Map<Tenant, String[]> owned = new LinkedHashMap<>();
    for (Tenant tenant : TENANTS) {
      String customer = (String) json(api.send("POST", "/v1/customers", keys.get(tenant), "coupon=SHARED")).get("id");
      String subscription = (String) json(api.send("POST", "/v1/subscriptions", keys.get(tenant), "customer=" + customer
          + "&items[0][price_data][currency]=usd&items[0][price_data][product]=p&items[0][price_data][unit_amount]=100"
          + "&items[0][price_data][recurring][interval]=month&discounts[0][coupon]=SHARED")).get("id");
      owned.put(tenant, new String[] {customer, subscription});
    }
    for (Tenant reader : TENANTS) {
      String key = keys.get(reader);
      for (Tenant owner : TENANTS) {
        if (reader.equals(owner)) {
          continue;
        }
        String customer = owned.get(owner)[0];
        String subscription = owned.get(owner)[1];
        assertThat(api.send("GET", "/v1/customers/" + customer, key, null).statusCode()).isEqualTo(404);
        assertThat(api.send("DELETE", "/v1/customers/" + customer + "/discount", key, null).statusCode()).isEqualTo(404);
        assertThat(api.send("GET", "/v1/subscriptions/" + subscription, key, null).statusCode()).isEqualTo(404);
        assertThat(api.send("DELETE", "/v1/subscriptions/" + subscription, key, null).statusCode()).isEqualTo(404);
        assertThat(api.send("POST", "/v1/subscriptions", key, "customer=" + customer
            + "&items[0][price_data][currency]=usd&items[0][price_data][product]=p&items[0][price_data][unit_amount]=1"
            + "&items[0][price_data][recurring][interval]=month").statusCode()).isEqualTo(400);
      }
      assertThat((List<?>) json(api.send("GET", "/v1/customers", key, null)).get("data")).hasSize(1);
      assertThat((List<?>) json(api.send("GET", "/v1/subscriptions", key, null)).get("data")).hasSize(1);
      assertThat(json(api.send("GET", "/v1/coupons/SHARED", key, null))).containsEntry("times_redeemed", 2);
    }
  }

  @Test
  void creatingATakenIdInAnotherTenant_isNoConflict_andDeletingTouchesOnlyOne() {
    Tenant alphaTest = TENANTS.get(0);
    assertThat(api.send("DELETE", "/v1/coupons/SHARED", keys.get(alphaTest), null).statusCode()).isEqualTo(200);
    for (Tenant other : TENANTS.subList(1, TENANTS.size())) {
      assertThat(api.send("GET", "/v1/coupons/SHARED", keys.get(other), null).statusCode()).isEqualTo(200);
    }
  }
}
