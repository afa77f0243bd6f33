package dev.couponapi.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A CSV cell a spreadsheet would read as a formula is written so that it opens as text. */
class CodesCsvTest {

  @Test
  void cellsThatBeginLikeAFormula_getALeadingQuote() {
    assertThat(CodesCsv.text("-2-3")).isEqualTo("'-2-3");
    assertThat(CodesCsv.text("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
    assertThat(CodesCsv.text("+1")).isEqualTo("'+1");
    assertThat(CodesCsv.text("@SUM")).isEqualTo("'@SUM");
    assertThat(CodesCsv.text("\tx")).isEqualTo("'\tx");
    assertThat(CodesCsv.text("\rx")).isEqualTo("'\rx");
    assertThat(CodesCsv.text("SPRING-25")).isEqualTo("SPRING-25");
    assertThat(CodesCsv.text("")).isEmpty();
  }
}
