package dev.couponapi.store;

import dev.couponapi.domain.Tenant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What one account (and mode) may have at once or make a day (docs/hosting.md, H1.5), each a count
 * in an item of its own that the write it limits changes in its own transaction, on the condition
 * that the count stays within the limit: concurrent requests cannot pass it together. A count is
 * per account, so no item is shared by the accounts of a deployment.
 */
final class AccountQuotas {

  private static final String COUNT = "count";
  /** A day's count is kept a day past its end, then DynamoDB's TTL removes it. */
  private static final long DAY_KEPT_SECONDS = 2 * 86_400L;

  private final String tableName;

  AccountQuotas(String tableName) {
    this.tableName = tableName;
  }

  /** Counts one more of something the account may have {@code max} of at once. */
  TransactWriteItem takeOne(Tenant tenant, String quota, long max) {
    return TransactWriteItem.builder().update(new UpdateExpression()
        .name("#count", COUNT).value(":one", Attr.n(1)).value(":max", Attr.n(max))
        .add("#count :one").condition("(attribute_not_exists(#count) OR #count < :max)")
        .transactionUpdate(tableName, key(tenant, quota))).build();
  }

  /** Counts one fewer: one of them ended. */
  TransactWriteItem giveBackOne(Tenant tenant, String quota) {
    return TransactWriteItem.builder().update(new UpdateExpression()
        .name("#count", COUNT).value(":minusOne", Attr.n(-1)).add("#count :minusOne")
        .transactionUpdate(tableName, key(tenant, quota))).build();
  }

  /** Counts {@code amount} more of something the account may make {@code max} of in a day (UTC). */
  TransactWriteItem takeToday(Tenant tenant, String quota, LocalDate day, long amount, long max) {
    long end = day.plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    return TransactWriteItem.builder().update(new UpdateExpression()
        .name("#count", COUNT).value(":amount", Attr.n(amount)).value(":room", Attr.n(max - amount))
        .name("#ttl", Table.TTL).value(":ttl", Attr.n(end + DAY_KEPT_SECONDS))
        .add("#count :amount").set("#ttl = :ttl").condition("(attribute_not_exists(#count) OR #count <= :room)")
        .transactionUpdate(tableName, key(tenant, quota + "@" + day))).build();
  }

  private static Map<String, AttributeValue> key(Tenant tenant, String quota) {
    return Map.of(Table.PK, Attr.s(ObjectType.QUOTA.key(tenant, quota)));
  }
}
