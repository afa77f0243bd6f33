package dev.couponapi.http;

import dev.couponapi.domain.Customer;
import dev.couponapi.domain.Page;
import dev.couponapi.service.CustomerService;
import dev.couponapi.service.HolderView;
import dev.couponapi.api.ApiVersion;
import dev.couponapi.wire.CustomerParams;
import dev.couponapi.wire.CustomerRenderer;
import dev.couponapi.wire.DiscountParams;
import dev.couponapi.wire.DiscountRenderer;
import dev.couponapi.wire.ListParams;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The customer operations (spec §5.1) and the removal of a customer's discount (spec §4.6). */
public final class CustomerOperations {

  static final String PATH_ID = "customer";
  static final String URL = "/v1/customers";

  private final CustomerService customers;
  private final DiscountHolderRendering rendering;

  public CustomerOperations(CustomerService customers, DiscountHolderRendering rendering) {
    this.customers = customers;
    this.rendering = rendering;
  }

  public Operation create() {
    return Operations.of("customers.create", "POST", version -> CustomerParams.CREATE, CustomerParams::expandable,
        call -> {
          // the response is known before the write: its idempotency record commits with the customer
          HolderView<Customer> customer = customers.create(call.tenant(), call.version(),
              CustomerParams.changes(call.params()), DiscountParams.single(call.params()),
              created -> call.idempotency().rideAlongFor(render(call, created, call.expand())));
          return render(call, customer, call.expand());
        });
  }

  public Operation retrieve() {
    return Operations.of("customers.retrieve", "GET", version -> Map.of(), CustomerParams::expandable,
        call -> render(call, customers.retrieve(call.tenant(), call.pathParameter(PATH_ID)), call.expand()));
  }

  public Operation update() {
    return Operations.of("customers.update", "POST", version -> CustomerParams.UPDATE, CustomerParams::expandable,
        call -> render(call, customers.update(call.tenant(), call.version(), call.pathParameter(PATH_ID),
            CustomerParams.changes(call.params()), DiscountParams.single(call.params())), call.expand()));
  }

  public Operation delete() {
    return Operations.of("customers.delete", "DELETE", version -> Map.of(), version -> Set.of(), call -> {
      customers.delete(call.tenant(), call.pathParameter(PATH_ID));
      return CustomerRenderer.renderDeleted(call.pathParameter(PATH_ID));
    });
  }

  public Operation list() {
    return Operations.of("customers.list", "GET", version -> CustomerParams.LIST,
        version -> CustomerParams.expandable(version).stream().map(path -> "data." + path)
            .collect(Collectors.toUnmodifiableSet()),
        call -> {
          Page<Customer> page = customers.list(call.tenant(), call.params().text("email"),
              ListParams.request(call.params()));
          Set<String> expand = call.expand().stream().map(path -> path.substring("data.".length()))
              .collect(Collectors.toUnmodifiableSet());
          return ListParams.envelope(page.items(), page.hasMore(), URL, customer -> render(call, customer, expand));
        });
  }

  /** {@code DELETE /v1/customers/{customer}/discount}: the removed discount as a DeletedDiscount. */
  public Operation deleteDiscount() {
    return Operations.of("customers.delete_discount", "DELETE", version -> Map.of(), CustomerOperations::discountExpand,
        call -> DiscountRenderer.renderDeleted(customers.deleteDiscount(call.tenant(), call.pathParameter(PATH_ID)),
            call.version(), customers.now(), rendering.couponsOf(call.tenant()), call.expand()));
  }

  static Set<String> discountExpand(ApiVersion version) {
    return version.atLeast(ApiVersion.CLOVER) ? Set.of("source.coupon") : Set.of();
  }

  private Object render(Call call, Customer customer, Set<String> expand) {
    return render(call, new HolderView<>(customer, rendering.couponsOf(call.tenant())), expand);
  }

  private Object render(Call call, HolderView<Customer> view, Set<String> expand) {
    return CustomerRenderer.render(view.holder(), call.version(), customers.now(), view.coupons(), expand);
  }
}
