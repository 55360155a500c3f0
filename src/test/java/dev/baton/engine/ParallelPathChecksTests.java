package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Session 42's probe: a parallel join two of whose incoming flows are alternatives waited for ever, and an
 * exclusive gateway where parallel paths met made the next step twice. Each refused shape is named at its
 * gateway; the shapes the engine runs as drawn (splits and joins, nested, loops, inclusive joins, exclusive
 * merges of alternatives) are accepted.
 */
class ParallelPathChecksTests {

    @Test
    void aJoinWhoseIncomingPathStartsAtAnInterruptingBoundaryOfAnotherIsRefusedNamingBoth() {
        List<PlaybookProblem> problems = check("""
                s startEvent; p parallelGateway; call userTask Call the customer; prop userTask Send the proposal
                timer boundaryEvent@prop 2 minutes; chase userTask Chase the proposal; j parallelGateway All done
                e endEvent
                """, "s>p p>call p>prop timer>chase call>j:f7 prop>j:f8 chase>j:f9 j>e");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("j");
            assertThat(p.elementName()).isEqualTo("All done");
            assertThat(p.message())
                    .startsWith("a parallel join: it waits until a token has come on each of its 3 incoming flows")
                    .contains("'f8' from 'Send the proposal' (prop) and 'f9' from 'Chase the proposal' (chase)")
                    .contains("the path to 'f9' starts at", "and 'f8' comes only when the step is completed")
                    .contains("interrupting boundary event '2 minutes' (timer) of 'Send the proposal' (prop)")
                    .contains("wait for ever", "Merge the alternatives with an exclusive gateway");
        });
    }

    @Test
    void aJoinFedByTwoWaysOutOfAnExclusiveOrEventBasedGatewayIsRefused() {
        assertThat(check(
                        "s startEvent; p parallelGateway; a userTask; x exclusiveGateway Approved?; y userTask;"
                                + " n userTask; j parallelGateway; e endEvent",
                        "s>p p>a p>x x>y x>n a>j y>j n>j j>e"))
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .contains("exclusive gateway 'Approved?' (x), which takes only one of its ways out"));
        assertThat(check(
                        "s startEvent; p parallelGateway; a userTask; g eventBasedGateway; t1 intermediateCatchEvent;"
                                + " t2 intermediateCatchEvent; j parallelGateway; e endEvent",
                        "s>p p>a p>g g>t1 g>t2 a>j t1>j t2>j j>e"))
                .singleElement()
                .satisfies(
                        p -> assertThat(p.message()).contains("event-based gateway 'g', which goes on at the first"));
    }

    @Test
    void aJoinThatCannotCompleteInsideASubprocessIsRefusedThere() {
        String inner = shape(
                "s2 startEvent; p2 parallelGateway; a userTask; b userTask; t boundaryEvent@b; j2 parallelGateway;"
                        + " e2 endEvent",
                "s2>p2 p2>a p2>b a>j2 b>j2 t>j2 j2>e2");
        List<PlaybookProblem> problems = checkProcess(shape("s startEvent; e endEvent", "s>sub sub>e")
                + "<bpmn:subProcess id=\"sub\">" + inner + "</bpmn:subProcess>");

        assertThat(problems).extracting(PlaybookProblem::elementId).containsExactly("j2");
    }

    @Test
    void parallelPathsMeetingAtAnExclusiveGatewayAreRefusedSayingToJoinThem() {
        List<PlaybookProblem> problems = check(
                "s startEvent; p parallelGateway; legal userTask Check legal; fin userTask Check finance;"
                        + " m exclusiveGateway; sum userTask Send the summary; e endEvent",
                "s>p p>legal p>fin legal>m fin>m m>sum sum>e");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("m");
            assertThat(p.message())
                    .startsWith("an exclusive gateway where paths of the parallel gateway 'p' meet, not joined before")
                    .contains("from 'Check legal' (legal)", "from 'Check finance' (fin)")
                    .contains("happen twice", "draw a parallel gateway here instead");
        });
        assertThat(check(
                        "s startEvent; i inclusiveGateway; a userTask; b userTask; m exclusiveGateway; e endEvent",
                        "s>i i>a i>b a>m b>m m>e"))
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .contains("paths of the inclusive gateway 'i' meet", "draw an inclusive gateway here"));
    }

    @Test
    void theShapesTheEngineRunsAsDrawnAreAccepted() {
        assertThat(check(
                        "s startEvent; p parallelGateway; a userTask; b userTask; j parallelGateway; e endEvent",
                        "s>p p>a p>b a>j b>j j>e"))
                .as("a parallel split and its join")
                .isEmpty();
        assertThat(check(
                        "s startEvent; p parallelGateway; p2 parallelGateway; a1 userTask; a2 userTask;"
                                + " j2 parallelGateway; b userTask; j parallelGateway; e endEvent",
                        "s>p p>p2 p2>a1 p2>a2 a1>j2 a2>j2 j2>j p>b b>j j>e"))
                .as("nested splits and joins")
                .isEmpty();
        assertThat(check(
                        "s startEvent; m exclusiveGateway; p parallelGateway; a userTask; b userTask;"
                                + " j parallelGateway; x exclusiveGateway; e endEvent",
                        "s>m m>p p>a p>b a>j b>j j>x x>m x>e"))
                .as("a loop back before the split")
                .isEmpty();
        assertThat(check(
                        "s startEvent; i inclusiveGateway; a userTask; b userTask; c userTask; ij inclusiveGateway;"
                                + " e endEvent",
                        "s>i i>a i>b i>c a>ij b>ij c>ij ij>e"))
                .as("an inclusive split and join, which the engine joins correctly")
                .isEmpty();
        assertThat(check(
                        "s startEvent; p parallelGateway; a userTask; prop userTask; t boundaryEvent@prop;"
                                + " chase userTask; m exclusiveGateway; j parallelGateway; e endEvent",
                        "s>p p>a p>prop t>chase prop>m chase>m m>j a>j j>e"))
                .as("the alternatives merged by an exclusive gateway before the join")
                .isEmpty();
        assertThat(check(
                        "s startEvent; p parallelGateway; a userTask; x exclusiveGateway; y userTask; n userTask;"
                                + " m exclusiveGateway; j parallelGateway; e endEvent",
                        "s>p p>a p>x x>y x>n y>m n>m m>j a>j j>e"))
                .as("a choice inside one parallel path, merged within it")
                .isEmpty();
        assertThat(check(
                        "s startEvent; p parallelGateway; a userTask; m exclusiveGateway; t userTask;"
                                + " late boundaryEvent@t; j parallelGateway; e endEvent",
                        "s>p p>a p>m m>t late>m t>j a>j j>e"))
                .as("an interrupting timer that starts the step again")
                .isEmpty();
        assertThat(check(
                        "s startEvent; p parallelGateway; a userTask; t userTask; nudge boundaryEvent@t!;"
                                + " mail serviceTask; done endEvent; j parallelGateway; e endEvent",
                        "s>p p>a p>t nudge>mail mail>done t>j a>j j>e"))
                .as("a non-interrupting timer whose path ends on its own")
                .isEmpty();
        assertThat(check(
                        "s startEvent; x exclusiveGateway; a userTask; b userTask; m exclusiveGateway; e endEvent",
                        "s>x x>a x>b a>m b>m m>e"))
                .as("an exclusive split and merge")
                .isEmpty();
    }

    /** The probe's files these checks refuse (PlaybookChecksTests, PlaybookUploadIntegrationTests). */
    private static final java.util.Set<String> REFUSED = java.util.Set.of("p42-timers.bpmn", "p42-xmerge.bpmn");

    /** Every other BPMN file of Baton's and of the tests uploads as before: none draws these shapes. */
    @Test
    void noBpmnFileOfBatonOrOfTheTestsIsRefused() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("bpmn", "src/main/resources", "src/test/resources")) {
            try (Stream<Path> paths = Files.walk(Path.of(root))) {
                paths.filter(p -> p.toString().endsWith(".bpmn"))
                        .filter(p -> !REFUSED.contains(p.getFileName().toString()))
                        .forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(20);
        for (Path file : files) {
            PlaybookXml xml;
            try {
                xml = PlaybookXml.parse(Files.readAllBytes(file));
            } catch (Exception e) {
                continue; // a test's file that is not XML on purpose
            }
            List<PlaybookProblem> problems = new ArrayList<>();
            for (Element process : xml.all(PlaybookXml.BPMN, "process")) {
                ParallelPathChecks.check(process, xml.namesById(), problems);
            }
            assertThat(problems).as(file.toString()).isEmpty();
        }
    }

    /**
     * The problems of a process drawn as {@code nodes} ("id kind [name]", separated by ";" or line breaks;
     * {@code kind@step} a boundary event on that step, interrupting unless it ends in "!") and {@code flows}
     * ("source>target[:id]").
     */
    private static List<PlaybookProblem> check(String nodes, String flows) {
        return checkProcess(shape(nodes, flows));
    }

    private static List<PlaybookProblem> checkProcess(String content) {
        String xml = """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
                <bpmn:process id="p42" isExecutable="true">%s</bpmn:process>
                </bpmn:definitions>
                """.formatted(content);
        try {
            PlaybookXml parsed = PlaybookXml.parse(xml.getBytes(StandardCharsets.UTF_8));
            List<PlaybookProblem> problems = new ArrayList<>();
            Map<String, String> names = parsed.namesById();
            ParallelPathChecks.check(parsed.all(PlaybookXml.BPMN, "process").getFirst(), names, problems);
            return problems;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shape(String nodes, String flows) {
        StringBuilder xml = new StringBuilder();
        for (String node : nodes.split("[;\\n]")) {
            if (node.isBlank()) {
                continue;
            }
            String[] parts = node.trim().split(" ", 3);
            String id = parts[0];
            String kind = parts[1];
            String name = parts.length > 2 ? " name=\"" + parts[2] + "\"" : "";
            if (kind.startsWith("boundaryEvent@")) {
                String step = kind.substring("boundaryEvent@".length());
                boolean interrupting = !step.endsWith("!");
                xml.append("<bpmn:boundaryEvent id=\"%s\"%s attachedToRef=\"%s\"%s>"
                        .formatted(id, name, step.replace("!", ""), interrupting ? "" : " cancelActivity=\"false\""));
                xml.append("<bpmn:timerEventDefinition /></bpmn:boundaryEvent>");
            } else {
                xml.append("<bpmn:%s id=\"%s\"%s />".formatted(kind, id, name));
            }
        }
        int n = 0;
        for (String flow : flows.trim().split(" +")) {
            String[] ends = flow.split("[>:]");
            String id = ends.length > 2 ? ends[2] : "flow" + ++n;
            xml.append("<bpmn:sequenceFlow id=\"%s\" sourceRef=\"%s\" targetRef=\"%s\" />"
                    .formatted(id, ends[0], ends[1]));
        }
        return xml.toString();
    }
}
