package dev.couponapi.service;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.domain.EventDraft;
import dev.couponapi.domain.Origin;
import dev.couponapi.domain.Tenant;
import dev.couponapi.store.RideAlong;
import java.time.Instant;
import java.util.List;

/**
 * One change to the store, as every service receives it: who makes it (tenant), in which version,
 * at which instant (read once per request), from which request (the origin its events name), and
 * the one way its write carries what must commit with it: its events, and what completes the
 * request's idempotency key. A service asks for that in one of three ways, by what its write is:
 * {@link #creating} (the answer is known before the write and commits with it), {@link #redeeming}
 * (a write that must never happen twice for one key: its key is marked committed with it), or
 * {@link #recording} (events only; the answer is stored after).
 */
public final class Change {

  /** What completes a request's idempotency key in a write's transaction ({@link #NONE} without a key). */
  public interface Completion {

    /** The key completed with {@code result} as the 200 answer (rendered by the operation); null without a key. */
    RideAlong answer(Object result);

    /** The mark that the key's write committed, for a write whose answer is made after it; null without a key. */
    RideAlong mark();

    /** Whether an earlier request with this key made this request's write and lost its answer. */
    boolean alreadyWritten();

    Completion NONE = new Completion() {
      public RideAlong answer(Object result) {
        return null;
      }

      public RideAlong mark() {
        return null;
      }

      public boolean alreadyWritten() {
        return false;
      }
    };
  }

  private final Tenant tenant;
  private final ApiVersion version;
  private final Instant now;
  private final Origin origin;
  private final Events events;
  private final Completion completion;

  public Change(Tenant tenant, ApiVersion version, Instant now, Origin origin, Events events, Completion completion) {
    this.tenant = tenant;
    this.version = version;
    this.now = now;
    this.origin = origin;
    this.events = events;
    this.completion = completion;
  }

  /** A change no request asked for (the sweep, a batch's worker): its events name no request. */
  public static Change automatic(Tenant tenant, ApiVersion accountVersion, Instant now, Origin origin, Events events) {
    return new Change(tenant, accountVersion, now, origin, events, Completion.NONE);
  }

  public Tenant tenant() {
    return tenant;
  }

  public ApiVersion version() {
    return version;
  }

  public Instant now() {
    return now;
  }

  /** Where its events are recorded (for a change made at another instant, as a test clock's). */
  public Events events() {
    return events;
  }

  public Origin origin() {
    return origin;
  }

  /** Whether an earlier request with the same key made this write: the service then writes nothing again. */
  public boolean alreadyWritten() {
    return completion.alreadyWritten();
  }

  /** The writes of a create: its events, and its answer, {@code result}, stored with it. */
  public RideAlong creating(Object result, List<EventDraft> drafts) {
    return RideAlong.and(completion.answer(result), recording(drafts));
  }

  public RideAlong creating(Object result, EventDraft draft) {
    return creating(result, List.of(draft));
  }

  /** The writes of a change that redeems: its events, and the mark that its key's write was made. */
  public RideAlong redeeming(List<EventDraft> drafts) {
    return RideAlong.and(completion.mark(), recording(drafts));
  }

  /** The writes of a plain change: its events. */
  public RideAlong recording(List<EventDraft> drafts) {
    return events.record(tenant, origin, now, drafts);
  }

  public RideAlong recording(EventDraft draft) {
    return recording(List.of(draft));
  }
}
