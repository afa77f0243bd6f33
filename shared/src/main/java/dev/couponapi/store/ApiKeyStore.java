package dev.couponapi.store;

import dev.couponapi.domain.ApiKeys;
import dev.couponapi.domain.Tenant;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** API keys, stored under the SHA-256 of the key: the key itself is never written anywhere. */
public final class ApiKeyStore {

  static final String ACCOUNT = "account";
  static final String LIVEMODE = "livemode";
  static final String CREATED = "created";
  static final String USAGE_KEY = "usage_key";

  private final DynamoDbClient dynamo;
  private final String tableName;

  public ApiKeyStore(DynamoDbClient dynamo, String tableName) {
    this.dynamo = dynamo;
    this.tableName = tableName;
  }

  /** The account, mode and (optional) API Gateway usage key a key belongs to. */
  public record KeyOwner(Tenant tenant, String usageKey) {}

  /**
   * Registers a key for a tenant, with the API Gateway usage key that meters it (null: the
   * deployment's default); false when that key is registered already.
   */
  public boolean register(String key, Tenant tenant, String usageKey, Instant now) {
    if (!ApiKeys.isSecretKeyFormat(key) || ApiKeys.isLive(key) != tenant.livemode()) {
      throw new IllegalArgumentException("not a " + tenant.mode() + " secret key");
    }
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Table.PK, Attr.s(pk(key)));
    item.put(ACCOUNT, Attr.s(tenant.account()));
    item.put(LIVEMODE, Attr.bool(tenant.livemode()));
    item.put(CREATED, Attr.n(now.getEpochSecond()));
    Attr.putIfPresent(item, USAGE_KEY, usageKey);
    try {
      dynamo.putItem(PutItemRequest.builder().tableName(tableName).item(item)
          .conditionExpression("attribute_not_exists(" + Table.PK + ")").build());
      return true;
    } catch (ConditionalCheckFailedException exists) {
      return false;
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

  public Optional<KeyOwner> find(String key) {
    Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
        .tableName(tableName)
        .key(Map.of(Table.PK, Attr.s(pk(key))))
        .build()).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new KeyOwner(new Tenant(Attr.string(item, ACCOUNT), Attr.bool(item, LIVEMODE)),
        Attr.string(item, USAGE_KEY)));
  }

  private static String usageKeyPk(Tenant tenant) {
    return "usagekey#" + tenant.account() + "#" + tenant.mode();
  }

  private static String pk(String key) {
    return "apikey#" + ApiKeys.hash(key);
  }
}
