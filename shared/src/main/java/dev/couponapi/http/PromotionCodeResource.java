package dev.couponapi.http;

import dev.couponapi.domain.Permissions;
import dev.couponapi.domain.PromotionCode;
import dev.couponapi.service.CouponStatsService;
import dev.couponapi.service.PromotionCodeService;
import dev.couponapi.store.Snapshots;
import dev.couponapi.service.PromotionCodeView;
import dev.couponapi.wire.ListParams;
import dev.couponapi.wire.CouponStatsParams;
import dev.couponapi.wire.CouponStatsRenderer;
import dev.couponapi.wire.PromotionCodeParams;
import dev.couponapi.wire.PromotionCodeRenderer;
import java.util.List;
import java.util.Set;

/** The promotion-code routes (docs/api.md §3), rendered in the request's version. */
public final class PromotionCodeResource implements Resource {

  static final String URL = "/v1/promotion_codes";
  private static final String ONE = URL + "/{promotion_code}";

  private final PromotionCodeService codes;
  private final CouponStatsService stats;

  public PromotionCodeResource(PromotionCodeService codes, CouponStatsService stats) {
    this.codes = codes;
    this.stats = stats;
  }

  @Override
  public Permissions.Group group() {
    return Permissions.Group.PROMOTION_CODES;
  }

  @Override
  public List<Operation> operations() {
    return List.of(create(), retrieve(), update(), list(), stats());
  }

  /** Its events carry the code with its coupon: {@code promotion_code.created}, {@code .updated}. */
  @Override
  public List<EventKind<?>> events() {
    return List.of(EventKind.of(Snapshots.PROMOTION_CODE, (of, version, at) -> PromotionCodeRenderer.render(of.code(),
        of.coupon(), version, at, Set.of()), PromotionCode.CREATED, PromotionCode.UPDATED));
  }

  public Operation create() {
    return Operation.post("CreatePromotionCodeFunction", URL, "promotion_codes.create")
        .params(PromotionCodeParams::create).expand(PromotionCodeRenderer::expandable)
        .run(call -> codes.create(call.change(), PromotionCodeParams.draft(call.params(), call.version())),
            (call, view) -> render(call, view, call.expand()));
  }

  public Operation retrieve() {
    return Operation.get("RetrievePromotionCodeFunction", ONE, "promotion_codes.retrieve")
        .expand(PromotionCodeRenderer::expandable)
        .run(call -> render(call, codes.retrieve(call.tenant(), call.id()), call.expand()));
  }

  public Operation update() {
    return Operation.post("UpdatePromotionCodeFunction", ONE, "promotion_codes.update")
        .params(PromotionCodeParams.UPDATE).expand(PromotionCodeRenderer::expandable)
        .run(call -> render(call, codes.update(call.change(), call.id(), PromotionCodeParams.changes(call.params())),
            call.expand()));
  }

  public Operation list() {
    return Operation.get("ListPromotionCodesFunction", URL, "promotion_codes.list").params(PromotionCodeParams.LIST)
        .expandEach(PromotionCodeRenderer::expandable)
        .run(call -> ListParams.envelope(codes.list(call.tenant(), PromotionCodeParams.filter(call.params()),
            ListParams.request(call.params()), call.now()), URL, view -> render(call, view, call.expand())));
  }

  private static Object render(Call call, PromotionCodeView view, Set<String> expand) {
    return PromotionCodeRenderer.render(view.code(), view.coupon(), call.version(), call.now(), expand);
  }

  /** A code's statistics over {@code days} (docs/api.md §2.9, an extension). */
  public Operation stats() {
    return Operation.get("RetrievePromotionCodeStatsFunction", ONE + "/stats", "promotion_codes.stats")
        .params(CouponStatsParams.ONE)
        .run(call -> CouponStatsRenderer.render("promotion_code", call.id(),
            stats.ofCode(call.tenant(), call.id(), CouponStatsParams.days(call.params()), call.now())));
  }
}
