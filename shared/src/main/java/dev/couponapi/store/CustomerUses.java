package dev.couponapi.store;

import dev.couponapi.domain.Tenant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * How often one customer redeemed one coupon (by its revision) or one promotion code: the
 * counter a limit per customer holds (docs/api.md §2.8). One item per coupon and customer, so
 * customers never share a key (no hot partition), moved only in the redemption's own transaction
 * by a condition that keeps it at the limit: racing redemptions of one customer never pass it.
 */
public final class CustomerUses {

  static final String USES = "uses";

  private CustomerUses() {}

  /** The counter of {@code subject} (a coupon revision or a code id) for {@code customer}. */
  static String key(Tenant tenant, String subject, String customer) {
    return ObjectType.CUSTOMER_USE.key(tenant, subject + "#" + customer);
  }

  private static String subject(Redemption.Count count) {
    return count.rev() != null ? count.rev() : count.id();
  }

  /** The write that counts {@code count}'s redemptions for its customer, refused past its limit. */
  static TransactWriteItem take(String tableName, Tenant tenant, Redemption.Count count) {
    return TransactWriteItem.builder().update(new UpdateExpression()
        .name("#uses", USES).value(":n", Attr.n(count.count()))
        .value(":most", Attr.n(count.perCustomer() - count.count())).add("#uses :n")
        .condition("attribute_not_exists(#uses) OR #uses <= :most")
        .transactionUpdate(tableName, Map.of(Table.PK, Attr.s(key(tenant, subject(count), count.customer())))))
        .build();
  }

  /** How often {@code customer} redeemed {@code subject} so far (a strongly consistent read). */
  public static long used(DynamoDbClient dynamo, String tableName, Tenant tenant, String subject, String customer) {
    return Items.get(dynamo, tableName, key(tenant, subject, customer))
        .map(item -> Attr.longOrZero(item, USES)).orElse(0L);
  }
}
