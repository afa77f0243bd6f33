package dev.couponapi.store;

import dev.couponapi.domain.Customer;
import dev.couponapi.domain.Tenant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The only place that knows how a customer is laid out as an item, with its index keys. */
final class CustomerMapper {

  static final String ID = "id";
  static final String CREATED = "created";
  static final String METADATA = MetadataUpdate.ATTRIBUTE;
  static final String DISCOUNT = "discount";
  static final String LIVEMODE = "livemode";
  static final String DELETED_AT = ObjectTable.DELETED_AT;
  /** The plain string fields, stored under their API names. */
  static final List<String> FIELDS = List.of("name", "email", "description", "currency");

  private CustomerMapper() {}

  /** The GSI2 partition of a tenant's customers with one email. */
  static String emailIndex(Tenant tenant, String email) {
    return Table.listKey(tenant, "customeremail") + "#" + email;
  }

  static Map<String, AttributeValue> toItem(Tenant tenant, Customer customer, String listKey) {
    Map<String, AttributeValue> item = new HashMap<>();
    String pk = ObjectType.CUSTOMER.key(tenant, customer.id());
    item.put(Table.PK, Attr.s(pk));
    item.put(Table.GSI1_PK, Attr.s(ObjectType.CUSTOMER.listKey(tenant)));
    item.put(Table.GSI1_SK, Attr.s(listKey));
    if (customer.email() != null) {
      item.put(Table.GSI2_PK, Attr.s(emailIndex(tenant, customer.email())));
    }
    item.put(ID, Attr.s(customer.id()));
    item.put(CREATED, Attr.n(customer.created()));
    Attr.putIfPresent(item, "name", customer.name());
    Attr.putIfPresent(item, "email", customer.email());
    Attr.putIfPresent(item, "description", customer.description());
    Attr.putIfPresent(item, "currency", customer.currency());
    item.put(METADATA, Attr.stringMap(customer.metadata()));
    if (customer.discount() != null) {
      item.put(DISCOUNT, DiscountMapper.toAttribute(customer.discount()));
    }
    item.put(LIVEMODE, Attr.bool(customer.livemode()));
    ExpiryIndex.put(item, pk, customer.discount() == null ? null : customer.discount().end());
    return item;
  }

  static Customer fromItem(Map<String, AttributeValue> item) {
    return new Customer(Attr.string(item, ID), Attr.longValue(item, CREATED), Attr.string(item, "name"),
        Attr.string(item, "email"), Attr.string(item, "description"), Attr.string(item, "currency"),
        Attr.stringMap(item, METADATA), DiscountMapper.fromAttribute(item.get(DISCOUNT)), Attr.bool(item, LIVEMODE));
  }
}
