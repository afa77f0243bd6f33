package dev.couponapi.wire;

import dev.couponapi.api.ApiException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormDecoderTest {

  private static Map<String, Object> tree(String body) {
    return FormDecoder.toTree(FormDecoder.parseUrlEncoded(body));
  }

  @Test
  void decodesNestedMapsAppendArraysAndIndexedArrays() {
    Map<String, Object> tree = tree("metadata%5Border_id%5D=6735&expand[]=a&expand[]=b"
        + "&discounts[0][coupon]=SUMMER&discounts[1][promotion_code]=promo_1");
    assertThat(tree.get("metadata")).isEqualTo(Map.of("order_id", "6735"));
    assertThat(tree.get("expand")).isEqualTo(List.of("a", "b"));
    assertThat(tree.get("discounts")).isEqualTo(Map.of("0", Map.of("coupon", "SUMMER"), "1",
        Map.of("promotion_code", "promo_1")));
  }

  @Test
  void plusIsSpaceAndPercentEscapesAreUtf8() {
    assertThat(tree("name=Caf%C3%A9+25%25").get("name")).isEqualTo("Café 25%");
  }

  @Test
  void lastDuplicateScalarWins() {
    assertThat(tree("name=a&name=b").get("name")).isEqualTo("b");
  }

  @Test
  void rejectsMalformedPercentEncoding() {
    assertThatThrownBy(() -> tree("name=25%")).isInstanceOf(ApiException.class)
        .hasMessageContaining("malformed percent-encoding");
    assertThatThrownBy(() -> tree("name=%zz")).isInstanceOf(ApiException.class);
  }

  @Test
  void rejectsInvalidUtf8() {
    assertThatThrownBy(() -> tree("name=%C3%28")).isInstanceOf(ApiException.class);
  }

  @Test
  void rejectsBrokenBracketNames() {
    for (String body : List.of("a[b=1", "a]=1", "a[b]c=1", "[x]=1", "=1", "a[[b]]=1")) {
      assertThatThrownBy(() -> tree(body)).as(body).isInstanceOf(ApiException.class)
          .extracting(e -> ((ApiException) e).status()).isEqualTo(400);
    }
  }

  @Test
  void rejectsAValueThatIsAlsoAHash() {
    assertThatThrownBy(() -> tree("metadata=x&metadata[a]=1")).isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).param()).isEqualTo("metadata");
  }

  @Test
  void rejectsMixingAppendAndIndexedArrays() {
    assertThatThrownBy(() -> tree("expand[]=a&expand[0]=b")).isInstanceOf(ApiException.class);
  }

  @Test
  void rejectsTooDeepNesting() {
    assertThatThrownBy(() -> tree("a[b][c][d][e][f][g][h][i]=1")).isInstanceOf(ApiException.class)
        .hasMessageContaining("nested too deeply");
  }

  @Test
  void rejectsTooManyPairs() {
    String body = "a=1&".repeat(FormDecoder.MAX_PAIRS + 1);
    assertThatThrownBy(() -> tree(body)).isInstanceOf(ApiException.class).hasMessageContaining("Too many");
  }
}
