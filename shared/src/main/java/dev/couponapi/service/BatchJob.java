package dev.couponapi.service;

import dev.couponapi.domain.Tenant;

/** One promotion-code batch to work on (docs/design.md, "Promotion-code batches"). */
public record BatchJob(Tenant tenant, String batchId) {}
