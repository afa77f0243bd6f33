package dev.couponapi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PermissionsTest {

  @Test
  void groupsNotNamedAreNone_andWriteIncludesRead() {
    Permissions permissions = Permissions.parse("coupons=write, promotion_codes=read");
    assertThat(permissions.allows(Permissions.Group.COUPONS, Permissions.Level.READ)).isTrue();
    assertThat(permissions.allows(Permissions.Group.COUPONS, Permissions.Level.WRITE)).isTrue();
    assertThat(permissions.allows(Permissions.Group.PROMOTION_CODES, Permissions.Level.WRITE)).isFalse();
    assertThat(permissions.allows(Permissions.Group.EVENTS, Permissions.Level.READ)).isFalse();
    assertThat(permissions.compact()).isEqualTo("coupons=write,promotion_codes=read");
    assertThat(Permissions.parse(permissions.compact())).isEqualTo(permissions);
    assertThat(Permissions.of(Map.of("coupons", "write", "promotion_codes", "read", "events", "none")))
        .isEqualTo(permissions);
  }

  @Test
  void mistakes_areNamed() {
    assertThatThrownBy(() -> Permissions.parse("coupon=write")).hasMessage("unknown permission group 'coupon': the "
        + "groups are coupons, promotion_codes, customers, subscriptions, invoices, webhook_endpoints, events");
    assertThatThrownBy(() -> Permissions.parse("coupons=admin")).hasMessage("unknown level 'admin' for coupons: none, "
        + "read or write");
    assertThatThrownBy(() -> Permissions.parse("coupons")).hasMessageContaining("GROUP=LEVEL");
    assertThatThrownBy(() -> Permissions.parse("coupons=read,coupons=write")).hasMessageContaining("named twice");
    assertThatThrownBy(() -> Permissions.parse("coupons=none")).hasMessageContaining("at least one group");
    assertThatThrownBy(() -> Permissions.of(Map.of())).hasMessageContaining("at least one group");
  }
}
