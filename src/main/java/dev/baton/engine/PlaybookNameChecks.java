package dev.baton.engine;

import dev.baton.shared.Text;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A new upload may not take the name another playbook of the catalogue goes by (session 35's probe
 * uploaded one called "Renewal", and the catalogue listed two "Renewal" rows nobody could tell apart).
 * Names are compared as people read them ({@link #key}): in any case, invisible characters left out, and a
 * dash, an underscore and a run of spaces alike ("Sample-account review" is "Sample account review"; the
 * catalogue shows the name as written). A process with no name goes by its id, as the catalogue
 * lists it so. A new version of the same process id keeps or changes its own name freely. A kept upload
 * that could not be deployed at start-up keeps its name: it is listed, not running, on the catalogue page,
 * deployed again at every start (it runs once what stopped it is gone: a process it calls, the engine) and
 * replaced by a new upload of its id, so the refusal says so. Kept uploads
 * are not held to it at start-up: two kept before this rule both keep running. The caller makes uploads
 * one at a time, so that two at once cannot both take a name (session 36's probe).
 */
final class PlaybookNameChecks {

    /**
     * What a reader takes for a gap between words, any run of them as one: Unicode's dash punctuation (en and
     * em dash, hyphen, ...), the minus sign, the underscore and spaces (no-break ones too).
     */
    private static final String SEPARATORS = "[\\p{Pd}\\u2212_\\s\\p{Z}]+";

    /** How names are compared, for the refusal: the reader should see why two names differing as written clash. */
    private static final String COMPARED =
            "names are compared in any case, with a dash, an underscore and spaces" + " alike";

    private PlaybookNameChecks() {}

    /**
     * @param catalogue each playbook's newest name (null for none), by process id
     * @param own the process ids of Baton's own (bundled) playbooks
     * @param notRunning the process ids of kept uploads that could not be deployed at start-up
     */
    static void check(
            PlaybookXml xml,
            Map<String, String> catalogue,
            Set<String> own,
            Set<String> notRunning,
            List<PlaybookProblem> problems) {
        for (PlaybookXml.ProcessInfo process : xml.processes()) {
            String key = key(shownAs(process.id(), process.name()));
            catalogue.entrySet().stream()
                    .filter(e -> !e.getKey().equals(process.id()))
                    .filter(e -> key(shownAs(e.getKey(), e.getValue())).equals(key))
                    .findFirst()
                    .ifPresent(taken -> problems.add(new PlaybookProblem(
                            process.id(),
                            process.name(),
                            taken(process, taken.getKey(), taken.getValue(), own, notRunning))));
        }
    }

    private static String taken(
            PlaybookXml.ProcessInfo process,
            String otherId,
            String otherName,
            Set<String> own,
            Set<String> notRunning) {
        String other = own.contains(otherId)
                ? "Baton's own playbook '" + otherId + "'"
                : "the playbook '" + otherId + "' in the catalogue";
        String goesBy = otherName == null ? ", which has no name and is listed by its id" : "";
        String clash = " is taken by '" + Text.showInvisible(shownAs(otherId, otherName)) + "' (" + other + goesBy
                + "): the catalogue would list two playbooks by one name (" + COMPARED + "). "
                + (notRunning.contains(otherId)
                        ? "'" + Text.showInvisible(otherId) + "' is not running now: Baton could not deploy its"
                                + " kept upload at start-up (listed with its problems on /playbooks), but it keeps its"
                                + " name, as it is deployed again at every start and runs once what stopped it is"
                                + " gone, and a new version of '" + Text.showInvisible(otherId) + "' uploaded takes"
                                + " its place. "
                        : "");
        return process.name() == null
                ? "the process has no name, so the catalogue would list it by its id '"
                        + Text.showInvisible(process.id()) + "', which" + clash
                        + "Give this one a name (Camunda Modeler: the process's Name)"
                : "the name '" + Text.showInvisible(process.name()) + "'" + clash
                        + "Give this one another name (Camunda Modeler: the process's Name)";
    }

    /** What the catalogue lists a playbook by: its name, or its id when it has none. */
    private static String shownAs(String processId, String name) {
        return name == null || name.isBlank() ? processId : name;
    }

    /**
     * A name as people read it: letters in one case, invisible format characters (a zero-width space, a soft
     * hyphen) left out, and every run of dashes (en or em dash, non-breaking hyphen, minus sign),
     * underscores and spaces (no-break ones too) as one space: users read "Sample-account review",
     * "Sample_account review" and "Sample account review" as one playbook.
     */
    static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC)
                .replaceAll("\\p{Cf}+", "")
                .replaceAll(SEPARATORS, " ")
                .strip()
                .toLowerCase(Locale.ROOT);
    }
}
