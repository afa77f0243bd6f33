package dev.couponapi.domain;

import java.util.List;
import java.util.Map;

/** A webhook endpoint as a create asks for it; {@code apiVersion} null means the account's default. */
public record WebhookEndpointDraft(String url, List<String> enabledEvents, String apiVersion, String description,
    Map<String, String> metadata) {}
