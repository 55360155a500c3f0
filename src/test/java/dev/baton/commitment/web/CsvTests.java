package dev.baton.commitment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTests {

  @Test
  void leavesPlainFieldsAloneAndEndsRowsWithCrLf() {
    assertThat(write(List.of("a", 1, "b c"))).isEqualTo("a,1,b c\r\n");
  }

  @Test
  void quotesCommasQuotesAndLineBreaksDoublingQuotes() {
    assertThat(write(List.of("x,y", "say \"hi\"", "two\nlines", "cr\rhere")))
        .isEqualTo("\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n");
  }

  @Test
  void writesNullAsAnEmptyField() {
    assertThat(write(Arrays.asList("a", null, "b"))).isEqualTo("a,,b\r\n");
  }

  @Test
  void defusesTextThatASpreadsheetWouldRunAsAFormulaButNotNegativeNumbers() {
    assertThat(write(List.of("=HYPERLINK(\"x\")", -5))).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",-5\r\n");
  }

  private static String write(List<?> row) {
    StringWriter out = new StringWriter();
    new Csv(out).row(row);
    return out.toString();
  }
}
