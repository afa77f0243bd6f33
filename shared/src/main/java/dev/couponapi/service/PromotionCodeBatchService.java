package dev.couponapi.service;

import dev.couponapi.api.Errors;
import dev.couponapi.api.Ids;
import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.EventDraft;
import dev.couponapi.domain.EventObject;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Origin;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.PromotionCode;
import dev.couponapi.domain.PromotionCodeBatch;
import dev.couponapi.domain.PromotionCodeBatchDraft;
import dev.couponapi.domain.PromotionCodeFilter;
import dev.couponapi.domain.Tenant;
import dev.couponapi.store.CouponStore;
import dev.couponapi.store.PromotionCodeBatchStore;
import dev.couponapi.store.Refused;
import dev.couponapi.store.RideAlong;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Promotion-code batches (docs/api.md §3.7): a create checked as a single code's create would be,
 * then handed to a worker, which makes the codes chunk by chunk (docs/design.md, "Promotion-code
 * batches").
 */
public final class PromotionCodeBatchService {

  /** How often one chunk may meet texts already taken before the worker gives the job back. */
  static final int CHUNK_ATTEMPTS = 20;

  private final PromotionCodeBatchStore store;
  private final CouponStore coupons;
  private final PromotionCodeService codes;
  private final JobQueue<BatchJob> queue;
  private final CodeTexts texts;
  private final Clock clock;
  private final Events events;
  private final String defaultVersion;
  private final Finder<PromotionCodeBatchStore.Stored> finder;
  private volatile Pace pace = Pace.FULL;

  /**
   * {@code defaultVersion}: what the events of a batch stored before batches kept their origin
   * render in (the deployment's default).
   */
  public PromotionCodeBatchService(PromotionCodeBatchStore store, CouponStore coupons, PromotionCodeService codes,
      JobQueue<BatchJob> queue, CodeTexts texts, Clock clock, Events events, String defaultVersion) {
    this.store = store;
    this.events = events;
    this.defaultVersion = defaultVersion;
    this.coupons = coupons;
    this.codes = codes;
    this.queue = queue;
    this.texts = texts;
    this.clock = clock;
    this.finder = new Finder<>("promotion code batch", store::find, PromotionCodeBatchStore.Stored::listKey);
  }

  /**
   * How a worker paces a batch: asked before each chunk, it says how many items the chunk's
   * transaction may hold, and may first wait. On AWS chunks are as large as a transaction allows;
   * {@code serve}, whose engine runs one call at a time, writes small ones while requests come and
   * waits while the account's earlier events still wait to be fanned out.
   */
  public interface Pace {
    Pace FULL = tenant -> PromotionCodeBatchStore.MAX_TRANSACTION_ITEMS;

    int itemsForNextChunk(Tenant tenant);
  }

  public void pacedBy(Pace pace) {
    this.pace = pace;
  }

  /**
   * Writes a pending batch for a live, valid coupon and hands it to a worker. {@code rideAlong}
   * gives, for the batch about to be written, a write to commit with it (an idempotency record).
   */
  public PromotionCodeBatch create(Change change, PromotionCodeBatchDraft draft) {
    Tenant tenant = change.tenant();
    Instant now = change.now();
    CouponStore.Stored coupon = codes.couponFor(tenant, draft.codes(), now);
    PromotionCodeBatch batch = new PromotionCodeBatch("pcb_" + Ids.random(24), coupon.coupon().id(), coupon.rev(),
        draft.count(), 0, now.getEpochSecond(), PromotionCodeBatch.Status.PENDING, null, tenant.livemode(),
        draft.codes().metadata(), draft.terms(), change.origin());
    try {
      store.insert(tenant, batch, now, change.creating(batch, List.of()));
    } catch (Refused refused) {
      if (refused.reason() == PromotionCodeBatchStore.Result.TOO_MANY_UNFINISHED) {
        throw Errors.overQuota(store.limits().unfinishedBatches() + " unfinished promotion-code batches at once",
            "it frees when one of them finishes");
      }
      if (refused.reason() == PromotionCodeBatchStore.Result.TOO_MANY_CODES_TODAY) {
        throw Errors.overQuota(String.format("%,d", store.limits().codesPerDay())
            + " codes made by batches a day (UTC)", "it frees at 00:00 UTC, " + untilMidnight(now) + " from now");
      }
      throw Lookups.noSuch("coupon", draft.codes().couponId(), draft.codes().couponParam(), 400);
    }
    // a job lost here is not a batch lost: the sweep hands a stalled batch to a worker again
    queue.send(new BatchJob(tenant, batch.id()));
    return batch;
  }

  private static String untilMidnight(Instant now) {
    java.time.Duration left = java.time.Duration.between(now, now.atOffset(java.time.ZoneOffset.UTC).toLocalDate()
        .plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
    return left.toHours() + " h " + left.toMinutesPart() + " min";
  }

  public PromotionCodeBatch retrieve(Tenant tenant, String id) {
    return finder.find(tenant, id).batch();
  }

  public Page<PromotionCodeBatch> list(Tenant tenant, ListRequest request) {
    Finder.Cursors cursors = finder.cursors(tenant, request);
    Page<PromotionCodeBatchStore.Stored> page = store.page(tenant, request, cursors.after(), cursors.before());
    return new Page<>(page.items().stream().map(PromotionCodeBatchStore.Stored::batch).toList(), page.hasMore());
  }

  /**
   * Up to {@code limit} codes of a batch, newest first, after the code {@code startingAfter} (or
   * from the first); 404 for a batch this tenant does not have.
   */
  public Page<PromotionCodeView> codes(Tenant tenant, String id, String startingAfter, int limit, Instant now) {
    PromotionCodeBatch batch = retrieve(tenant, id);
    PromotionCodeFilter filter = new PromotionCodeFilter(null, null, null, null, batch.id());
    List<PromotionCodeView> views = new ArrayList<>();
    String after = startingAfter;
    boolean more = true;
    while (more && views.size() < limit) {
      int pageSize = Math.min(ListRequest.MAX_LIMIT, limit - views.size());
      Page<PromotionCodeView> page = codes.list(tenant, filter, new ListRequest(pageSize, after, null, null, null), now);
      views.addAll(page.items());
      more = page.hasMore() && !page.items().isEmpty();
      after = page.items().isEmpty() ? after : page.items().get(page.items().size() - 1).code().id();
    }
    return new Page<>(views, more);
  }

  /** What a worker's run left: the batch ended (or does not exist), or more remains for another run. */
  public enum Progress { ENDED, MORE }

  /**
   * Makes a batch's codes chunk by chunk while {@code mayGoOn} says there is time, each chunk one
   * transaction with a {@code promotion_code.created} event per code, naming the batch's request.
   * A run can stop anywhere, crash included: the next one reads how many codes exist and goes on
   * from there, so no code is made twice and none is missing.
   */
  public Progress work(BatchJob job, BooleanSupplier mayGoOn) {
    Tenant tenant = job.tenant();
    Optional<PromotionCodeBatch> read = store.find(tenant, job.batchId()).map(PromotionCodeBatchStore.Stored::batch);
    if (read.isEmpty() || read.get().status().finished()) {
      return Progress.ENDED;
    }
    PromotionCodeBatch batch = read.get();
    Optional<CouponStore.Stored> coupon = coupons.find(tenant, batch.couponId());
    String refusal = couponRefusal(batch, coupon);
    if (refusal != null) {
      store.fail(tenant, batch.id(), refusal);
      return Progress.ENDED;
    }
    Origin origin = batch.origin() != null ? batch.origin() : Origin.automatic(defaultVersion);
    List<PromotionCode> chunk = new ArrayList<>();
    int attempts = 0;
    while (!batch.status().finished()) {
      if (!mayGoOn.getAsBoolean()) {
        return Progress.MORE;
      }
      Instant now = clock.instant();
      if (chunk.isEmpty()) {
        chunk = fresh(batch, (int) Math.min(store.chunkSize(batch, pace.itemsForNextChunk(tenant)), batch.remaining()), now);
        attempts = 0;
      }
      PromotionCodeBatchStore.Chunk outcome = store.commitChunk(tenant, batch, chunk, now,
          createdEvents(tenant, origin, chunk, coupon.get().coupon(), now));
      switch (outcome.result()) {
        case COMMITTED -> {
          batch = batch.advanced(chunk.size());
          chunk = new ArrayList<>();
        }
        case TEXT_TAKEN -> {
          if (++attempts == CHUNK_ATTEMPTS) {
            throw new IllegalStateException("batch " + batch.id() + ": no free code texts after " + attempts
                + " attempts");
          }
          chunk = retexted(batch, chunk, outcome.taken());
        }
        case BATCH_MOVED -> {
          // another worker went on (a job delivered twice) or the batch ended: start from what is stored
          Optional<PromotionCodeBatch> stored = store.find(tenant, batch.id())
              .map(PromotionCodeBatchStore.Stored::batch);
          if (stored.isEmpty()) {
            return Progress.ENDED;
          }
          batch = stored.get();
          chunk = new ArrayList<>();
        }
        case COUPON_GONE -> {
          store.fail(tenant, batch.id(), couponGone(batch));
          return Progress.ENDED;
        }
      }
    }
    return Progress.ENDED;
  }

  /**
   * The sweep's part: a batch that made no progress for a while ({@link PromotionCodeBatchStore#STALLED_AFTER})
   * lost its worker; it is handed to one again. True when it was.
   */
  public boolean resumeStalled(Tenant tenant, String id, String indexKey, Instant now) {
    if (!store.claimStalled(tenant, id, indexKey, now)) {
      return false;
    }
    queue.send(new BatchJob(tenant, id));
    return true;
  }

  /** Whether the sweep would hand this batch to a worker (a dry run). */
  public boolean isUnfinished(Tenant tenant, String id) {
    return store.find(tenant, id).filter(stored -> !stored.batch().status().finished()).isPresent();
  }

  /** The {@code promotion_code.created} events of a chunk's codes, to commit with them. */
  private RideAlong createdEvents(Tenant tenant, Origin origin, List<PromotionCode> chunk, Coupon coupon,
      Instant now) {
    return events.record(tenant, origin, now, chunk.stream().map(code -> EventDraft.of(
        PromotionCode.CREATED, new EventObject.OfPromotionCode(code, coupon))).toList());
  }

  /** Why no more codes can be made for the batch's coupon, or null while they can. */
  private String couponRefusal(PromotionCodeBatch batch, Optional<CouponStore.Stored> coupon) {
    if (coupon.isEmpty() || coupon.get().coupon().deleted() || !coupon.get().rev().equals(batch.couponRev())) {
      return couponGone(batch);
    }
    Coupon live = coupon.get().coupon();
    if (!live.valid(clock.instant())) {
      return "The coupon " + live.id() + " is no longer valid: " + batch.createdCount() + " of " + batch.count()
          + " codes were made and are kept.";
    }
    return null;
  }

  private static String couponGone(PromotionCodeBatch batch) {
    return "The coupon " + batch.couponId() + " was deleted while the batch was running: " + batch.createdCount()
        + " of " + batch.count() + " codes were made and are kept.";
  }

  /** {@code size} new codes of the batch with texts distinct among themselves (compared as uniqueness is). */
  private List<PromotionCode> fresh(PromotionCodeBatch batch, int size, Instant now) {
    List<PromotionCode> chunk = new ArrayList<>(size);
    Set<String> seen = new HashSet<>();
    while (chunk.size() < size) {
      chunk.add(newCode(batch, seen, now));
    }
    return chunk;
  }

  /** The chunk with the codes at {@code taken} given new texts. */
  private List<PromotionCode> retexted(PromotionCodeBatch batch, List<PromotionCode> chunk, List<Integer> taken) {
    Set<String> seen = new HashSet<>();
    chunk.forEach(code -> seen.add(code.normalizedCode()));
    List<PromotionCode> next = new ArrayList<>(chunk);
    for (int position : taken) {
      next.set(position, newCode(batch, seen, clock.instant()));
    }
    return next;
  }

  private PromotionCode newCode(PromotionCodeBatch batch, Set<String> seen, Instant now) {
    while (true) {
      String text = texts.next(batch.terms().prefix(), batch.terms().length());
      if (seen.add(PromotionCode.normalize(text))) {
        return batch.code("promo_" + Ids.random(24), text, now.getEpochSecond());
      }
    }
  }
}
