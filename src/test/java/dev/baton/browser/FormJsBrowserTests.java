package dev.baton.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Multipart;
import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A playbook drawn in Camunda Modeler (playbooks/forms/account-check) whose form has a group, a
 * conditional field and a checklist: uploaded, launched, and its step completed in form-js in a
 * real browser, first with a mistake only the server catches, shown at its field.
 */
class FormJsBrowserTests extends BrowserTest {

    @Test
    void robFillsTheFormJsFormFixesTheFieldTheServerRefusedAndTheProcessGetsTheAnswer() throws Exception {
        upload("account-check.bpmn", "account-check.form");
        ResponseEntity<Map> started = as("ada")
                .postForEntity(
                        "/api/playbooks/Process_account_check/instances",
                        Map.of("owner", "rob", "accountName", "Acme"),
                        Map.class);
        long instance = ((Number) started.getBody().get("processInstanceKey")).longValue();
        Task task = awaitTaskOf(instance);
        signIn("rob");
        open("/tasks/" + task.getId());

        WebElement contact = field("Field_contact");
        assertThat(browser.findElement(By.id("task-form")).isDisplayed()).isFalse(); // form-js took its place
        assertThat(browser.findElement(By.cssSelector("label[for='" + contact.getAttribute("id") + "']"))
                        .getText())
                .contains("Contact at Acme"); // a FEEL label
        assertThat(browser.findElements(By.cssSelector("[id$='-Field_riskNote']")))
                .isEmpty(); // hidden until at risk

        contact.sendKeys("x".repeat(1001)); // form-js has no limit; the server's default is 1,000 characters
        field("Field_email").sendKeys("cfo@acme.example");
        field("Field_risk").click();
        field("Field_riskNote").sendKeys("Budget cut announced");
        field("Field_steps-0").click();
        field("Field_steps-2").click();
        complete();

        WebElement error = wait(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='-Field_contact-error-message']")));
        assertThat(error.getText()).contains("must be at most 1,000 characters");
        assertThat(browser.findElement(By.cssSelector(".form-js-errors")).getText())
                .contains("nothing was completed");
        assertThat(tasks.findById(task.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.OPEN);
        Browser.screenshots(browser, "task-form-js-refused");

        contact.clear();
        contact.sendKeys("Jane Doe");
        complete();
        waitForText("is done");

        assertThat(tasks.findById(task.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.COMPLETED);
        awaitProcessCompleted(instance);
        BpmnAssert.assertThat(new InspectedProcessInstance(instance))
                .hasVariableWithValue("customer", Map.of("contact", "Jane Doe", "email", "cfo@acme.example"))
                .hasVariableWithValue("atRisk", true)
                .hasVariableWithValue("riskNote", "Budget cut announced")
                .hasVariableWithValue("nextSteps", List.of("call", "training"));
    }

    private WebElement field(String fieldId) {
        return wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='-" + fieldId + "']")));
    }

    private void complete() {
        browser.findElement(By.cssSelector(".form-js-submit")).sendKeys(org.openqa.selenium.Keys.ENTER);
    }

    private <T> T wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
    }

    private void upload(String... files) throws Exception {
        Map<String, byte[]> contents = new java.util.LinkedHashMap<>();
        for (String file : files) {
            contents.put(file, new ClassPathResource("playbooks/forms/" + file).getContentAsByteArray());
        }
        ResponseEntity<String> uploaded =
                as("ada").postForEntity("/api/playbooks", Multipart.files("files", contents), String.class);
        assertThat(uploaded.getStatusCode()).as(uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
    }
}
