package dev.baton.commitment.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV: CRLF line ends; a field with a comma, a double quote, CR or LF is quoted, its quotes
 * doubled. A field that a spreadsheet would run as a formula ({@code = + - @}) gets a leading apostrophe,
 * since customer text ends up here.
 */
final class Csv {

  private final Writer out;

  Csv(Writer out) {
    this.out = out;
  }

  void row(List<?> fields) {
    try {
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(field(fields.get(i)));
      }
      out.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String field(Object value) {
    String text = value == null ? "" : value.toString();
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
      text = "'" + text;
    }
    if (text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
