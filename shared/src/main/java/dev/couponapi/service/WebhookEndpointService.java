package dev.couponapi.service;

import dev.couponapi.api.ApiException;
import dev.couponapi.api.Errors;
import dev.couponapi.api.Ids;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.MetadataChange;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Tenant;
import dev.couponapi.domain.WebhookEndpoint;
import dev.couponapi.domain.WebhookEndpointChanges;
import dev.couponapi.domain.WebhookEndpointDraft;
import dev.couponapi.store.Refused;
import dev.couponapi.store.WebhookEndpointStore;
import java.time.Instant;
import java.util.List;

/** The webhook endpoint rules (docs/events.md, "Webhook endpoints"): URLs, at most 16, secrets. */
public final class WebhookEndpointService {

  private static final int SECRET_LENGTH = 32;

  private final WebhookEndpointStore store;
  private final WebhookUrls urls;
  private final Finder<WebhookEndpointStore.Stored> finder;

  public WebhookEndpointService(WebhookEndpointStore store, WebhookUrls urls) {
    this.store = store;
    this.urls = urls;
    this.finder = Finder.withCursorRead("webhook endpoint", store::find, store::listKey);
  }

  /** Creates an endpoint with a fresh secret, its answer (the only one showing the secret) stored with it. */
  public WebhookEndpoint create(Change change, WebhookEndpointDraft draft) {
    Tenant tenant = change.tenant();
    Instant now = change.now();
    requireAcceptableUrl(draft.url(), tenant);
    WebhookEndpoint endpoint = new WebhookEndpoint("we_" + Ids.random(24), draft.url(), draft.enabledEvents(),
        draft.apiVersion(), draft.description(), draft.metadata(), false, "whsec_" + Ids.random(SECRET_LENGTH),
        now.getEpochSecond(), tenant.livemode(), null);
    try {
      store.insert(tenant, endpoint, now, change.creating(endpoint, List.of()));
    } catch (Refused limit) {
      throw Errors.invalid(null, "You have reached the maximum of " + WebhookEndpoint.MAX_PER_ACCOUNT
          + " webhook endpoints for this account and mode.").asOutcome();
    }
    return endpoint;
  }

  public WebhookEndpoint retrieve(Tenant tenant, String id) {
    return finder.find(tenant, id).endpoint();
  }

  public WebhookEndpoint update(Tenant tenant, String id, WebhookEndpointChanges changes) {
    if (changes.url() != null) {
      requireAcceptableUrl(changes.url(), tenant);
    }
    return ReadThenWrite.untilUnchanged(() -> {
      WebhookEndpointStore.Stored current = finder.find(tenant, id);
      WebhookEndpoint next = current.endpoint().changedBy(changes);
      if (next.metadata().size() > MetadataChange.MAX_KEYS) {
        throw MetadataChange.tooManyKeys("metadata").asOutcome();
      }
      if (next.equals(current.endpoint())) {
        return next;
      }
      store.replace(tenant, current, next);
      return next;
    });
  }

  public void delete(Tenant tenant, String id) {
    finder.requireAcceptableId(id);
    if (!store.delete(tenant, id, null)) {
      throw finder.missing(id);
    }
  }

  public Page<WebhookEndpoint> list(Tenant tenant, ListRequest request) {
    Finder.Cursors cursors = finder.cursors(tenant, request);
    Page<WebhookEndpointStore.Stored> page = store.page(tenant, request, cursors.after(), cursors.before());
    return new Page<>(page.items().stream().map(WebhookEndpointStore.Stored::endpoint).toList(), page.hasMore());
  }

  private void requireAcceptableUrl(String url, Tenant tenant) {
    ApiException refusal = urls.refusal(url, tenant.livemode());
    if (refusal != null) {
      throw refusal;
    }
  }
}
