package dev.couponapi.store;

import dev.couponapi.domain.Tenant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A {@code first_time_transaction} code's rule (docs/api.md §3.6) as a condition of the redemption's
 * own transaction: the customer has paid no invoice above zero when it commits, not only when it was
 * planned, so a payment racing the redemption cannot let it through. DynamoDB takes one action per
 * item in a transaction: when the redemption already writes the customer, the condition joins that
 * write (which then returns the customer as it was on a refusal, to tell a payment from another
 * change); otherwise it is a ConditionCheck of its own. A customer the transaction creates has paid
 * nothing, and is not checked.
 */
final class FirstTimeCheck {

  private static final String CONDITION = "(attribute_not_exists(#ftPaid) OR #ftPaid <= :ftNone)";

  private FirstTimeCheck() {}

  /** The customer's key. */
  static Map<String, AttributeValue> key(Tenant tenant, String customer) {
    return Map.of(Table.PK, Attr.s(ObjectType.CUSTOMER.key(tenant, customer)));
  }

  /**
   * {@code holder} with the check of {@code customer} added: on the write of that customer when
   * there is one (false: none, or the customer is new), else as {@code check}, a ConditionCheck.
   */
  static Checked add(List<Redemption.Holder> holder, String tableName, Tenant tenant, String customer, Enum<?> check) {
    Map<String, AttributeValue> key = key(tenant, customer);
    List<Redemption.Holder> writes = new ArrayList<>(holder);
    for (int i = 0; i < writes.size(); i++) {
      TransactWriteItem item = writes.get(i).item();
      if (item.put() != null && key.get(Table.PK).equals(item.put().item().get(Table.PK))) {
        return new Checked(writes, null);
      }
      if (item.update() != null && key.equals(item.update().key())) {
        writes.set(i, new Redemption.Holder(writes.get(i).part(), TransactWriteItem.builder()
            .update(joined(item.update())).build()));
        return new Checked(writes, writes.get(i).part());
      }
    }
    writes.add(new Redemption.Holder(check, TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
        .tableName(tableName).key(key).conditionExpression(CONDITION).expressionAttributeNames(names(Map.of()))
        .expressionAttributeValues(values(Map.of())).build()).build()));
    return new Checked(writes, check);
  }

  /** The holder writes with the check, and the part that carries it (null: nothing to check). */
  record Checked(List<Redemption.Holder> holder, Enum<?> part) {}

  /** Whether a refused write's customer, as it was, had paid an invoice above zero. */
  static boolean paid(Map<String, AttributeValue> customerAsItWas) {
    return Attr.longOrZero(customerAsItWas, CustomerMapper.PAID_INVOICES) > 0;
  }

  private static Update joined(Update update) {
    String condition = update.conditionExpression() == null ? CONDITION
        : "(" + update.conditionExpression() + ") AND " + CONDITION;
    return update.toBuilder().conditionExpression(condition)
        .expressionAttributeNames(names(update.hasExpressionAttributeNames() ? update.expressionAttributeNames() : Map.of()))
        .expressionAttributeValues(values(update.hasExpressionAttributeValues() ? update.expressionAttributeValues()
            : Map.of()))
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build();
  }

  private static Map<String, String> names(Map<String, String> names) {
    Map<String, String> all = new HashMap<>(names);
    all.put("#ftPaid", CustomerMapper.PAID_INVOICES);
    return all;
  }

  private static Map<String, AttributeValue> values(Map<String, AttributeValue> values) {
    Map<String, AttributeValue> all = new HashMap<>(values);
    all.put(":ftNone", Attr.n(0));
    return all;
  }
}
