package dev.couponapi.functions;

import dev.couponapi.app.App;

/**
 * The customer routes (docs/api.md §5.1, §4.6): one handler per operation, each named after its function in template.yaml
 * ({@code CreateCouponFunction} → {@code CouponFunctions$CreateCoupon}), with Lambda's constructor and
 * one taking an {@link App} for tests.
 */
public final class CustomerFunctions {

  private CustomerFunctions() {}

  /** Creates a customer, with a discount when `coupon` or `promotion_code` is given (docs/api.md §5.1, §4.3). */
  public static final class CreateCustomer extends ApiFunction {
    public CreateCustomer() { super(App.fromEnvironment()); }
    public CreateCustomer(App app) { super(app); }
  }

  /** Retrieves a customer with its discount (docs/api.md §5.1). */
  public static final class RetrieveCustomer extends ApiFunction {
    public RetrieveCustomer() { super(App.fromEnvironment()); }
    public RetrieveCustomer(App app) { super(app); }
  }

  /** Updates a customer; `coupon` / `promotion_code` replace its discount (docs/api.md §5.1, §4.3). */
  public static final class UpdateCustomer extends ApiFunction {
    public UpdateCustomer() { super(App.fromEnvironment()); }
    public UpdateCustomer(App app) { super(app); }
  }

  /** Deletes a customer, canceling its active subscriptions (docs/api.md §5.1). */
  public static final class DeleteCustomer extends ApiFunction {
    public DeleteCustomer() { super(App.fromEnvironment()); }
    public DeleteCustomer(App app) { super(app); }
  }

  /** Lists customers (docs/api.md §5.1). */
  public static final class ListCustomers extends ApiFunction {
    public ListCustomers() { super(App.fromEnvironment()); }
    public ListCustomers(App app) { super(app); }
  }

  /** Removes a customer's discount (docs/api.md §4.6). */
  public static final class DeleteCustomerDiscount extends ApiFunction {
    public DeleteCustomerDiscount() { super(App.fromEnvironment()); }
    public DeleteCustomerDiscount(App app) { super(app); }
  }
}
