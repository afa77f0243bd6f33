package dev.couponapi.store;

import dev.couponapi.domain.Tenant;
import dev.couponapi.domain.WebhookEndpoint;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The only place that knows how a webhook endpoint is laid out as a DynamoDB item. */
final class WebhookEndpointMapper {

  static final String ID = "id";
  static final String URL = "url";
  static final String ENABLED_EVENTS = "enabled_events";
  static final String API_VERSION = "api_version";
  static final String DESCRIPTION = "description";
  static final String METADATA = MetadataUpdate.ATTRIBUTE;
  static final String DISABLED = "disabled";
  static final String SECRET = "secret";
  static final String CREATED = "created";
  static final String LIVEMODE = "livemode";
  static final String FAILING_SINCE = "failing_since";
  static final String VERSION = "ver";
  static final String ENTITY = "entity";

  private WebhookEndpointMapper() {}

  static Map<String, AttributeValue> toItem(Tenant tenant, String listKey, WebhookEndpoint endpoint) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Table.PK, Attr.s(ObjectType.WEBHOOK_ENDPOINT.key(tenant, endpoint.id())));
    item.put(Table.GSI1_PK, Attr.s(ObjectType.WEBHOOK_ENDPOINT.listKey(tenant)));
    item.put(Table.GSI1_SK, Attr.s(listKey));
    item.put(ENTITY, Attr.s("webhook_endpoint"));
    item.put(VERSION, Attr.n(0));
    putFields(item, endpoint);
    return item;
  }

  /** The fields an update may change, and the rest, as attributes. */
  static void putFields(Map<String, AttributeValue> item, WebhookEndpoint endpoint) {
    item.put(ID, Attr.s(endpoint.id()));
    item.put(URL, Attr.s(endpoint.url()));
    item.put(ENABLED_EVENTS, Attr.stringList(endpoint.enabledEvents()));
    Attr.putIfPresent(item, API_VERSION, endpoint.apiVersion());
    Attr.putIfPresent(item, DESCRIPTION, endpoint.description());
    item.put(METADATA, Attr.stringMap(endpoint.metadata()));
    item.put(DISABLED, Attr.bool(endpoint.disabled()));
    item.put(SECRET, Attr.s(endpoint.secret()));
    item.put(CREATED, Attr.n(endpoint.created()));
    item.put(LIVEMODE, Attr.bool(endpoint.livemode()));
    Attr.putIfPresent(item, FAILING_SINCE, endpoint.failingSince());
  }

  static WebhookEndpoint fromItem(Map<String, AttributeValue> item) {
    return new WebhookEndpoint(
        Attr.string(item, ID),
        Attr.string(item, URL),
        Attr.stringList(item, ENABLED_EVENTS),
        Attr.string(item, API_VERSION),
        Attr.string(item, DESCRIPTION),
        Attr.stringMap(item, METADATA),
        Attr.bool(item, DISABLED),
        Attr.string(item, SECRET),
        Attr.longValue(item, CREATED),
        Attr.bool(item, LIVEMODE),
        Attr.longValue(item, FAILING_SINCE));
  }

  static long version(Map<String, AttributeValue> item) {
    return Attr.longOrZero(item, VERSION);
  }
}
