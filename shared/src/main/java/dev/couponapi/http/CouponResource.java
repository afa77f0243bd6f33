package dev.couponapi.http;

import dev.couponapi.domain.Permissions;
import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.CouponStats;
import dev.couponapi.service.CouponService;
import dev.couponapi.service.CouponStatsService;
import dev.couponapi.store.Snapshots;
import dev.couponapi.wire.CouponParams;
import dev.couponapi.wire.CouponRenderer;
import dev.couponapi.wire.CouponStatsParams;
import dev.couponapi.wire.CouponStatsRenderer;
import dev.couponapi.wire.ListParams;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The coupon routes (docs/api.md §2): each wires parameters, the service and the renderer. */
public final class CouponResource implements Resource {

  static final String URL = "/v1/coupons";
  private static final String ONE = URL + "/{coupon}";

  /** The statistics of several coupons (docs/api.md §2.9, an extension). */
  static final String STATS_LIST = "/v1/coupon_stats";

  private final CouponService coupons;
  private final CouponStatsService stats;

  public CouponResource(CouponService coupons, CouponStatsService stats) {
    this.coupons = coupons;
    this.stats = stats;
  }

  @Override
  public Permissions.Group group() {
    return Permissions.Group.COUPONS;
  }

  @Override
  public List<Operation> operations() {
    return List.of(create(), retrieve(), update(), delete(), list(), stats(), statsList());
  }

  /** Its events carry the coupon: {@code coupon.created}, {@code .updated}, {@code .deleted}. */
  @Override
  public List<EventKind<?>> events() {
    return List.of(EventKind.of(Snapshots.COUPON, (of, version, at) -> CouponRenderer.render(of.coupon(), at, Set.of()),
        Coupon.CREATED, Coupon.UPDATED, Coupon.DELETED));
  }

  public Operation create() {
    return Operation.post("CreateCouponFunction", URL, "coupons.create").params(CouponParams.CREATE)
        .expand(CouponRenderer.EXPANDABLE)
        .run(call -> coupons.create(call.change(), CouponParams.draft(call.params(), call.version())),
            (call, coupon) -> render(coupon, call.now(), call.expand()));
  }

  public Operation retrieve() {
    return Operation.get("RetrieveCouponFunction", ONE, "coupons.retrieve").expand(CouponRenderer.EXPANDABLE)
        .run(call -> render(coupons.retrieve(call.tenant(), call.id()), call.now(), call.expand()));
  }

  public Operation update() {
    return Operation.post("UpdateCouponFunction", ONE, "coupons.update").params(CouponParams.UPDATE)
        .expand(CouponRenderer.EXPANDABLE)
        .run(call -> render(coupons.update(call.change(), call.id(), CouponParams.changes(call.params())), call.now(),
            call.expand()));
  }

  public Operation delete() {
    return Operation.delete("DeleteCouponFunction", ONE, "coupons.delete").run(call -> {
      coupons.delete(call.change(), call.id());
      return CouponRenderer.renderDeleted(call.id());
    });
  }

  public Operation list() {
    return Operation.get("ListCouponsFunction", URL, "coupons.list").params(ListParams.DECLARED)
        .expandEach(CouponRenderer.EXPANDABLE).run(call -> {
          Page<Coupon> page = coupons.list(call.tenant(), ListParams.request(call.params()));
          return ListParams.envelope(page, URL, coupon -> render(coupon, call.now(), call.expand()));
        });
  }

  /** A coupon's statistics over {@code days} (docs/api.md §2.9, an extension). */
  public Operation stats() {
    return Operation.get("RetrieveCouponStatsFunction", ONE + "/stats", "coupons.stats").params(CouponStatsParams.ONE)
        .run(call -> CouponStatsRenderer.render("coupon", call.id(),
            stats.ofCoupon(call.tenant(), call.id(), CouponStatsParams.days(call.params()), call.now())));
  }

  /** The statistics of up to 100 coupons at once, for a list of coupons (the dashboard's). */
  public Operation statsList() {
    return Operation.get("ListCouponStatsFunction", STATS_LIST, "coupon_stats.list").params(CouponStatsParams.LIST)
        .run(call -> {
          Map<String, CouponStats> found = stats.ofCoupons(call.tenant(), CouponStatsParams.coupons(call.params()),
              CouponStatsParams.days(call.params()), call.now());
          return ListParams.envelope(List.copyOf(found.entrySet()), false, STATS_LIST,
              each -> CouponStatsRenderer.render("coupon", each.getKey(), each.getValue()));
        });
  }

  private static Object render(Coupon coupon, Instant now, Set<String> expand) {
    return CouponRenderer.render(coupon, now, expand);
  }
}
