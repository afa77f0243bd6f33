package dev.couponapi.store;

import dev.couponapi.domain.ApiKeys;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Permissions;
import dev.couponapi.domain.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * API keys, stored under the SHA-256 of the key: the key itself is never written anywhere. Each
 * keeps its account and mode, its last four characters (to show it masked and to name it), its
 * permissions when restricted, when it expires once rolled, and the last day it was used; each is
 * listed under its account (GSI1), newest first.
 */
public final class ApiKeyStore {

  static final String ACCOUNT = "account";
  static final String LIVEMODE = "livemode";
  static final String CREATED = "created";
  static final String USAGE_KEY = "usage_key";
  static final String LAST4 = "last4";
  static final String PERMISSIONS = "permissions";
  static final String EXPIRES_AT = "expires_at";
  static final String LAST_USED = "last_used";
  private static final String LIST_TYPE = "apikey";
  private static final String PK_PREFIX = "apikey#";
  /** An expired key's item stays this long past its expiry (for list_keys to say so), then TTL removes it. */
  private static final long KEPT_AFTER_EXPIRY_SECONDS = 7 * 24 * 3600;

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final NewestFirstIndex index;

  public ApiKeyStore(DynamoDbClient dynamo, String tableName) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.index = new NewestFirstIndex(dynamo, tableName);
  }

  /**
   * A stored key: whose it is, the usage key that meters it (null: the deployment's default), what
   * it may do ({@link Permissions#ALL} for a secret key) and its lifecycle. {@code hash} names it.
   */
  public record StoredKey(String hash, Tenant tenant, String usageKey, boolean restricted, String last4,
      long created, Permissions permissions, Long expiresAt, String lastUsed) {

    /** {@code rk_test_…wxyz}: the prefix and the last four characters (the only part ever shown again). */
    public String masked() {
      return (restricted ? "rk_" : "sk_") + tenant.mode() + "_…" + (last4 == null ? "????" : last4);
    }

    public boolean expiredAt(Instant now) {
      return expiresAt != null && now.getEpochSecond() >= expiresAt;
    }
  }

  /**
   * Registers a key for a tenant with the usage key that meters it (null: the deployment's default)
   * and, for a restricted key, its permissions; false when that key is registered already.
   */
  public boolean register(String key, Tenant tenant, String usageKey, Permissions permissions, Instant now) {
    try {
      dynamo.putItem(PutItemRequest.builder().tableName(tableName).item(item(key, tenant, usageKey, permissions, now))
          .conditionExpression("attribute_not_exists(" + Table.PK + ")").build());
      return true;
    } catch (ConditionalCheckFailedException exists) {
      return false;
    }
  }

  /**
   * A roll, in one transaction: {@code replacement} registered with the old key's account, mode,
   * usage key and permissions, and the old key set to expire at {@code expiresAt}. False when the
   * old key is gone or already expiring (its roll happened), or the new one exists: nothing written.
   */
  public boolean roll(StoredKey old, String replacement, long expiresAt, Instant now) {
    UpdateExpression expire = new UpdateExpression()
        .name("#expires", EXPIRES_AT).value(":expires", Attr.n(expiresAt)).set("#expires = :expires")
        .name("#ttl", Table.TTL).value(":ttl", Attr.n(expiresAt + KEPT_AFTER_EXPIRY_SECONDS)).set("#ttl = :ttl")
        .condition("attribute_exists(" + Table.PK + ") AND attribute_not_exists(#expires)");
    Tx tx = new Tx()
        .add(Part.OLD, TransactWriteItem.builder().update(expire.transactionUpdate(tableName, key(old.hash()))).build())
        .add(Part.NEW, TransactWriteItem.builder().put(Put.builder().tableName(tableName)
            .item(item(replacement, old.tenant(), old.usageKey(), old.restricted() ? old.permissions() : null, now))
            .conditionExpression("attribute_not_exists(" + Table.PK + ")").build()).build());
    try {
      tx.commit(dynamo);
      return true;
    } catch (Tx.Cancelled refused) {
      return false;
    }
  }

  private enum Part { OLD, NEW }

  /** Deletes a key: it is refused from now on; false when it was gone. */
  public boolean revoke(StoredKey key) {
    try {
      dynamo.deleteItem(DeleteItemRequest.builder().tableName(tableName).key(key(key.hash()))
          .conditionExpression("attribute_exists(" + Table.PK + ")").build());
      return true;
    } catch (ConditionalCheckFailedException gone) {
      return false;
    }
  }

  /** Notes the day a key was used, once a day: a write only when the day is new. */
  public void markUsed(StoredKey key, String day) {
    if (day.equals(key.lastUsed())) {
      return;
    }
    UpdateExpression used = new UpdateExpression()
        .name("#used", LAST_USED).value(":day", Attr.s(day)).set("#used = :day")
        .condition("attribute_exists(" + Table.PK + ") AND (attribute_not_exists(#used) OR #used < :day)");
    try {
      dynamo.updateItem(used.request(tableName, key(key.hash())).build());
    } catch (ConditionalCheckFailedException revokedOrNoted) {
      // revoked meanwhile, or another request noted the day first
    }
  }

  public Optional<StoredKey> find(String key) {
    return findByHash(ApiKeys.hash(key));
  }

  private Optional<StoredKey> findByHash(String hash) {
    Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(tableName).key(key(hash))
        .consistentRead(true).build()).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(stored(item));
  }

  /** Every key of the tenant, newest first (a page of 100 at a time; an account has a handful). */
  public List<StoredKey> list(Tenant tenant) {
    List<StoredKey> keys = new ArrayList<>();
    String after = null;
    while (true) {
      Page<Map<String, AttributeValue>> page = index.page(Table.listKey(tenant, LIST_TYPE),
          new ListRequest(ListRequest.MAX_LIMIT, null, null, null, null), after, null);
      page.items().forEach(item -> keys.add(stored(item)));
      if (!page.hasMore() || page.items().isEmpty()) {
        return keys;
      }
      after = Attr.string(page.items().get(page.items().size() - 1), Table.GSI1_SK);
    }
  }

  /** The usage key an account (in a mode) reports under, when it has one of its own. */
  public Optional<String> accountUsageKey(Tenant tenant) {
    Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(tableName)
        .key(Map.of(Table.PK, Attr.s(usageKeyPk(tenant)))).consistentRead(true).build()).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Attr.string(item, USAGE_KEY));
  }

  /**
   * Keeps {@code usageKey} as the account's, unless it has one already (another admin call made it
   * first): the account's usage key either way.
   */
  public String keepAccountUsageKey(Tenant tenant, String usageKey, Instant now) {
    try {
      dynamo.putItem(PutItemRequest.builder().tableName(tableName).item(Map.of(Table.PK, Attr.s(usageKeyPk(tenant)),
              USAGE_KEY, Attr.s(usageKey), CREATED, Attr.n(now.getEpochSecond())))
          .conditionExpression("attribute_not_exists(" + Table.PK + ")").build());
      return usageKey;
    } catch (ConditionalCheckFailedException madeMeanwhile) {
      return accountUsageKey(tenant).orElseThrow();
    }
  }

  /** Whether a partition key is a key's: what the local runner's stream watches to forget its decisions. */
  public static boolean isKeyItem(String pk) {
    return pk != null && pk.startsWith(PK_PREFIX);
  }

  private Map<String, AttributeValue> item(String key, Tenant tenant, String usageKey, Permissions permissions,
      Instant now) {
    if (!ApiKeys.isKeyFormat(key) || ApiKeys.isLive(key) != tenant.livemode()
        || ApiKeys.isRestricted(key) != (permissions != null)) {
      throw new IllegalArgumentException("not a " + tenant.mode() + (permissions != null ? " restricted" : " secret")
          + " key");
    }
    String hash = ApiKeys.hash(key);
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Table.PK, Attr.s(PK_PREFIX + hash));
    item.put(ACCOUNT, Attr.s(tenant.account()));
    item.put(LIVEMODE, Attr.bool(tenant.livemode()));
    item.put(CREATED, Attr.n(now.getEpochSecond()));
    item.put(LAST4, Attr.s(key.substring(key.length() - 4)));
    item.put(Table.GSI1_PK, Attr.s(Table.listKey(tenant, LIST_TYPE)));
    item.put(Table.GSI1_SK, Attr.s(NewestFirstIndex.newListKey(now.getEpochSecond(), now)));
    Attr.putIfPresent(item, USAGE_KEY, usageKey);
    if (permissions != null) {
      item.put(PERMISSIONS, Attr.s(permissions.compact()));
    }
    return item;
  }

  private static StoredKey stored(Map<String, AttributeValue> item) {
    String permissions = Attr.string(item, PERMISSIONS);
    return new StoredKey(Attr.string(item, Table.PK).substring(PK_PREFIX.length()),
        new Tenant(Attr.string(item, ACCOUNT), Attr.bool(item, LIVEMODE)), Attr.string(item, USAGE_KEY),
        permissions != null, Attr.string(item, LAST4), Attr.longValue(item, CREATED) == null ? 0
            : Attr.longValue(item, CREATED), permissions == null ? Permissions.ALL : Permissions.parse(permissions),
        Attr.longValue(item, EXPIRES_AT), Attr.string(item, LAST_USED));
  }

  private static Map<String, AttributeValue> key(String hash) {
    return Map.of(Table.PK, Attr.s(PK_PREFIX + hash));
  }

  private static String usageKeyPk(Tenant tenant) {
    return "usagekey#" + tenant.account() + "#" + tenant.mode();
  }
}
