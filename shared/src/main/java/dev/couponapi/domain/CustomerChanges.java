package dev.couponapi.domain;

import java.util.Map;
import java.util.Set;

/**
 * An update of a customer's own fields (docs/api.md §5.1): {@code set} by field name ({@code name},
 * {@code email}, {@code description}, {@code currency}), {@code unset} those sent empty.
 */
public record CustomerChanges(Map<String, String> set, Set<String> unset, MetadataChange metadata) {

  public CustomerChanges {
    set = Map.copyOf(set);
    unset = Set.copyOf(unset);
  }

  public boolean isEmpty() {
    return set.isEmpty() && unset.isEmpty() && metadata.isEmpty();
  }

  /** The customer with these changes applied (for a write whose result is computed, not returned). */
  public Customer applyTo(Customer customer, Discount discount) {
    return new Customer(customer.id(), customer.created(), value("name", customer.name()),
        value("email", customer.email()), value("description", customer.description()),
        value("currency", customer.currency()), metadata.applyTo(customer.metadata()), discount, customer.livemode(),
        customer.nextInvoiceSequence(), customer.pendingInvoiceItems(), customer.testClock());
  }

  private String value(String field, String current) {
    return unset.contains(field) ? null : set.getOrDefault(field, current);
  }
}
