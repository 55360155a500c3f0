package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which playbooks run only on an account: read from their steps at deployment. */
class AccountUseTests {

    @Test
    void aStepAssignedToTheAccountsPeopleOrABuildingBlockNeedsAnAccount() throws Exception {
        assertThat(neededBy("<bpmn:userTask id=\"task_owner\" name=\"For the owner\"><bpmn:extensionElements>"
                        + "<zeebe:assignmentDefinition assignee=\"=accountOwner\" /></bpmn:extensionElements>"
                        + "</bpmn:userTask>"))
                .isEqualTo("step 'For the owner' (task_owner) reads accountOwner");
        assertThat(neededBy("<bpmn:serviceTask id=\"task_mail\"><bpmn:extensionElements>"
                        + "<zeebe:taskDefinition type=\"=&quot;baton.&quot; + &quot;send-email&quot;\" />"
                        + "</bpmn:extensionElements></bpmn:serviceTask>"))
                .isEqualTo("step task_mail is the building block baton.send-email, which acts on the account");
        assertThat(neededBy("<bpmn:sequenceFlow id=\"flow_big\" sourceRef=\"a\" targetRef=\"b\">"
                        + "<bpmn:conditionExpression>= ownerManager != null</bpmn:conditionExpression>"
                        + "</bpmn:sequenceFlow>"))
                .isEqualTo("step flow_big reads ownerManager");
        assertThat(neededBy(
                        "<bpmn:intermediateCatchEvent id=\"wait\" name=\"Wait\"><bpmn:timerEventDefinition id=\"t\">"
                                + "<bpmn:timeDuration>=if accountId = null then \"PT1H\" else \"PT2H\"</bpmn:timeDuration>"
                                + "</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"))
                .isEqualTo("step 'Wait' (wait) reads accountId");
    }

    @Test
    void theNamesInTextPathsOrLongerNamesOrPlainValuesDoNot() throws Exception {
        assertThat(neededBy("<bpmn:userTask id=\"task\"><bpmn:extensionElements>"
                        + "<zeebe:assignmentDefinition assignee=\"accountOwner\" candidateGroups=\"=&quot;accountId&quot;\" />"
                        + "<zeebe:ioMapping><zeebe:input source=\"=deal.accountOwner\" target=\"a\" />"
                        + "<zeebe:input source=\"=accountIds\" target=\"b\" /></zeebe:ioMapping>"
                        + "</bpmn:extensionElements></bpmn:userTask>"))
                .isNull();
        assertThat(
                        neededBy(
                                "<bpmn:serviceTask id=\"task_review\"><bpmn:extensionElements>"
                                        + "<zeebe:taskDefinition type=\"baton-sample-review\" /></bpmn:extensionElements></bpmn:serviceTask>"))
                .isNull();
    }

    private static String neededBy(String steps) throws Exception {
        String xml = "<bpmn:definitions xmlns:bpmn=\"" + PlaybookXml.BPMN + "\" xmlns:zeebe=\"" + PlaybookXml.ZEEBE
                + "\"><bpmn:process id=\"p\" isExecutable=\"true\"><bpmn:startEvent id=\"start\" />" + steps
                + "</bpmn:process></bpmn:definitions>";
        return PlaybookXml.parse(xml.getBytes(StandardCharsets.UTF_8))
                .processes()
                .getFirst()
                .callerNeeds()
                .accountNeededBy();
    }
}
