package dev.couponapi.api;

import java.util.List;

/**
 * Every error this API produces, in one place. Texts marked UNVERIFIED in the spec live here so
 * that they can be corrected once.
 */
public final class Errors {

  private Errors() {}

  public static ApiException noApiKey() {
    return new ApiException(401, ApiException.INVALID_REQUEST, null,
        "You did not provide an API key. You need to provide your API key in the Authorization header, "
            + "using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication "
            + "for details, or we can help at https://support.stripe.com/.",
        null);
  }

  public static ApiException invalidApiKey(String maskedKey) {
    return new ApiException(401, ApiException.INVALID_REQUEST, null,
        "Invalid API Key provided: " + maskedKey, null);
  }

  /** A rolled key past the time it stopped. */
  public static ApiException apiKeyExpired(String maskedKey) {
    return new ApiException(401, ApiException.INVALID_REQUEST, "api_key_expired",
        "Expired API Key provided: " + maskedKey, null);
  }

  /** A restricted key asked for more than it may do (Stripe's wording, docs/hosting.md H2.2). */
  public static ApiException permissionDenied(String maskedKey, String account, String permission) {
    return new ApiException(403, ApiException.INVALID_REQUEST, null, "The provided key '" + maskedKey
        + "' does not have the required permissions for this endpoint on account '" + account + "'. Having "
        + (permission == null ? "a secret key" : "the '" + permission + "' permission")
        + " would allow this request to continue.", null);
  }

  public static ApiException secretKeyRequired() {
    return new ApiException(401, ApiException.INVALID_REQUEST, "secret_key_required",
        "This API call cannot be made with a publishable API key. Please use a secret API key.", null);
  }

  public static ApiException unrecognizedUrl(String method, String path) {
    return new ApiException(404, ApiException.INVALID_REQUEST, null,
        "Unrecognized request URL (" + method + ": " + path + "). Please see https://stripe.com/docs "
            + "or we can help at https://support.stripe.com/.",
        null);
  }

  public static ApiException noSuch(String resourceName, String id, String param, int status) {
    return new ApiException(status, ApiException.INVALID_REQUEST, "resource_missing",
        "No such " + resourceName + ": '" + id + "'", param).asOutcome();
  }

  /** {@code DELETE …/discount} of a holder without a discount in effect: 404 resource_missing (an outcome). */
  public static ApiException noActiveDiscount(String holder, String id) {
    return new ApiException(404, ApiException.INVALID_REQUEST, "resource_missing",
        "No active discount for " + holder + ": " + SafeText.clip(id), null).asOutcome();
  }

  /** A coupon that can no longer be redeemed (past redeem_by or used up), named by {@code param}. */
  public static ApiException couponExpired(String couponId, String param) {
    return ApiException.invalid("coupon_expired", "Coupon expired: " + couponId, param).asOutcome();
  }

  /** A preview with nothing to invoice. */
  public static ApiException noUpcomingInvoice(String customer) {
    return new ApiException(404, ApiException.INVALID_REQUEST, "invoice_upcoming_none",
        "No upcoming invoices for customer: " + customer, null).asOutcome();
  }

  public static ApiException alreadyExists(String message, String param) {
    return ApiException.invalid("resource_already_exists", message, param).asOutcome();
  }

  public static ApiException idempotencyKeyTooLong() {
    return ApiException.invalid(null, "Idempotency-Key is too long: at most 255 characters are allowed.", null);
  }

  public static ApiException idempotencyMismatch(String key) {
    return new ApiException(400, ApiException.IDEMPOTENCY_ERROR, null,
        "Keys for idempotent requests can only be used with the same parameters they were first used with. "
            + "Try using a key other than '" + key + "' if you meant to execute a different request.",
        null);
  }

  public static ApiException idempotencyKeyInUse() {
    return new ApiException(409, ApiException.IDEMPOTENCY_ERROR, "idempotency_key_in_use",
        "There is currently another in-progress request using this Stripe token (probably the same idempotency key). "
            + "Please retry your request after the other request has finished.",
        null);
  }

  public static ApiException missing(String param) {
    return ApiException.invalid("parameter_missing", "Missing required param: " + param + ".", param);
  }

  public static ApiException unknownParameters(List<String> names) {
    return ApiException.invalid("parameter_unknown",
        "Received unknown parameter" + (names.size() > 1 ? "s" : "") + ": " + String.join(", ", names),
        names.get(0));
  }

  public static ApiException exclusive(String first, String second) {
    return ApiException.invalid("parameters_exclusive",
        "You may only specify one of these parameters: " + first + ", " + second + ".", first);
  }

  public static ApiException invalidInteger(String param, String value) {
    return ApiException.invalid("parameter_invalid_integer", "Invalid integer: " + value, param);
  }

  public static ApiException invalidDecimal(String param, String value) {
    return ApiException.invalid(null, "Invalid decimal: " + value, param);
  }

  public static ApiException invalidBoolean(String param, String value) {
    return ApiException.invalid(null, "Invalid boolean: " + value, param);
  }

  public static ApiException invalidEmpty(String param) {
    return ApiException.invalid("parameter_invalid_empty",
        "You passed an empty string for '" + param + "'. We assume empty values are an attempt to unset a "
            + "parameter; however '" + param + "' cannot be unset. You should remove '" + param
            + "' from your request or supply a non-empty value.",
        param);
  }

  /** Stripe's limit of discounts on one object, items included (a subscription's own and its items'). */
  public static ApiException tooManyDiscounts(String param, int max, int asked) {
    return invalid(param, "A subscription can have at most " + max + " discounts, its items' included; this request "
        + "names " + asked + ".");
  }

  /** A write that would need more items than one DynamoDB transaction takes. */
  public static ApiException tooLargeAWrite(int max) {
    return invalid(null, "This request would change more than " + max + " stored items at once, the most one "
        + "transaction takes; ask for fewer discounts or items in one request.");
  }

  public static ApiException invalid(String param, String message) {
    return ApiException.invalid(null, message, param);
  }

  public static ApiException invalidVersion(String value) {
    return ApiException.invalid(null, "Invalid Stripe API version: " + value, null);
  }

  public static ApiException notForm() {
    return ApiException.invalid(null,
        "Invalid request: request bodies must be form-encoded (Content-Type: application/x-www-form-urlencoded). "
            + "See https://stripe.com/docs/api for details.",
        null);
  }

  public static ApiException cannotExpand(String path) {
    return ApiException.invalid(null, "This property cannot be expanded (" + path + ").", "expand");
  }

  public static ApiException lockTimeout() {
    return new ApiException(429, ApiException.INVALID_REQUEST, "lock_timeout",
        "This object cannot be accessed right now because another API request or Stripe process is currently "
            + "accessing it. Please retry your request.", null);
  }

  /** DynamoDB throttled the request past the SDK's retries. Nothing was written. */
  public static ApiException rateLimited() {
    return new ApiException(429, ApiException.INVALID_REQUEST, "rate_limit",
        "Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.", null);
  }

  /**
   * An account is over one of its quotas (docs/hosting.md): 429 {@code rate_limit}, naming the
   * limit and when it frees. An outcome: replaying the same key answers the same.
   */
  public static ApiException overQuota(String limit, String frees) {
    return new ApiException(429, ApiException.INVALID_REQUEST, "rate_limit",
        "This account has reached its limit of " + limit + "; " + frees + ".", null).asOutcome();
  }

  /** The database could not be reached or failed (5xx, a reset connection, a timeout). */
  public static ApiException storeUnavailable() {
    return new ApiException(500, ApiException.API_ERROR, null,
        "The request could not be completed because the database did not answer in time. Retry it with the same "
            + "Idempotency-Key: a change that was made is then returned, not made twice.", null);
  }

  public static ApiException internal() {
    return new ApiException(500, ApiException.API_ERROR, null,
        "An unexpected error occurred while processing your request. Please retry.", null);
  }
}
