package dev.couponapi.store;

import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.PromotionCode;
import dev.couponapi.domain.PromotionCodeBatch;
import dev.couponapi.domain.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Promotion-code batches in DynamoDB, and the chunks that make their codes. A chunk commits in one
 * transaction with the batch's count, on the condition that the count is still what the worker
 * read: a chunk that committed is never made again, and one that did not left nothing behind
 * (docs/design.md, "Promotion-code batches"). While a batch is unfinished it sits in the expiry
 * index under the moment it counts as stalled, which every chunk moves on, so the sweep finds a
 * batch whose worker was lost.
 */
public final class PromotionCodeBatchStore {

  /** A transaction holds at most 100 items. */
  public static final int MAX_TRANSACTION_ITEMS = 100;
  /** A batch that made no progress for this long is handed to a worker again by the sweep. */
  public static final Duration STALLED_AFTER = Duration.ofMinutes(10);

  /** An account's quotas of batches (docs/hosting.md, H1.5). */
  public record Limits(int unfinishedBatches, long codesPerDay) {
    /** The template's defaults: two batches at once, a million codes a day. */
    public static final Limits DEFAULT = new Limits(2, 1_000_000);
  }

  static final String UNFINISHED_BATCHES = "unfinished_batches";
  static final String BATCH_CODES = "batch_codes";

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final ObjectTable<Stored> batches;
  private final CouponStore coupons;
  private final PromotionCodeStore codes;
  private final AccountQuotas quotas;
  private final Limits limits;

  public PromotionCodeBatchStore(DynamoDbClient dynamo, String tableName, CouponStore coupons,
      PromotionCodeStore codes) {
    this(dynamo, tableName, coupons, codes, Limits.DEFAULT);
  }

  public PromotionCodeBatchStore(DynamoDbClient dynamo, String tableName, CouponStore coupons,
      PromotionCodeStore codes, Limits limits) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.quotas = new AccountQuotas(tableName);
    this.limits = limits;
    this.batches = new ObjectTable<>(dynamo, tableName, ObjectType.PROMOTION_CODE_BATCH,
        PromotionCodeBatchStore::stored);
    this.coupons = coupons;
    this.codes = codes;
  }

  /** A stored batch and its place in lists. */
  public record Stored(PromotionCodeBatch batch, String listKey) {}

  /** How a chunk's transaction ended. */
  public enum Result {
    /** Its codes exist and the batch counts them. */
    COMMITTED,
    /** Some of its texts belong to active codes already ({@link Chunk#taken()}); nothing was written. */
    TEXT_TAKEN,
    /** The batch is not as the worker read it (another worker went on, or it ended); nothing was written. */
    BATCH_MOVED,
    /** The batch's coupon revision is deleted or replaced; nothing was written. */
    COUPON_GONE,
    /** The account has its most unfinished batches already ({@link Limits#unfinishedBatches}). */
    TOO_MANY_UNFINISHED,
    /** The account's batches made their most codes today ({@link Limits#codesPerDay}). */
    TOO_MANY_CODES_TODAY
  }

  public Limits limits() {
    return limits;
  }

  /** A chunk's outcome; {@code taken} holds the positions of texts already in use. */
  public record Chunk(Result result, List<Integer> taken) {}

  private enum Part { COUPON, BATCH, CODE, SHARDS, TEXT_MARKER, UNFINISHED, CODES_TODAY }

  /**
   * Writes a new batch (pending, nothing made) for a live coupon revision, with {@code rideAlong},
   * counted in the account's quotas in the same transaction: one more unfinished batch, its codes
   * among the day's; either limit reached refuses it ({@link Result#TOO_MANY_UNFINISHED},
   * {@link Result#TOO_MANY_CODES_TODAY}), and nothing is written.
   */
  public void insert(Tenant tenant, PromotionCodeBatch batch, Instant now, RideAlong rideAlong) {
    Map<String, AttributeValue> item = PromotionCodeBatchMapper.toItem(tenant,
        NewestFirstIndex.newListKey(batch.created(), now), batch);
    ExpiryIndex.put(item, batches.pk(tenant, batch.id()), stalledAt(now));
    Tx tx = new Tx().add(Part.COUPON, coupons.requireLive(tenant, batch.couponId(), batch.couponRev()))
        .add(Part.BATCH, batches.putNew(item))
        .add(Part.UNFINISHED, quotas.takeOne(tenant, UNFINISHED_BATCHES, limits.unfinishedBatches()))
        .add(Part.CODES_TODAY, quotas.takeToday(tenant, BATCH_CODES, LocalDate.ofInstant(now, ZoneOffset.UTC),
            batch.count(), limits.codesPerDay()))
        .rideAlong(rideAlong);
    try {
      tx.commit(dynamo);
    } catch (Tx.Cancelled cancelled) {
      throw new Refused(cancelled.failed(Part.UNFINISHED) ? Result.TOO_MANY_UNFINISHED
          : cancelled.failed(Part.CODES_TODAY) ? Result.TOO_MANY_CODES_TODAY : Result.COUPON_GONE);
    }
  }

  /** The batch with this id; one strongly consistent read. */
  public Optional<Stored> find(Tenant tenant, String id) {
    return batches.find(tenant, id);
  }

  /** A page of the tenant's batches, newest first. */
  public Page<Stored> page(Tenant tenant, ListRequest request, String afterKey, String beforeKey) {
    return batches.page(batches.list(tenant), request, afterKey, beforeKey, item -> true);
  }

  /**
   * How many codes of a batch fit one transaction: each takes its item, its shards, its text marker
   * and its event; the coupon check, the batch's count and (in the last) the account's quota three more.
   * At least one code, in at most {@code maxItems} items (up to {@link #MAX_TRANSACTION_ITEMS}) otherwise.
   */
  public int chunkSize(PromotionCodeBatch batch, int maxItems) {
    int perCode = 3 + codes.shardCount(batch.terms().maxRedemptions());
    return Math.max(1, (Math.min(maxItems, MAX_TRANSACTION_ITEMS) - 3) / perCode);
  }

  /**
   * Commits {@code chunk} (codes of {@code batch}, as many as {@link #chunkSize} allows at most) in
   * one transaction: the coupon revision still live, every text free, and the batch's count still
   * {@code batch.createdCount()}, which it moves on by the chunk's size (finishing the batch when
   * that makes all of them). {@code events} (one per code) commit with them.
   */
  public Chunk commitChunk(Tenant tenant, PromotionCodeBatch batch, List<PromotionCode> chunk, Instant now,
      RideAlong events) {
    PromotionCodeBatch after = batch.advanced(chunk.size());
    UpdateExpression count = progress(after)
        .value(":before", Attr.n(batch.createdCount())).condition("#made = :before");
    ExpiryIndex.set(count, batches.pk(tenant, batch.id()), after.status().finished() ? null : stalledAt(now));
    Tx tx = new Tx().add(Part.COUPON, coupons.requireLive(tenant, batch.couponId(), batch.couponRev()))
        .add(Part.BATCH, TransactWriteItem.builder()
            .update(count.transactionUpdate(tableName, batches.key(tenant, batch.id()))).build());
    for (PromotionCode code : chunk) {
      PromotionCodeStore.NewCode writes = codes.newCode(tenant, code, now, batch.id());
      tx.add(Part.CODE, writes.code()).addAll(Part.SHARDS, writes.shards()).add(Part.TEXT_MARKER, writes.textMarker());
    }
    if (after.status().finished()) {
      // the last chunk: the account has one unfinished batch fewer
      tx.add(Part.UNFINISHED, quotas.giveBackOne(tenant, UNFINISHED_BATCHES));
    }
    tx.rideAlong(events);
    try {
      tx.commit(dynamo);
      return new Chunk(Result.COMMITTED, List.of());
    } catch (Tx.Cancelled cancelled) {
      if (cancelled.failed(Part.BATCH)) {
        return new Chunk(Result.BATCH_MOVED, List.of());
      }
      if (cancelled.failed(Part.COUPON)) {
        return new Chunk(Result.COUPON_GONE, List.of());
      }
      List<Integer> taken = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        // a code's own id is 24 random characters: what can be taken is its text
        if (cancelled.failedAt(Part.TEXT_MARKER, i) || cancelled.failedAt(Part.CODE, i)) {
          taken.add(i);
        }
      }
      return new Chunk(Result.TEXT_TAKEN, taken);
    }
  }

  /**
   * Ends an unfinished batch as failed, with what it made kept and counted; false when it had
   * ended already.
   */
  public boolean fail(Tenant tenant, String id, String message) {
    UpdateExpression update = new UpdateExpression()
        .name("#status", PromotionCodeBatchMapper.STATUS).name("#message", PromotionCodeBatchMapper.FAILURE_MESSAGE)
        .value(":failed", Attr.s(PromotionCodeBatch.Status.FAILED.wire())).value(":message", Attr.s(message))
        .set("#status = :failed").set("#message = :message");
    unfinished(update);
    ExpiryIndex.set(update, batches.pk(tenant, id), null);
    // ended: the account has one unfinished batch fewer, in the same transaction
    return new Tx().add(Part.BATCH, TransactWriteItem.builder().update(update.transactionUpdate(tableName,
        batches.key(tenant, id))).build()).add(Part.UNFINISHED, quotas.giveBackOne(tenant, UNFINISHED_BATCHES))
        .commitUnlessRefusedBy(dynamo, Part.BATCH);
  }

  /**
   * The sweep's claim on a batch it found stalled: moves its stall moment on, if the index entry it
   * read ({@code indexKey}) is still the batch's, and returns true when the batch needs a worker.
   * A finished or missing batch only loses the stale entry.
   */
  public boolean claimStalled(Tenant tenant, String id, String indexKey, Instant now) {
    Optional<Stored> stored = find(tenant, id);
    if (stored.isEmpty() || stored.get().batch().status().finished()) {
      ExpiryIndex.dropStale(dynamo, tableName, batches.key(tenant, id), indexKey);
      return false;
    }
    UpdateExpression update = new UpdateExpression().name("#seen", Table.GSI6_SK).value(":seen", Attr.s(indexKey))
        .condition("#seen = :seen");
    ExpiryIndex.set(update, batches.pk(tenant, id), stalledAt(now));
    try {
      dynamo.updateItem(update.request(tableName, batches.key(tenant, id)).build());
      return true;
    } catch (ConditionalCheckFailedException movedOn) {
      // a worker made progress meanwhile, or another sweep claimed it
      return false;
    }
  }

  /** Sets the count and status of {@code after}. */
  private static UpdateExpression progress(PromotionCodeBatch after) {
    return unfinished(new UpdateExpression()
        .name("#made", PromotionCodeBatchMapper.CREATED_COUNT).name("#status", PromotionCodeBatchMapper.STATUS)
        .value(":made", Attr.n(after.createdCount())).value(":status", Attr.s(after.status().wire()))
        .set("#made = :made").set("#status = :status"));
  }

  /** Requires the batch to exist and not to have ended; names {@code #status}. */
  private static UpdateExpression unfinished(UpdateExpression update) {
    return update.name("#status", PromotionCodeBatchMapper.STATUS)
        .value(":pending", Attr.s(PromotionCodeBatch.Status.PENDING.wire()))
        .value(":running", Attr.s(PromotionCodeBatch.Status.RUNNING.wire()))
        .condition("#status IN (:pending, :running)");
  }

  private static long stalledAt(Instant now) {
    return now.plus(STALLED_AFTER).getEpochSecond();
  }

  private static Stored stored(Map<String, AttributeValue> item) {
    return new Stored(PromotionCodeBatchMapper.fromItem(item), Attr.string(item, Table.GSI1_SK));
  }
}
