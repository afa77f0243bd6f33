package dev.couponapi.store;

import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.CouponChanges;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Tenant;
import dev.couponapi.api.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Coupons in DynamoDB. Each call is one request, and every rule that two Lambdas could race on is a
 * condition: an id is taken by a conditional put, updates and deletes only touch a live coupon.
 */
public final class CouponStore {

  /** The condition that creating a coupon relies on: the id is not taken. */
  public static final String ID_IS_FREE = "attribute_not_exists(" + Table.PK + ")";
  /** The condition every update and delete relies on: the coupon exists and is not deleted. */
  public static final String IS_LIVE = "attribute_exists(" + Table.PK + ") AND attribute_not_exists(#deleted)";

  static final String ARCHIVE_TYPE = "coupon_rev";

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final NewestFirstIndex index;

  public CouponStore(DynamoDbClient dynamo, String tableName) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.index = new NewestFirstIndex(dynamo, tableName);
  }

  /** A coupon id that is already in use by a live coupon. */
  public static final class IdTaken extends RuntimeException {
    public IdTaken() {
      super(null, null, false, false);
    }
  }

  /** What a refused update ran into, read from the item as it was. */
  public enum Refusal { NOT_FOUND, NOT_AMOUNT_OFF, CURRENCY_REPEATED, METADATA_FULL }

  public static final class UpdateRefused extends RuntimeException {
    private final Refusal refusal;

    UpdateRefused(Refusal refusal) {
      super(refusal.name(), null, false, false);
      this.refusal = refusal;
    }

    public Refusal refusal() {
      return refusal;
    }
  }

  /** A stored coupon with its place in the list and its revision (which record of this id it is). */
  public record Stored(Coupon coupon, String listKey, String rev) {}

  /**
   * Writes a new coupon; one conditional put, or one transaction when {@code rideAlong} (an
   * idempotency record's completion) must commit with it. Reusing the id of a deleted coupon moves
   * the old record aside in the same transaction, so discounts made from it can still find it.
   */
  public void insert(Tenant tenant, Coupon coupon, Instant now, RideAlong rideAlong) {
    String pk = Table.key(tenant, CouponMapper.TYPE, coupon.id());
    Map<String, AttributeValue> item = CouponMapper.toItem(pk, Table.listKey(tenant, CouponMapper.TYPE),
        NewestFirstIndex.newListKey(coupon.created(), now), Ids.random(12), coupon);
    Map<String, AttributeValue> old;
    if (rideAlong == null) {
      try {
        dynamo.putItem(PutItemRequest.builder()
            .tableName(tableName)
            .item(item)
            .conditionExpression(ID_IS_FREE)
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
            .build());
        return;
      } catch (ConditionalCheckFailedException taken) {
        old = taken.item();
      }
    } else {
      try {
        Transactions.write(dynamo, TransactWriteItemsRequest.builder().transactItems(
            TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item)
                .conditionExpression(ID_IS_FREE)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build(),
            rideAlong.item).build());
        return;
      } catch (TransactionCanceledException cancelled) {
        Transactions.requireHeld(cancelled, 1);
        old = Transactions.oldItem(cancelled, 0);
      }
    }
    if (old == null || !old.containsKey(CouponMapper.DELETED_AT)) {
      throw new IdTaken();
    }
    replaceDeleted(tenant, old, item, rideAlong);
  }

  private void replaceDeleted(Tenant tenant, Map<String, AttributeValue> old, Map<String, AttributeValue> item,
      RideAlong rideAlong) {
    Map<String, AttributeValue> archived = new HashMap<>(old);
    archived.put(Table.PK, Attr.s(Table.key(tenant, ARCHIVE_TYPE, Attr.string(old, CouponMapper.REV))));
    archived.remove(Table.GSI1_PK);
    archived.remove(Table.GSI6_PK);
    archived.remove(Table.GSI6_SK);
    List<TransactWriteItem> items = new ArrayList<>(List.of(
        TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(archived)
            .conditionExpression(ID_IS_FREE).build()).build(),
        TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item)
            .conditionExpression("#rev = :rev AND attribute_exists(#deleted)")
            .expressionAttributeNames(Map.of("#rev", CouponMapper.REV, "#deleted", CouponMapper.DELETED_AT))
            .expressionAttributeValues(Map.of(":rev", old.get(CouponMapper.REV)))
            .build()).build()));
    if (rideAlong != null) {
      items.add(rideAlong.item);
    }
    try {
      Transactions.write(dynamo, TransactWriteItemsRequest.builder().transactItems(items).build());
    } catch (TransactionCanceledException raced) {
      if (rideAlong != null) {
        Transactions.requireHeld(raced, 2);
      }
      throw new IdTaken();
    }
  }

  /** The coupon with this id, deleted or not; one strongly consistent read. */
  public Optional<Stored> find(Tenant tenant, String id) {
    return Items.get(dynamo, tableName, Table.key(tenant, CouponMapper.TYPE, id)).map(CouponStore::stored);
  }

  /**
   * The coupon record of revision {@code rev} of coupon {@code id}: the live one, or the one moved
   * aside when the id was reused. For promotion codes and discounts, which name a revision.
   */
  public Optional<Coupon> findRevision(Tenant tenant, String id, String rev) {
    Optional<Stored> live = find(tenant, id);
    if (live.isPresent() && live.get().rev().equals(rev)) {
      return Optional.of(live.get().coupon());
    }
    return archived(tenant, rev);
  }

  /** Several coupons by id in one BatchGetItem (ids that do not exist are absent from the map). */
  public Map<String, Stored> findAll(Tenant tenant, java.util.Set<String> ids) {
    Map<String, Stored> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    List<Map<String, AttributeValue>> keys = ids.stream().map(id -> couponKey(tenant, id)).toList();
    Map<String, KeysAndAttributes> request = Map.of(tableName,
        KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
    while (!request.isEmpty()) {
      BatchGetItemResponse response = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
      response.responses().getOrDefault(tableName, List.of()).forEach(item -> {
        Stored stored = stored(item);
        found.put(stored.coupon().id(), stored);
      });
      request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
    }
    return found;
  }

  /** A coupon record moved aside when its id was reused. */
  public Optional<Coupon> archived(Tenant tenant, String rev) {
    return Items.get(dynamo, tableName, Table.key(tenant, ARCHIVE_TYPE, rev)).map(CouponMapper::fromItem);
  }

  /** The condition a write that depends on a live coupon revision puts on that coupon. */
  public TransactWriteItem requireLive(Tenant tenant, String id, String rev) {
    return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
        .tableName(tableName)
        .key(couponKey(tenant, id))
        .conditionExpression("attribute_not_exists(#deleted) AND #rev = :rev")
        .expressionAttributeNames(Map.of("#deleted", CouponMapper.DELETED_AT, "#rev", CouponMapper.REV))
        .expressionAttributeValues(Map.of(":rev", Attr.s(rev)))
        .build()).build();
  }

  private static Stored stored(Map<String, AttributeValue> item) {
    return new Stored(CouponMapper.fromItem(item), Attr.string(item, Table.GSI1_SK), Attr.string(item, CouponMapper.REV));
  }

  /** Applies the changes to a live coupon and returns it as it is now; one conditional update. */
  public Coupon update(Tenant tenant, String id, CouponChanges changes) {
    CouponUpdate update = CouponUpdate.of(changes);
    try {
      return CouponMapper.fromItem(dynamo.updateItem(update.expression().request(tableName, couponKey(tenant, id)).build())
          .attributes());
    } catch (ConditionalCheckFailedException refused) {
      Map<String, AttributeValue> old = refused.item();
      Refusal refusal = update.explain(old);
      if (refusal != Refusal.METADATA_FULL || update.exceedsLimitGiven(old)) {
        throw new UpdateRefused(refusal);
      }
      // Near the 50-key limit: retry once with the exact key state pinned by the condition.
      try {
        return CouponMapper.fromItem(dynamo.updateItem(update.pinnedTo(old).expression()
            .request(tableName, couponKey(tenant, id)).build()).attributes());
      } catch (ConditionalCheckFailedException changedMeanwhile) {
        throw new UpdateRefused(CouponUpdate.of(changes).explain(changedMeanwhile.item()));
      }
    }
  }

  /** Soft-deletes a live coupon and takes it out of lists; false when there was none. */
  public boolean delete(Tenant tenant, String id, Instant now) {
    try {
      dynamo.updateItem(UpdateItemRequest.builder()
          .tableName(tableName)
          .key(couponKey(tenant, id))
          .updateExpression("SET #deleted = :now REMOVE #gsi1pk, #gsi6pk, #gsi6sk")
          .conditionExpression(IS_LIVE)
          .expressionAttributeNames(Map.of("#deleted", CouponMapper.DELETED_AT, "#gsi1pk", Table.GSI1_PK,
              "#gsi6pk", Table.GSI6_PK, "#gsi6sk", Table.GSI6_SK))
          .expressionAttributeValues(Map.of(":now", Attr.n(now.getEpochSecond())))
          .returnValues(ReturnValue.NONE)
          .build());
      return true;
    } catch (ConditionalCheckFailedException absent) {
      return false;
    }
  }

  /**
   * The sweep's write for a coupon past {@code redeem_by}: stores {@code valid: false} and takes it
   * out of the expiry index; false when another sweep (or a delete) already did.
   */
  public boolean expire(Tenant tenant, String id, Instant now) {
    try {
      dynamo.updateItem(new UpdateExpression()
          .name("#valid", CouponMapper.VALID).value(":false", Attr.bool(false)).set("#valid = :false")
          .name("#redeemBy", CouponMapper.REDEEM_BY).value(":now", Attr.n(now.getEpochSecond()))
          .name("#gsi6pk", Table.GSI6_PK).name("#gsi6sk", Table.GSI6_SK).remove("#gsi6pk").remove("#gsi6sk")
          .condition("attribute_exists(#gsi6pk) AND #redeemBy <= :now")
          .request(tableName, couponKey(tenant, id)).returnValues(ReturnValue.NONE)
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.NONE).build());
      return true;
    } catch (ConditionalCheckFailedException alreadyDone) {
      return false;
    }
  }

  /** One page, newest first; cursor list keys come from {@link #find}. */
  public Page<Coupon> page(Tenant tenant, ListRequest request, String afterKey, String beforeKey) {
    Page<Map<String, AttributeValue>> page =
        index.page(Table.listKey(tenant, CouponMapper.TYPE), request, afterKey, beforeKey);
    return new Page<>(page.items().stream().map(CouponMapper::fromItem).toList(), page.hasMore());
  }

  static Map<String, AttributeValue> couponKey(Tenant tenant, String id) {
    return Map.of(Table.PK, Attr.s(Table.key(tenant, CouponMapper.TYPE, id)));
  }
}
