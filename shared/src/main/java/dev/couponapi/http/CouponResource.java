package dev.couponapi.http;

import dev.couponapi.domain.Permissions;
import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.Page;
import dev.couponapi.service.CouponService;
import dev.couponapi.store.Snapshots;
import dev.couponapi.wire.CouponParams;
import dev.couponapi.wire.CouponRenderer;
import dev.couponapi.wire.ListParams;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The coupon routes (docs/api.md §2): each wires parameters, the service and the renderer. */
public final class CouponResource implements Resource {

  static final String URL = "/v1/coupons";
  private static final String ONE = URL + "/{coupon}";

  private final CouponService coupons;

  public CouponResource(CouponService coupons) {
    this.coupons = coupons;
  }

  @Override
  public Permissions.Group group() {
    return Permissions.Group.COUPONS;
  }

  @Override
  public List<Operation> operations() {
    return List.of(create(), retrieve(), update(), delete(), list());
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

  private static Object render(Coupon coupon, Instant now, Set<String> expand) {
    return CouponRenderer.render(coupon, now, expand);
  }
}
