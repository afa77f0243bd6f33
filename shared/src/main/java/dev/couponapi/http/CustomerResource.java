package dev.couponapi.http;

import dev.couponapi.domain.Permissions;
import dev.couponapi.domain.Customer;
import dev.couponapi.domain.Discount;
import dev.couponapi.store.Snapshots;
import dev.couponapi.service.CustomerService;
import dev.couponapi.service.DiscountService;
import dev.couponapi.service.HolderView;
import dev.couponapi.wire.CustomerParams;
import dev.couponapi.wire.CustomerRenderer;
import dev.couponapi.wire.DiscountParams;
import dev.couponapi.wire.DiscountRenderer;
import dev.couponapi.wire.ListParams;
import java.util.List;
import java.util.Set;

/** The customer routes (docs/api.md §5.1) and the removal of a customer's discount (§4.6). */
public final class CustomerResource implements Resource {

  static final String URL = "/v1/customers";
  private static final String ONE = URL + "/{customer}";

  private final CustomerService customers;
  private final DiscountService discounts;

  public CustomerResource(CustomerService customers, DiscountService discounts) {
    this.customers = customers;
    this.discounts = discounts;
  }

  @Override
  public Permissions.Group group() {
    return Permissions.Group.CUSTOMERS;
  }

  @Override
  public List<Operation> operations() {
    return List.of(create(), retrieve(), update(), delete(), list(), deleteDiscount());
  }

  /**
   * Its events carry the customer ({@code customer.*}) with the coupon of its discount, and a
   * discount with its coupon ({@code customer.discount.*}, a subscription's discounts too).
   */
  @Override
  public List<EventKind<?>> events() {
    return List.of(
        EventKind.of(Snapshots.CUSTOMER, (of, version, at) -> CustomerRenderer.render(of.customer(), version, at,
            discount -> of.coupon(), Set.of()), Customer.CREATED, Customer.UPDATED, Customer.DELETED),
        EventKind.of(Snapshots.DISCOUNT, (of, version, at) -> DiscountRenderer.render(of.discount(), version, at,
            discount -> of.coupon(), Set.of()), Discount.CREATED, Discount.UPDATED, Discount.DELETED));
  }

  public Operation create() {
    return Operation.post("CreateCustomerFunction", URL, "customers.create").params(CustomerParams.CREATE)
        .expand(CustomerRenderer::expandable)
        .run(call -> customers.create(call.change(), CustomerParams.changes(call.params()),
            DiscountParams.single(call.params()), call.params().text("test_clock")), CustomerResource::render);
  }

  public Operation retrieve() {
    return Operation.get("RetrieveCustomerFunction", ONE, "customers.retrieve").expand(CustomerRenderer::expandable)
        .run(call -> render(call, customers.retrieve(call.tenant(), call.id())));
  }

  public Operation update() {
    return Operation.post("UpdateCustomerFunction", ONE, "customers.update").params(CustomerParams.UPDATE)
        .expand(CustomerRenderer::expandable)
        .run(call -> render(call, customers.update(call.change(), call.id(), CustomerParams.changes(call.params()),
            DiscountParams.single(call.params()))));
  }

  public Operation delete() {
    return Operation.delete("DeleteCustomerFunction", ONE, "customers.delete").run(call -> {
      customers.delete(call.change(), call.id());
      return CustomerRenderer.renderDeleted(call.id());
    });
  }

  public Operation list() {
    return Operation.get("ListCustomersFunction", URL, "customers.list").params(CustomerParams.LIST)
        .expandEach(CustomerRenderer::expandable)
        .run(call -> ListParams.envelope(customers.list(call.tenant(), call.params().text("email"),
            ListParams.request(call.params())), URL, customer -> render(call, customer)));
  }

  /** {@code DELETE /v1/customers/{customer}/discount}: the removed discount as a DeletedDiscount. */
  public Operation deleteDiscount() {
    return Operation.delete("DeleteCustomerDiscountFunction", ONE + "/discount", "customers.delete_discount")
        .expand(DiscountRenderer::expandable)
        .run(call -> DiscountRenderer.renderDeleted(customers.deleteDiscount(call.change(), call.id()),
            call.version(), call.now(), discounts.lookup(call.tenant())::of, call.expand()));
  }

  private Object render(Call call, Customer customer) {
    return render(call, new HolderView<>(customer, discounts.lookup(call.tenant())::of));
  }

  private static Object render(Call call, HolderView<Customer> view) {
    return CustomerRenderer.render(view.holder(), call.version(), call.now(), view.coupons(), call.expand());
  }
}
