package dev.baton.task;

import java.util.List;

/** One input of a task form, as read from a Camunda Forms component. */
public record FormField(String key, String label, Type type, boolean required, List<Option> options) {

  public enum Type {
    TEXT,
    TEXTAREA,
    NUMBER,
    CHECKBOX,
    SELECT,
    DATE,
    DATETIME
  }

  public record Option(String value, String label) {}

  public FormField {
    options = options == null ? List.of() : List.copyOf(options);
  }
}
