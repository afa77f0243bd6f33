package dev.couponapi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A {@code type} filter's {@code *} matches any text, without a regular expression (no backtracking). */
class EventTypesTest {

  private static final EventTypes TYPES = new EventTypes(List.of(Coupon.CREATED, Coupon.UPDATED, Coupon.DELETED,
      Customer.CREATED, Discount.CREATED, Subscription.UPDATED));

  @Test
  void stars_matchAnyText_includingNone_andDotsAreLiteral() {
    assertThat(TYPES.matching("coupon.*")).containsExactly(Coupon.CREATED, Coupon.UPDATED, Coupon.DELETED);
    assertThat(TYPES.matching("*.updated")).containsExactly(Coupon.UPDATED, Subscription.UPDATED);
    assertThat(TYPES.matching("customer.*.created")).containsExactly(Discount.CREATED);
    assertThat(TYPES.matching("*")).hasSize(6);
    assertThat(TYPES.matching("coupon.created*")).containsExactly(Coupon.CREATED);
    assertThat(TYPES.matching("c*o*u*p*o*n*")).containsExactly(Coupon.CREATED, Coupon.UPDATED, Coupon.DELETED,
        Subscription.UPDATED);
    assertThat(TYPES.matching("coupon?created")).isEmpty();
    assertThat(TYPES.matching("coupon.created")).containsExactly(Coupon.CREATED);
    assertThat(TYPES.matching("*created*deleted")).isEmpty();
    assertThat(TYPES.matching("coupon.updatedX")).isEmpty();
    assertThat(TYPES.matching("**.**")).hasSize(6);
  }

  /** With a regular expression, 40 stars and a letter no name has took longer than anyone waits. */
  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void aHundredStarsAndALetterNoNameHas_matchNothing_inTimeLinearInThePattern() {
    assertThat(TYPES.matching("*".repeat(99) + "Z")).isEmpty();
    assertThat(TYPES.matching("*".repeat(40) + "d")).containsExactly(Coupon.CREATED, Coupon.UPDATED,
        Coupon.DELETED, Customer.CREATED, Discount.CREATED, Subscription.UPDATED);
  }
}
