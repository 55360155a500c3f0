package dev.baton.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepNamesTests {

    @Test
    void aStepIsShownByItsNameAsDrawn() {
        assertThat(StepNames.inWords(" Call the customer ", "Activity_0x1y2z")).isEqualTo("Call the customer");
        assertThat(StepNames.quoted("Call the customer", "Activity_0x1y2z")).isEqualTo("'Call the customer'");
    }

    @Test
    void aStepWithoutANameIsShownByItsIdSaidToBeOne() {
        assertThat(StepNames.inWords(null, "Activity_0x1y2z")).isEqualTo("step without a name (id Activity_0x1y2z)");
        assertThat(StepNames.inWords("  ", "Activity_0x1y2z")).isEqualTo("step without a name (id Activity_0x1y2z)");
        assertThat(StepNames.quoted(null, "Activity_0x1y2z")).isEqualTo("step without a name (id Activity_0x1y2z)");
    }
}
