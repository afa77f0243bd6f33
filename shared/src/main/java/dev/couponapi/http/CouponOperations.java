package dev.couponapi.http;

import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.CouponDraft;
import dev.couponapi.domain.Page;
import dev.couponapi.service.CouponService;
import dev.couponapi.wire.ApiVersion;
import dev.couponapi.wire.CouponParams;
import dev.couponapi.wire.CouponRenderer;
import dev.couponapi.wire.ListParams;
import dev.couponapi.wire.ParamType;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
    return operation("coupons.create", "POST", CouponParams.CREATE, CouponParams.EXPANDABLE, call -> {
      CouponDraft draft = CouponParams.draft(call.params(), call.version());
      // the response is known before the write: its idempotency record commits with the coupon
      Coupon coupon = coupons.create(call.tenant(), draft,
          created -> call.idempotency().rideAlongFor(render(created, call.expand())));
      return render(coupon, call.expand());
    });
  }

  public Operation retrieve() {
    return operation("coupons.retrieve", "GET", CouponParams.NONE, CouponParams.EXPANDABLE,
        call -> render(coupons.retrieve(call.tenant(), call.pathParameter(PATH_ID)), call.expand()));
  }

  public Operation update() {
    return operation("coupons.update", "POST", CouponParams.UPDATE, CouponParams.EXPANDABLE,
        call -> render(coupons.update(call.tenant(), call.pathParameter(PATH_ID), CouponParams.changes(call.params())),
            call.expand()));
  }

  public Operation delete() {
    return operation("coupons.delete", "DELETE", CouponParams.NONE, Set.of(), call -> {
      coupons.delete(call.tenant(), call.pathParameter(PATH_ID));
      return CouponRenderer.renderDeleted(call.pathParameter(PATH_ID));
    });
  }

  public Operation list() {
    return operation("coupons.list", "GET", ListParams.DECLARED, LIST_EXPANDABLE, call -> {
      Page<Coupon> page = coupons.list(call.tenant(), ListParams.request(call.params()));
      Set<String> expand = call.expand().stream().map(path -> path.substring("data.".length()))
          .collect(Collectors.toUnmodifiableSet());
      return ListParams.envelope(page.items(), page.hasMore(), URL, coupon -> render(coupon, expand));
    });
  }

  private Object render(Coupon coupon, Set<String> expand) {
    return CouponRenderer.render(coupon, coupons.now(), expand);
  }

  private static Operation operation(String name, String method, Map<String, ParamType> parameters,
      Set<String> expandable, Function<Call, Object> body) {
    return new Operation() {
      public String name() {
        return name;
      }

      public String method() {
        return method;
      }

      public Map<String, ParamType> parameters(ApiVersion version) {
        return parameters;
      }

      public Set<String> expandable() {
        return expandable;
      }

      public Object execute(Call call) {
        return body.apply(call);
      }
    };
  }
}
