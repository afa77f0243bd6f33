package dev.couponapi.api;

/**
 * A failure that reaches the client as Stripe's error object (docs/api.md §1.9). Thrown anywhere in the
 * pipeline; the pipeline renders it. Nothing may be written once one is thrown before a store call.
 */
public final class ApiException extends RuntimeException {

  public static final String INVALID_REQUEST = "invalid_request_error";
  public static final String API_ERROR = "api_error";
  public static final String IDEMPOTENCY_ERROR = "idempotency_error";

  private final int status;
  private final String type;
  private final String code;
  private final String param;
  private final boolean outcome;

  public ApiException(int status, String type, String code, String message, String param) {
    this(status, type, code, message, param, false);
  }

  private ApiException(int status, String type, String code, String message, String param, boolean outcome) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.code = code;
    this.param = param;
    this.outcome = outcome;
  }

  /**
   * The same error as the outcome of executing a request (the object is missing, the id is
   * taken…), as opposed to a request refused by validation. Idempotency stores outcomes only.
   */
  public ApiException asOutcome() {
    return new ApiException(status, type, code, getMessage(), param, true);
  }

  public boolean isOutcome() {
    return outcome;
  }

  /** A 400 invalid_request_error. */
  public static ApiException invalid(String code, String message, String param) {
    return new ApiException(400, INVALID_REQUEST, code, message, param);
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String code() {
    return code;
  }

  public String param() {
    return param;
  }
}
