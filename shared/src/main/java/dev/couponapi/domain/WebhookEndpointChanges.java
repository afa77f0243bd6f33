package dev.couponapi.domain;

import java.util.List;
import java.util.Optional;

/**
 * An update of a webhook endpoint; null means "leave as is", and an empty {@code description}
 * optional clears it. {@code api_version} is fixed at create, as on Stripe.
 */
public record WebhookEndpointChanges(String url, List<String> enabledEvents, Boolean disabled,
    Optional<String> description, MetadataChange metadata) {}
