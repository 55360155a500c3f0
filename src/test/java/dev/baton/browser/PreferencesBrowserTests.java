package dev.baton.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.people.People;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** Cora picks her time zone on her preferences page; a value the list does not offer is refused at the field. */
class PreferencesBrowserTests extends BrowserTest {

    @Autowired
    People people;

    @Test
    void coraPicksSydneyFromTheListAndAZoneTheListDoesNotOfferIsRefusedAtTheField() {
        String before = people.findByUsername("cora").orElseThrow().getTimeZone();
        signIn("cora");
        try {
            open("/preferences");
            new Select(browser.findElement(By.id("timeZone"))).selectByValue("Australia/Sydney");
            press("Save");
            waitForText("Your preferences are saved.");

            assertThat(new Select(browser.findElement(By.id("timeZone")))
                            .getFirstSelectedOption()
                            .getText())
                    .isEqualTo("Sydney");
            assertThat(people.findByUsername("cora").orElseThrow().getTimeZone())
                    .isEqualTo("Australia/Sydney");

            // a forged value, as an old form or a script might send
            ((JavascriptExecutor) browser)
                    .executeScript("const s = document.getElementById('timeZone');"
                            + " s.add(new Option('Olympus', 'Mars/Olympus', true, true));");
            press("Save");
            waitForText("Nothing saved");

            assertThat(errorAt("timeZone")).startsWith("'Mars/Olympus' is not a time zone");
            assertThat(people.findByUsername("cora").orElseThrow().getTimeZone())
                    .isEqualTo("Australia/Sydney");
        } finally {
            people.findByUsername("cora").ifPresent(p -> {
                p.moveToTimeZone(before);
                people.save(p);
            });
        }
    }
}
