package dev.couponapi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.InvoiceMath.Applied;
import dev.couponapi.domain.InvoiceMath.Line;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Properties of the discount arithmetic over random amounts, currencies and coupons (jqwik). */
class InvoiceMathProperties {

  private static final List<String> CURRENCIES = List.of("usd", "eur", "jpy");
  private static final List<String> PRODUCTS = List.of("prod_A", "prod_B", "prod_C");

  @Provide
  Arbitrary<Coupon> coupons() {
    Arbitrary<List<String>> appliesTo = Arbitraries.of(PRODUCTS).list().ofMinSize(1).ofMaxSize(3).uniqueElements()
        .injectNull(0.6);
    Arbitrary<Coupon> percent = Combinators.combine(
        Arbitraries.integers().between(1, 10_000).map(hundredths -> BigDecimal.valueOf(hundredths, 2)), appliesTo)
        .as((rate, products) -> new Coupon("P", 0, rate, null, null, Map.of(), CouponDuration.FOREVER, null, null, null,
            null, Map.of(), products, 0, null, false));
    Arbitrary<Coupon> amount = Combinators.combine(Arbitraries.longs().between(1, 99_999_999),
        Arbitraries.of(CURRENCIES), Arbitraries.longs().between(1, 99_999_999), appliesTo)
        .as((off, currency, other, products) -> new Coupon("A", 0, null, off, currency,
            currency.equals("eur") ? Map.of() : Map.of("eur", other), CouponDuration.ONCE, null, null, null, null,
            Map.of(), products, 0, null, false));
    return Arbitraries.oneOf(percent, amount);
  }

  @Provide
  Arbitrary<Line> lines() {
    return Combinators.combine(Arbitraries.longs().between(0, 10_000_000), Arbitraries.of(PRODUCTS),
        Arbitraries.of(true, true, true, false), coupons().list().ofMaxSize(2))
        .as((amount, product, discountable, coupons) -> new Line(amount, product, discountable,
            applied(coupons, "li")));
  }

  private static List<Applied> applied(List<Coupon> coupons, String prefix) {
    List<Applied> applied = new ArrayList<>();
    for (int i = 0; i < coupons.size(); i++) {
      applied.add(new Applied(prefix + i + "_" + System.identityHashCode(coupons.get(i)), coupons.get(i)));
    }
    return applied;
  }

  @Provide
  Arbitrary<List<Line>> invoices() {
    return lines().list().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<List<Coupon>> invoiceDiscounts() {
    return coupons().list().ofMaxSize(4);
  }

  @Property(tries = 500)
  void totalIsBetweenZeroAndSubtotal_andTheDiscountAmountsAddUp(
      @ForAll("invoices") List<Line> lines,
      @ForAll("invoiceDiscounts") List<Coupon> invoiceCoupons,
      @ForAll("currency") String currency) {
    InvoiceMath.Result result = InvoiceMath.apply(currency, lines, applied(invoiceCoupons, "inv"));
    long gross = lines.stream().mapToLong(Line::amount).sum();

    assertThat(result.total()).isBetween(0L, result.subtotal());
    assertThat(result.subtotal()).isBetween(0L, gross);
    long byTotals = result.totals().values().stream().mapToLong(Long::longValue).sum();
    long byLines = result.lines().stream().flatMap(List::stream).mapToLong(InvoiceMath.LineDiscount::amount).sum();
    assertThat(byTotals).isEqualTo(byLines).isEqualTo(gross - result.total());
    for (int i = 0; i < lines.size(); i++) {
      long taken = result.lines().get(i).stream().mapToLong(InvoiceMath.LineDiscount::amount).sum();
      assertThat(taken).isBetween(0L, lines.get(i).amount());
      if (!lines.get(i).discountable()) {
        assertThat(taken).isZero();
      }
    }
  }

  @Provide
  Arbitrary<String> currency() {
    return Arbitraries.of(CURRENCIES);
  }

  @Property(tries = 1000)
  void percentRounding_isTheExactValueRoundedHalfAwayFromZero(
      @ForAll @LongRange(min = 0, max = 1_000_000_000L) long remaining,
      @ForAll @IntRange(min = 1, max = 10_000) int hundredths) {
    BigDecimal rate = BigDecimal.valueOf(hundredths, 2);
    long discount = InvoiceMath.percentOf(remaining, rate);
    BigDecimal exact = BigDecimal.valueOf(remaining).multiply(rate).divide(BigDecimal.valueOf(100));
    assertThat(BigDecimal.valueOf(discount).subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.5"));
    assertThat(discount).isEqualTo(exact.setScale(0, RoundingMode.HALF_UP).longValueExact());
    assertThat(discount).isBetween(0L, remaining);
  }

  @Property(tries = 1000)
  void amountOffAllocation_sumsToTheCappedAmount_andNoLineGoesNegative(
      @ForAll @LongRange(min = 0, max = 100_000_000L) long amount,
      @ForAll @Size(min = 1, max = 8) List<@LongRange(min = 0, max = 10_000_000L) Long> remaining) {
    long[] pool = remaining.stream().mapToLong(Long::longValue).toArray();
    long[] shares = InvoiceMath.allocate(amount, pool);
    long sum = 0;
    for (int i = 0; i < pool.length; i++) {
      assertThat(shares[i]).isBetween(0L, pool[i]);
      sum += shares[i];
    }
    assertThat(sum).isEqualTo(Math.min(amount, remaining.stream().mapToLong(Long::longValue).sum()));
  }
}
