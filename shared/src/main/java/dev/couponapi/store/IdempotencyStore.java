package dev.couponapi.store;

import dev.couponapi.domain.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Idempotency records (docs/api.md §1.5), one item per (account, mode, key). A request claims its key
 * with a conditional put; the final response is written once, by the holder of the claim only.
 */
public final class IdempotencyStore {

  public static final Duration RETENTION = Duration.ofHours(24);
  /** A claim older than this was left by a request that died (Lambda timeout is far shorter). */
  public static final Duration STALE_CLAIM = Duration.ofSeconds(60);

  static final String STATE = "state";
  static final String FINGERPRINT = "fingerprint";
  static final String TOKEN = "token";
  static final String CLAIMED_AT = "claimed_at";
  static final String EXPIRES_AT = "expires_at";
  static final String STATUS = "status";
  static final String BODY = "body";
  static final String HEADERS = "headers";
  static final String IN_FLIGHT = "in_flight";
  static final String DONE = "done";
  /**
   * The request's write committed (its transaction carried {@link #commitMark}) but its response is
   * not stored yet: never claimable again, never given back; a retry resumes it ({@link Existing#committed}).
   */
  static final String COMMITTED = "committed";

  /**
   * The claim's condition: the key is free, or its record is past retention (it counts as absent
   * before DynamoDB's lazy TTL removes it), or it is a claim abandoned by a request that died.
   */
  public static final String CLAIMABLE = "attribute_not_exists(" + Table.PK + ") OR #expires <= :now"
      + " OR (#state = :inflight AND #claimed < :stale)";
  /** Completing and releasing are done by the request that holds the claim, and only while it does. */
  public static final String HELD = "#state = :inflight AND #token = :token";

  private final DynamoDbClient dynamo;
  private final String tableName;

  public IdempotencyStore(DynamoDbClient dynamo, String tableName) {
    this.dynamo = dynamo;
    this.tableName = tableName;
  }

  /** A response as stored for replay: status, body bytes as text, and the headers that matter. */
  public record StoredResponse(int status, String body, Map<String, String> headers) {
    public StoredResponse {
      headers = Map.copyOf(headers);
    }
  }

  /**
   * An existing record that refused a claim: done (with its response), committed (its write made,
   * its response lost: {@code token} is the request that made it), or still in flight.
   */
  public record Existing(String fingerprint, StoredResponse response, boolean committed, String token) {
    public boolean inFlight() {
      return response == null && !committed;
    }
  }

  /** Thrown when the key is held by a record the caller must answer from instead of running. */
  public static final class Taken extends RuntimeException {
    private final Existing existing;

    Taken(Existing existing) {
      super(null, null, false, false);
      this.existing = existing;
    }

    public Existing existing() {
      return existing;
    }
  }

  /** Claims the key for this request; one conditional put. */
  public void claim(Tenant tenant, String key, String fingerprint, String token, Instant now) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Table.PK, Attr.s(pk(tenant, key)));
    item.put(STATE, Attr.s(IN_FLIGHT));
    item.put(FINGERPRINT, Attr.s(fingerprint));
    item.put(TOKEN, Attr.s(token));
    item.put(CLAIMED_AT, Attr.n(now.getEpochSecond()));
    long expires = now.plus(RETENTION).getEpochSecond();
    item.put(EXPIRES_AT, Attr.n(expires));
    item.put(Table.TTL, Attr.n(expires));
    try {
      dynamo.putItem(PutItemRequest.builder()
          .tableName(tableName)
          .item(item)
          .conditionExpression(CLAIMABLE)
          .expressionAttributeNames(Map.of("#expires", EXPIRES_AT, "#state", STATE, "#claimed", CLAIMED_AT))
          .expressionAttributeValues(Map.of(
              ":now", Attr.n(now.getEpochSecond()),
              ":inflight", Attr.s(IN_FLIGHT),
              ":stale", Attr.n(now.minus(STALE_CLAIM).getEpochSecond())))
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
          .build());
    } catch (ConditionalCheckFailedException held) {
      Map<String, AttributeValue> old = held.item();
      if (old != null && token.equals(Attr.string(old, TOKEN)) && IN_FLIGHT.equals(Attr.string(old, STATE))) {
        // our own claim: the SDK retried a put whose answer was lost
        return;
      }
      throw new Taken(existing(old));
    }
  }

  /** The write that completes the claim, to commit in the same transaction as the object. */
  public RideAlong completion(Tenant tenant, String key, String token, StoredResponse response) {
    return new RideAlong(Tx.Common.IDEMPOTENCY_RECORD, TransactWriteItem.builder().update(completionUpdate(tenant, key, token, response)).build());
  }

  /**
   * The write that marks the claim committed, to ride in the transaction of a write whose response
   * is rendered only after it (an update): if that response is lost, a retry with the key does not
   * write again, it resumes ({@link Existing#committed}).
   */
  public RideAlong commitMark(Tenant tenant, String key, String token) {
    return new RideAlong(Tx.Common.IDEMPOTENCY_RECORD, TransactWriteItem.builder().update(Update.builder()
        .tableName(tableName)
        .key(Map.of(Table.PK, Attr.s(pk(tenant, key))))
        .updateExpression("SET #state = :committed")
        .conditionExpression(HELD)
        .expressionAttributeNames(Map.of("#state", STATE, "#token", TOKEN))
        .expressionAttributeValues(Map.of(":committed", Attr.s(COMMITTED), ":inflight", Attr.s(IN_FLIGHT),
            ":token", Attr.s(token)))
        .build()).build());
  }

  /** Completes the claim on its own: for outcomes that wrote nothing else, or no single transaction. */
  public void complete(Tenant tenant, String key, String token, StoredResponse response) {
    try {
      dynamo.updateItem(UpdateExpression.asRequest(completionUpdate(tenant, key, token, response))
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build());
    } catch (ConditionalCheckFailedException notHeld) {
      Map<String, AttributeValue> old = notHeld.item();
      if (old == null || !token.equals(Attr.string(old, TOKEN)) || !DONE.equals(Attr.string(old, STATE))) {
        throw notHeld;
      }
      // our own completion: the SDK retried an update whose answer was lost
    }
  }

  private Update completionUpdate(Tenant tenant, String key, String token, StoredResponse response) {
    return Update.builder()
        .tableName(tableName)
        .key(Map.of(Table.PK, Attr.s(pk(tenant, key))))
        .updateExpression("SET #state = :done, #status = :status, #body = :body, #headers = :headers")
        .conditionExpression("(#state = :inflight OR #state = :committed) AND #token = :token")
        .expressionAttributeNames(Map.of("#state", STATE, "#token", TOKEN, "#status", STATUS, "#body", BODY,
            "#headers", HEADERS))
        .expressionAttributeValues(Map.of(
            ":done", Attr.s(DONE),
            ":inflight", Attr.s(IN_FLIGHT),
            ":committed", Attr.s(COMMITTED),
            ":token", Attr.s(token),
            ":status", Attr.n(response.status()),
            ":body", Attr.s(response.body()),
            ":headers", Attr.stringMap(response.headers())))
        .build();
  }

  /**
   * Gives the key back (validation failed, or the request failed with a 5xx) so that a retry runs
   * anew. Does nothing when the record was completed meanwhile, e.g. by a transaction that
   * committed before the failure.
   */
  public void release(Tenant tenant, String key, String token) {
    try {
      dynamo.deleteItem(DeleteItemRequest.builder()
          .tableName(tableName)
          .key(Map.of(Table.PK, Attr.s(pk(tenant, key))))
          .conditionExpression(HELD)
          .expressionAttributeNames(Map.of("#state", STATE, "#token", TOKEN))
          .expressionAttributeValues(Map.of(":inflight", Attr.s(IN_FLIGHT), ":token", Attr.s(token)))
          .build());
    } catch (ConditionalCheckFailedException completedOrTakenOver) {
      // the record is no longer this request's to give back
    }
  }

  private static Existing existing(Map<String, AttributeValue> item) {
    if (item == null || item.isEmpty()) {
      // the record vanished between the failed condition and now: treat it as in flight; a retry claims it
      return new Existing(null, null, false, null);
    }
    StoredResponse response = DONE.equals(Attr.string(item, STATE))
        ? new StoredResponse(Attr.longValue(item, STATUS).intValue(), Attr.string(item, BODY),
            Attr.stringMap(item, HEADERS))
        : null;
    return new Existing(Attr.string(item, FINGERPRINT), response, COMMITTED.equals(Attr.string(item, STATE)),
        Attr.string(item, TOKEN));
  }

  private static String pk(Tenant tenant, String key) {
    return ObjectType.IDEMPOTENCY_KEY.key(tenant, key);
  }
}
