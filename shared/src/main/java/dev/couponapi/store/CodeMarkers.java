package dev.couponapi.store;

import dev.couponapi.domain.PromotionCode;
import dev.couponapi.domain.Tenant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The uniqueness of promotion-code text among active codes (docs/api.md §3.2), held by one marker item
 * per lower-cased text: {@code unrestricted} names the active code without a customer; one
 * {@code c_<customer>} attribute per active customer-restricted code, counted by
 * {@code restricted}. An unrestricted code needs the text free of every holder; a restricted one
 * needs no unrestricted holder and none for its own customer. Only active codes hold a marker.
 */
final class CodeMarkers {

  static final String UNRESTRICTED = "unrestricted";
  static final String RESTRICTED_COUNT = "restricted";

  /** The conditions that keep the text unique, as the tests check them. */
  static final String FREE_FOR_UNRESTRICTED = "attribute_not_exists(#u) AND (attribute_not_exists(#n) OR #n = :zero)";
  static final String FREE_FOR_CUSTOMER = "attribute_not_exists(#u) AND attribute_not_exists(#c)";

  private final String tableName;

  CodeMarkers(String tableName) {
    this.tableName = tableName;
  }

  /** Takes the text for an active code; fails the transaction when another active code holds it. */
  TransactWriteItem claim(Tenant tenant, PromotionCode code) {
    UpdateExpression update = new UpdateExpression().name("#u", UNRESTRICTED).name("#n", RESTRICTED_COUNT)
        .value(":id", Attr.s(code.id())).value(":zero", Attr.n(0));
    if (code.customer() == null) {
      update.set("#u = :id").condition(FREE_FOR_UNRESTRICTED);
    } else {
      update.name("#c", customerAttribute(code)).value(":one", Attr.n(1))
          .set("#c = :id").set("#n = if_not_exists(#n, :zero) + :one").condition(FREE_FOR_CUSTOMER);
    }
    return TransactWriteItem.builder().update(update.transactionUpdate(tableName, key(tenant, code))).build();
  }

  /** Frees the text this code held. */
  TransactWriteItem release(Tenant tenant, PromotionCode code) {
    UpdateExpression update = new UpdateExpression().value(":id", Attr.s(code.id()));
    if (code.customer() == null) {
      update.name("#u", UNRESTRICTED).remove("#u").condition("#u = :id");
    } else {
      update.name("#c", customerAttribute(code)).name("#n", RESTRICTED_COUNT).value(":one", Attr.n(1))
          .remove("#c").set("#n = #n - :one").condition("#c = :id");
    }
    return TransactWriteItem.builder().update(update.transactionUpdate(tableName, key(tenant, code))).build();
  }

  private static String customerAttribute(PromotionCode code) {
    return "c_" + code.customer();
  }

  private static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key(Tenant tenant,
      PromotionCode code) {
    return Map.of(Table.PK, Attr.s(ObjectType.CODE_MARKER.key(tenant, code.normalizedCode())));
  }
}
