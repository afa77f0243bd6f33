package dev.couponapi.service;

import dev.couponapi.api.ApiException;
import dev.couponapi.api.Errors;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The rules a webhook URL must meet (docs/events.md, "URLs"): absolute http(s), at most 2048
 * characters, no credentials; https in live mode; and an address a deployment may post to, checked
 * on the URL as given and again on every address its name resolves to at delivery. Addresses are
 * judged by what they are, in whatever spelling: an IPv6 address that carries an IPv4 one (NAT64,
 * 6to4, IPv4-compatible, IPv4-mapped) is judged as that IPv4 address.
 *
 * <ul>
 *   <li>public: always allowed;</li>
 *   <li>private (loopback, RFC 1918, unique-local, carrier-grade NAT, 0.0.0.0/8): refused, unless
 *       the deployment allows private receivers ({@code ./run-local serve} does: a receiver in a
 *       container on a laptop);</li>
 *   <li>never (link-local, the cloud metadata addresses, multicast, broadcast and the reserved
 *       ranges 198.18.0.0/15, 192.0.0.0/24, 240.0.0.0/4): refused everywhere.</li>
 * </ul>
 */
public final class WebhookUrls {

  public static final int MAX_LENGTH = 2048;

  private final boolean allowPrivate;

  public WebhookUrls(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** The URL's refusal for an endpoint of this mode, or null when it is acceptable. */
  public ApiException refusal(String url, boolean livemode) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException malformed) {
      return invalid("Invalid URL: must be an absolute http or https URL.");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (url.length() > MAX_LENGTH) {
      return invalid("Invalid URL: must be at most " + MAX_LENGTH + " characters.");
    }
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      return invalid("Invalid URL: must be an absolute http or https URL.");
    }
    if (uri.getRawUserInfo() != null) {
      return invalid("Invalid URL: must not contain credentials.");
    }
    if (livemode && !scheme.equals("https")) {
      return invalid("Invalid URL: live mode requires an https URL.");
    }
    if (namesPrivateHost(uri.getHost())) {
      return invalid(allowPrivate
          ? "Invalid URL: link-local, metadata, multicast and reserved addresses are refused."
          : "Invalid URL: must be publicly reachable; loopback, private and link-local addresses are refused.");
    }
    return null;
  }

  /** Whether a delivery may connect to this resolved address. */
  public boolean mayConnect(InetAddress address) {
    Reach reach = reach(address);
    return reach == Reach.PUBLIC || (allowPrivate && reach == Reach.PRIVATE);
  }

  /** What an address is to a deployment. */
  enum Reach { PUBLIC, PRIVATE, NEVER }

  /** Whether the URL's host refuses it: a name is judged on its addresses at delivery, an address now. */
  private boolean namesPrivateHost(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    if (name.equals("localhost") || name.endsWith(".localhost")) {
      return !allowPrivate;
    }
    String literal = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    if (!literal.matches("[0-9.]+") && !literal.contains(":")) {
      return false;
    }
    try {
      return !mayConnect(InetAddress.getByName(literal));
    } catch (UnknownHostException notAnAddress) {
      return true;
    }
  }

  static Reach reach(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (address instanceof Inet6Address) {
      byte[] embedded = embeddedIpv4(bytes);
      if (embedded != null) {
        return reachOfIpv4(embedded);
      }
      if (address.isLinkLocalAddress() || address.isMulticastAddress() || isAwsMetadataV6(bytes)) {
        return Reach.NEVER;
      }
      return address.isLoopbackAddress() || address.isAnyLocalAddress() || (bytes[0] & 0xfe) == 0xfc // fc00::/7
          ? Reach.PRIVATE : Reach.PUBLIC;
    }
    return reachOfIpv4(bytes);
  }

  private static Reach reachOfIpv4(byte[] v4) {
    int a = v4[0] & 0xff;
    int b = v4[1] & 0xff;
    int c = v4[2] & 0xff;
    if (a == 169 && b == 254 // link-local, the metadata address 169.254.169.254 among them
        || a >= 224 // multicast, 240.0.0.0/4 reserved, 255.255.255.255 broadcast
        || a == 198 && (b == 18 || b == 19) // benchmarking
        || a == 192 && b == 0 && c == 0) { // IETF protocol assignments
      return Reach.NEVER;
    }
    if (a == 0 || a == 127 || a == 10 || a == 172 && b >= 16 && b <= 31 || a == 192 && b == 168
        || a == 100 && b >= 64 && b <= 127) { // unspecified, loopback, RFC 1918, carrier-grade NAT
      return Reach.PRIVATE;
    }
    return Reach.PUBLIC;
  }

  /**
   * The IPv4 address an IPv6 one carries: IPv4-mapped {@code ::ffff:a.b.c.d} and IPv4-compatible
   * {@code ::a.b.c.d} (not {@code ::} and {@code ::1}), NAT64 {@code 64:ff9b::a.b.c.d}, 6to4
   * {@code 2002:AABB:CCDD::}; null for any other.
   */
  private static byte[] embeddedIpv4(byte[] v6) {
    boolean zeroTen = true;
    for (int i = 0; i < 10; i++) {
      zeroTen &= v6[i] == 0;
    }
    boolean mapped = zeroTen && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff;
    boolean compatible = zeroTen && v6[10] == 0 && v6[11] == 0 && ((v6[12] | v6[13]) != 0 || (v6[14] & 0xff) > 1);
    boolean nat64 = (v6[0] & 0xff) == 0x00 && (v6[1] & 0xff) == 0x64 && (v6[2] & 0xff) == 0xff
        && (v6[3] & 0xff) == 0x9b && java.util.stream.IntStream.range(4, 12).allMatch(i -> v6[i] == 0);
    if (mapped || compatible || nat64) {
      return java.util.Arrays.copyOfRange(v6, 12, 16);
    }
    if ((v6[0] & 0xff) == 0x20 && (v6[1] & 0xff) == 0x02) {
      return java.util.Arrays.copyOfRange(v6, 2, 6);
    }
    return null;
  }

  /** fd00:ec2::254, AWS's instance metadata over IPv6. */
  private static boolean isAwsMetadataV6(byte[] v6) {
    byte[] metadata = {(byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54};
    return java.util.Arrays.equals(v6, metadata);
  }

  private static ApiException invalid(String message) {
    return Errors.invalid("url", message);
  }
}
