package dev.couponapi.store;

import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.MetadataChange;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.PromotionCode;
import dev.couponapi.domain.PromotionCodeFilter;
import dev.couponapi.domain.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Promotion codes in DynamoDB. Every rule two Lambdas could race on is a condition in the same
 * transaction as the write: the coupon still live, the code text free among active codes.
 */
public final class PromotionCodeStore {

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final NewestFirstIndex index;
  private final CodeMarkers markers;
  private final CouponStore coupons;
  private final RedemptionCounts counts;

  public PromotionCodeStore(DynamoDbClient dynamo, String tableName, CouponStore coupons) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.index = new NewestFirstIndex(dynamo, tableName);
    this.markers = new CodeMarkers(tableName);
    this.coupons = coupons;
    this.counts = new RedemptionCounts(tableName);
  }

  /** A stored code, its place in lists and its version (every update increments it). */
  public record Stored(PromotionCode code, String listKey, long version) {}

  /** Why a write was refused. */
  public enum Refusal { NOT_FOUND, COUPON_GONE, CODE_TAKEN, CHANGED_MEANWHILE, CURRENCY_REPEATED, METADATA_FULL }

  public static final class Refused extends RuntimeException {
    private final Refusal refusal;

    Refused(Refusal refusal) {
      super(refusal.name(), null, false, false);
      this.refusal = refusal;
    }

    public Refusal refusal() {
      return refusal;
    }
  }

  /**
   * Writes a new code in one transaction: the coupon revision must still be live, an active code
   * takes its text, and {@code rideAlong} (an idempotency record) commits with it.
   */
  public void insert(Tenant tenant, PromotionCode code, Instant now, RideAlong rideAlong) {
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(coupons.requireLive(tenant, code.couponId(), code.couponRev()));
    items.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName)
        .item(PromotionCodeMapper.toItem(tenant, NewestFirstIndex.newListKey(code.created(), now), code))
        .conditionExpression("attribute_not_exists(" + Table.PK + ")").build()).build());
    if (code.activeFlag()) {
      items.add(markers.claim(tenant, code));
    }
    try {
      Redemption.NONE.commit(dynamo, counts, tenant, now, items, rideAlong);
    } catch (RedemptionRefused refused) {
      // 0: the coupon; 1: the code's own id (random, 24 characters); 2: the text marker
      throw new Refused(refused.index() == 0 ? Refusal.COUPON_GONE : Refusal.CODE_TAKEN);
    }
  }

  public Optional<Stored> find(Tenant tenant, String id) {
    return Items.get(dynamo, tableName, Table.key(tenant, PromotionCodeMapper.TYPE, id))
        .map(PromotionCodeStore::stored);
  }

  /**
   * Changes metadata and currency options of a code, no read first: one conditional update that
   * returns the code as it is now (a second only when metadata lands near its key limit).
   */
  public Stored updateFields(Tenant tenant, String id, MetadataChange metadata, Map<String, Long> currencyOptions) {
    try {
      return stored(dynamo.updateItem(fields(metadata, currencyOptions, null).request(tableName, key(tenant, id))
          .build()).attributes());
    } catch (ConditionalCheckFailedException refused) {
      Map<String, AttributeValue> old = refused.item();
      Refusal refusal = explain(old, currencyOptions);
      if (refusal != Refusal.METADATA_FULL || MetadataUpdate.exceedsLimit(old, metadata)) {
        throw new Refused(refusal);
      }
      try {
        return stored(dynamo.updateItem(fields(metadata, currencyOptions, MetadataUpdate.pinnedTo(old))
            .request(tableName, key(tenant, id)).build()).attributes());
      } catch (ConditionalCheckFailedException changedMeanwhile) {
        throw new Refused(explain(changedMeanwhile.item(), currencyOptions));
      }
    }
  }

  /**
   * Replaces a code read at {@code current} with {@code next}, switching it on or off: one
   * transaction that requires the code unchanged since the read, takes or frees its text, and, when
   * switching on, requires its coupon revision still live.
   */
  public void replace(Tenant tenant, Stored current, PromotionCode next) {
    UpdateExpression update = new UpdateExpression()
        .name("#active", PromotionCodeMapper.ACTIVE).value(":active", Attr.bool(next.activeFlag()))
        .name("#gsi5", Table.GSI5_PK).value(":gsi5", Attr.s(PromotionCodeMapper.activeIndex(tenant, next.activeFlag())))
        .name("#md", PromotionCodeMapper.METADATA).value(":md", Attr.stringMap(next.metadata()))
        .name("#co", PromotionCodeMapper.CURRENCY_OPTIONS)
        .value(":co", Attr.longMap(next.restrictions().currencyOptions()))
        .name("#ver", PromotionCodeMapper.VERSION).value(":ver", Attr.n(current.version()))
        .value(":one", Attr.n(1))
        .set("#active = :active").set("#gsi5 = :gsi5").set("#md = :md").set("#co = :co").set("#ver = #ver + :one")
        .condition("#ver = :ver");
    // only an active code has anything left to expire
    ExpiryIndex.set(update, Table.key(tenant, PromotionCodeMapper.TYPE, next.id()),
        next.activeFlag() ? next.expiresAt() : null);
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(TransactWriteItem.builder().update(update.transactionUpdate(tableName, key(tenant, next.id()))).build());
    boolean switchingOn = next.activeFlag() && !current.code().activeFlag();
    if (switchingOn) {
      items.add(markers.claim(tenant, next));
      items.add(coupons.requireLive(tenant, next.couponId(), next.couponRev()));
    } else if (!next.activeFlag() && current.code().activeFlag()) {
      items.add(markers.release(tenant, current.code()));
    }
    try {
      Transactions.write(dynamo, TransactWriteItemsRequest.builder().transactItems(items).build());
    } catch (TransactionCanceledException cancelled) {
      throw new Refused(Transactions.failed(cancelled, 0) ? Refusal.CHANGED_MEANWHILE
          : switchingOn && Transactions.failed(cancelled, 1) ? Refusal.CODE_TAKEN
          : switchingOn && Transactions.failed(cancelled, 2) ? Refusal.COUPON_GONE : Refusal.CHANGED_MEANWHILE);
    }
  }

  /**
   * The sweep's write for a code past {@code expires_at}, or of a coupon past {@code redeem_by}:
   * switches it off, frees its text and takes it out of the expiry index, in one transaction
   * guarded by its version; false when it was switched off (or changed) meanwhile.
   */
  public boolean switchOffExpired(Tenant tenant, String id) {
    Optional<Stored> current = find(tenant, id);
    if (current.isEmpty()) {
      return false;
    }
    if (!current.get().code().activeFlag()) {
      return false;
    }
    try {
      replace(tenant, current.get(), current.get().code().withActive(false));
      return true;
    } catch (Refused changedMeanwhile) {
      return false;
    }
  }

  /** The active codes of a coupon, by the coupon index (for the sweep of a coupon past redeem_by). */
  public List<String> activeCodesOf(Tenant tenant, String couponId) {
    List<String> ids = new ArrayList<>();
    String after = null;
    while (true) {
      Page<Map<String, AttributeValue>> page = index.page(new NewestFirstIndex.Source(Table.GSI3, Table.GSI3_PK,
          PromotionCodeMapper.couponIndex(tenant, couponId)), new ListRequest(100, null, null, null, null), after, null,
          item -> Attr.bool(item, PromotionCodeMapper.ACTIVE));
      page.items().forEach(item -> ids.add(Attr.string(item, PromotionCodeMapper.ID)));
      if (!page.hasMore() || page.items().isEmpty()) {
        return ids;
      }
      after = Attr.string(page.items().get(page.items().size() - 1), Table.GSI1_SK);
    }
  }

  /** One page, newest first, read from the index that serves the most selective filter. */
  public Page<Stored> page(Tenant tenant, PromotionCodeFilter filter, ListRequest request, String afterKey,
      String beforeKey, Predicate<PromotionCode> keep) {
    NewestFirstIndex.Source source;
    if (filter.code() != null) {
      source = new NewestFirstIndex.Source(Table.GSI2, Table.GSI2_PK, PromotionCodeMapper.codeIndex(tenant, filter.code()));
    } else if (filter.customer() != null) {
      source = new NewestFirstIndex.Source(Table.GSI4, Table.GSI4_PK,
          PromotionCodeMapper.customerIndex(tenant, filter.customer()));
    } else if (filter.coupon() != null) {
      source = new NewestFirstIndex.Source(Table.GSI3, Table.GSI3_PK,
          PromotionCodeMapper.couponIndex(tenant, filter.coupon()));
    } else if (filter.active() != null) {
      source = new NewestFirstIndex.Source(Table.GSI5, Table.GSI5_PK,
          PromotionCodeMapper.activeIndex(tenant, filter.active()));
    } else {
      source = NewestFirstIndex.Source.list(Table.listKey(tenant, PromotionCodeMapper.TYPE));
    }
    Page<Map<String, AttributeValue>> page = index.page(source, request, afterKey, beforeKey,
        item -> keep.test(PromotionCodeMapper.fromItem(item)) && matches(filter, PromotionCodeMapper.fromItem(item)));
    return new Page<>(page.items().stream().map(PromotionCodeStore::stored).toList(), page.hasMore());
  }

  /** The filters the chosen index does not already guarantee, checked on the page's items. */
  private static boolean matches(PromotionCodeFilter filter, PromotionCode code) {
    return (filter.code() == null || filter.code().equals(code.normalizedCode()))
        && (filter.customer() == null || filter.customer().equals(code.customer()))
        && (filter.coupon() == null || filter.coupon().equals(code.couponId()))
        && (filter.active() == null || filter.active() == code.activeFlag());
  }

  private UpdateExpression fields(MetadataChange metadata, Map<String, Long> currencyOptions,
      Map<String, AttributeValue> pinned) {
    UpdateExpression update = new UpdateExpression()
        .name("#ver", PromotionCodeMapper.VERSION).value(":one", Attr.n(1)).set("#ver = #ver + :one")
        .condition("attribute_exists(" + Table.PK + ")");
    MetadataUpdate.apply(update, metadata, pinned);
    if (!currencyOptions.isEmpty()) {
      update.name("#co", PromotionCodeMapper.CURRENCY_OPTIONS).name("#mc", PromotionCodeMapper.MINIMUM_CURRENCY);
      int i = 0;
      for (Map.Entry<String, Long> option : currencyOptions.entrySet()) {
        update.name("#ck" + i, option.getKey()).value(":ck" + i, Attr.s(option.getKey()))
            .value(":cv" + i, Attr.n(option.getValue()))
            .set("#co.#ck" + i + " = :cv" + i)
            .condition("(attribute_not_exists(#mc) OR #mc <> :ck" + i + ")");
        i++;
      }
    }
    return update;
  }

  private static Refusal explain(Map<String, AttributeValue> old, Map<String, Long> currencyOptions) {
    if (old == null || old.isEmpty()) {
      return Refusal.NOT_FOUND;
    }
    String minimumCurrency = Attr.string(old, PromotionCodeMapper.MINIMUM_CURRENCY);
    if (minimumCurrency != null && currencyOptions.containsKey(minimumCurrency)) {
      return Refusal.CURRENCY_REPEATED;
    }
    return Refusal.METADATA_FULL;
  }

  private static Stored stored(Map<String, AttributeValue> item) {
    return new Stored(PromotionCodeMapper.fromItem(item), Attr.string(item, Table.GSI1_SK),
        PromotionCodeMapper.version(item));
  }

  private static Map<String, AttributeValue> key(Tenant tenant, String id) {
    return Map.of(Table.PK, Attr.s(Table.key(tenant, PromotionCodeMapper.TYPE, id)));
  }
}
