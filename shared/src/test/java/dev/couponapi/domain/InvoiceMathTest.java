package dev.couponapi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.InvoiceMath.Applied;
import dev.couponapi.domain.InvoiceMath.Line;
import dev.couponapi.domain.InvoiceMath.LineDiscount;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Worked examples of docs/api.md §6.3, the spec's own among them. */
class InvoiceMathTest {

  static Coupon percent(String id, String percent, List<String> products) {
    return new Coupon(id, 0, new BigDecimal(percent), null, null, Map.of(), CouponDuration.FOREVER, null, null, null,
        null, Map.of(), products, 0, null, false);
  }

  static Coupon amount(String id, long amount, String currency, Map<String, Long> options) {
    return new Coupon(id, 0, null, amount, currency, options, CouponDuration.ONCE, null, null, null, null, Map.of(),
        null, 0, null, false);
  }

  private static Line line(long amount, String product, Applied... discounts) {
    return new Line(amount, product, true, List.of(discounts));
  }

  @Test
  void theSpecsWorkedExample() {
    Applied itemTen = new Applied("di_item", percent("TEN", "10", null));
    Applied fifteenOnB = new Applied("di_15", percent("FIFTEEN", "15", List.of("prod_B")));
    Applied threeHundred = new Applied("di_300", amount("THREE", 300, "usd", Map.of()));

    InvoiceMath.Result result = InvoiceMath.apply("usd",
        List.of(line(1000, "prod_A"), line(999, "prod_B", itemTen)), List.of(fifteenOnB, threeHundred));

    assertThat(result.subtotal()).isEqualTo(1899);
    assertThat(result.total()).isEqualTo(1464);
    assertThat(result.totals()).containsExactly(Map.entry("di_item", 100L), Map.entry("di_15", 135L),
        Map.entry("di_300", 300L));
    assertThat(result.lines().get(0)).containsExactly(new LineDiscount("di_300", 170));
    assertThat(result.lines().get(1)).containsExactly(new LineDiscount("di_item", 100), new LineDiscount("di_15", 135),
        new LineDiscount("di_300", 130));
  }

  @Test
  void amountOff_neverBelowZero_100With200Off_is0() {
    InvoiceMath.Result result = InvoiceMath.apply("usd", List.of(line(100, "p")),
        List.of(new Applied("di", amount("TWO", 200, "usd", Map.of()))));
    assertThat(result.total()).isZero();
    assertThat(result.totals()).containsEntry("di", 100L);
  }

  @Test
  void amountOff_300With200Off_is100() {
    assertThat(InvoiceMath.apply("usd", List.of(line(300, "p")),
        List.of(new Applied("di", amount("TWO", 200, "usd", Map.of())))).total()).isEqualTo(100);
  }

  @Test
  void percent_25point5OfOddAmounts_roundsHalvesAwayFromZero() {
    BigDecimal rate = new BigDecimal("25.5");
    assertThat(InvoiceMath.percentOf(999, rate)).isEqualTo(255);   // 254.745
    assertThat(InvoiceMath.percentOf(333, rate)).isEqualTo(85);    // 84.915
    assertThat(InvoiceMath.percentOf(1, rate)).isEqualTo(0);       // 0.255
    assertThat(InvoiceMath.percentOf(2, rate)).isEqualTo(1);       // 0.51
    assertThat(InvoiceMath.percentOf(1, new BigDecimal("50"))).isEqualTo(1);        // 0.5: half away from zero
    assertThat(InvoiceMath.percentOf(599, new BigDecimal("20"))).isEqualTo(120);    // 119.8 ("20% off $5.99")
    assertThat(InvoiceMath.percentOf(1999, new BigDecimal("99"))).isEqualTo(1979);  // 1979.01 ("99% off $19.99")
    assertThat(InvoiceMath.percentOf(200, new BigDecimal("25.25"))).isEqualTo(51);  // 50.5
  }

  @Test
  void amountOffAllocation_proportional_largestRemainder_tiesToTheEarlierLine() {
    assertThat(InvoiceMath.allocate(300, new long[] {1000, 764})).containsExactly(170, 130);
    assertThat(InvoiceMath.allocate(1, new long[] {50, 50})).containsExactly(1, 0);
    assertThat(InvoiceMath.allocate(5, new long[] {1, 1, 1})).containsExactly(1, 1, 1);
    assertThat(InvoiceMath.allocate(10, new long[] {0, 7})).containsExactly(0, 7);
  }

  @Test
  void amountOff_inAnotherCurrency_usesCurrencyOptions_orDoesNotApply() {
    Coupon both = amount("EUR", 500, "eur", Map.of("usd", 550L));
    assertThat(InvoiceMath.apply("usd", List.of(line(2000, "p")), List.of(new Applied("di", both))).total())
        .isEqualTo(1450);
    Coupon euroOnly = amount("EURO", 500, "eur", Map.of());
    assertThat(InvoiceMath.appliesIn(euroOnly, "usd")).isFalse();
    assertThat(InvoiceMath.apply("usd", List.of(line(2000, "p")), List.of(new Applied("di", euroOnly))).total())
        .isEqualTo(2000);
  }

  @Test
  void nonDiscountableLines_andOtherProducts_keepTheirAmount() {
    InvoiceMath.Result result = InvoiceMath.apply("usd",
        List.of(new Line(1000, "prod_A", false, List.of()), line(1000, "prod_B"), line(1000, "prod_C")),
        List.of(new Applied("di", percent("HALF", "50", List.of("prod_A", "prod_B")))));
    assertThat(result.total()).isEqualTo(2500);
    assertThat(result.lines().get(0)).isEmpty();
    assertThat(result.lines().get(2)).isEmpty();
  }

  @Test
  void stackedPercentages_workOnWhatRemains() {
    InvoiceMath.Result result = InvoiceMath.apply("usd", List.of(line(1000, "p")),
        List.of(new Applied("a", percent("A", "50", null)), new Applied("b", percent("B", "50", null))));
    assertThat(result.totals()).containsExactly(Map.entry("a", 500L), Map.entry("b", 250L));
    assertThat(result.total()).isEqualTo(250);
  }
}
