package dev.couponapi.service;

import dev.couponapi.domain.Tenant;

/** One delivery of one event to one endpoint (docs/design.md, "Webhooks"). */
public record DeliveryJob(Tenant tenant, String eventId, String endpointId) {}
