package dev.couponapi.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which URLs an endpoint may name, in every spelling of an address (docs/events.md, "URLs"). */
class WebhookUrlsTest {

  private final WebhookUrls deployed = new WebhookUrls(false);
  private final WebhookUrls local = new WebhookUrls(true);

  /** The metadata address, link-local and reserved ranges: refused by a deployment and by serve alike. */
  @ParameterizedTest
  @ValueSource(strings = {"169.254.169.254", "[::ffff:169.254.169.254]", "[::ffff:a9fe:a9fe]", "[64:ff9b::a9fe:a9fe]",
      "[64:ff9b::169.254.169.254]", "[2002:a9fe:a9fe::]", "[::169.254.169.254]", "[::a9fe:a9fe]", "2852039166",
      "169.254.0.1", "[fe80::1]", "[fd00:ec2::254]", "224.0.0.1", "239.255.255.250", "[ff02::1]", "240.0.0.1",
      "255.255.255.255", "198.18.0.1", "198.19.255.254", "192.0.0.192", "[64:ff9b::c612:1]"})
  void neverReachable_isRefusedEverywhere(String host) {
    assertThat(deployed.refusal("http://" + host + "/hook", false)).as(host).isNotNull();
    assertThat(local.refusal("http://" + host + "/hook", false)).as(host).isNotNull();
  }

  /** Loopback and private ranges: a deployment refuses them in every spelling; serve allows them. */
  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "localhost", "localhost.", "app.localhost", "[::1]", "[::ffff:127.0.0.1]",
      "[::127.0.0.1]", "[::7f00:1]", "[64:ff9b::7f00:1]", "[64:ff9b::10.0.0.1]", "[2002:7f00:1::]", "[2002:c0a8:101::]",
      "2130706433", "10.1.2.3", "172.16.0.1", "192.168.1.1", "[fd12:3456::1]", "100.64.0.1", "0.0.0.0", "0",
      "[::]"})
  void private_isRefusedByADeployment_andAllowedByServe(String host) {
    assertThat(deployed.refusal("http://" + host + "/hook", false)).as(host).isNotNull();
    assertThat(local.refusal("http://" + host + ":4242/hook", false)).as(host).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"hooks.example.com", "93.184.215.14", "[2606:2800:21f:cb07:6820:80da:af6b:8b2c]",
      "[64:ff9b::5db8:d70e]", "[2002:5db8:d70e::]"})
  void public_isAllowedEverywhere(String host) {
    assertThat(deployed.refusal("https://" + host + "/hook", true)).as(host).isNull();
    assertThat(local.refusal("https://" + host + "/hook", true)).as(host).isNull();
  }

  /** At delivery, every resolved address is judged the same way (a name may point anywhere). */
  @Test
  void resolvedAddresses_areJudgedAlike() throws Exception {
    assertThat(deployed.mayConnect(InetAddress.getByName("::ffff:169.254.169.254"))).isFalse();
    assertThat(local.mayConnect(InetAddress.getByName("64:ff9b::a9fe:a9fe"))).isFalse();
    assertThat(local.mayConnect(InetAddress.getByName("127.0.0.1"))).isTrue();
    assertThat(deployed.mayConnect(InetAddress.getByName("127.0.0.1"))).isFalse();
    assertThat(deployed.mayConnect(InetAddress.getByName("93.184.215.14"))).isTrue();
  }
}
