package dev.couponapi.http;

import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.CouponDraft;
import dev.couponapi.domain.Page;
import dev.couponapi.service.CouponService;
import dev.couponapi.wire.CouponParams;
import dev.couponapi.wire.CouponRenderer;
import dev.couponapi.wire.ListParams;
import java.util.Set;
import java.util.stream.Collectors;

/** The five coupon operations (spec §2), each wiring parameters, the service and the renderer. */
public final class CouponOperations {

  static final String PATH_ID = "coupon";
  static final String URL = "/v1/coupons";

  private static final Set<String> LIST_EXPANDABLE =
      CouponParams.EXPANDABLE.stream().map(path -> "data." + path).collect(Collectors.toUnmodifiableSet());

  private final CouponService coupons;

  public CouponOperations(CouponService coupons) {
    this.coupons = coupons;
  }

  public Operation create() {
    return Operations.of("coupons.create", "POST", version -> CouponParams.CREATE, version -> CouponParams.EXPANDABLE,
        call -> {
      CouponDraft draft = CouponParams.draft(call.params(), call.version());
      // the response is known before the write: its idempotency record commits with the coupon
      Coupon coupon = coupons.create(call.tenant(), draft,
          created -> call.idempotency().rideAlongFor(render(created, call.expand())));
      return render(coupon, call.expand());
    });
  }

  public Operation retrieve() {
    return Operations.of("coupons.retrieve", "GET", version -> CouponParams.NONE, version -> CouponParams.EXPANDABLE,
        call -> render(coupons.retrieve(call.tenant(), call.pathParameter(PATH_ID)), call.expand()));
  }

  public Operation update() {
    return Operations.of("coupons.update", "POST", version -> CouponParams.UPDATE, version -> CouponParams.EXPANDABLE,
        call -> render(coupons.update(call.tenant(), call.pathParameter(PATH_ID), CouponParams.changes(call.params())),
            call.expand()));
  }

  public Operation delete() {
    return Operations.of("coupons.delete", "DELETE", version -> CouponParams.NONE, version -> Set.of(), call -> {
      coupons.delete(call.tenant(), call.pathParameter(PATH_ID));
      return CouponRenderer.renderDeleted(call.pathParameter(PATH_ID));
    });
  }

  public Operation list() {
    return Operations.of("coupons.list", "GET", version -> ListParams.DECLARED, version -> LIST_EXPANDABLE, call -> {
      Page<Coupon> page = coupons.list(call.tenant(), ListParams.request(call.params()));
      Set<String> expand = call.expand().stream().map(path -> path.substring("data.".length()))
          .collect(Collectors.toUnmodifiableSet());
      return ListParams.envelope(page.items(), page.hasMore(), URL, coupon -> render(coupon, expand));
    });
  }

  private Object render(Coupon coupon, Set<String> expand) {
    return CouponRenderer.render(coupon, coupons.now(), expand);
  }
}
