package dev.baton.engine;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A new upload may not take the name another playbook of the catalogue goes by (session 35's probe
 * uploaded one called "Renewal", and the catalogue listed two "Renewal" rows nobody could tell apart).
 * Names are compared as people read them: in any case, with any spacing. A new version of the same
 * process id keeps or changes its own name freely. Kept uploads are not held to it at start-up: two
 * kept before this rule both keep running.
 */
final class PlaybookNameChecks {

    private PlaybookNameChecks() {}

    /**
     * @param catalogue each deployed playbook's newest name (null for none), by process id
     * @param own the process ids of Baton's own (bundled) playbooks
     */
    static void check(PlaybookXml xml, Map<String, String> catalogue, Set<String> own, List<PlaybookProblem> problems) {
        for (PlaybookXml.ProcessInfo process : xml.processes()) {
            if (process.name() == null) {
                continue;
            }
            String key = key(process.name());
            catalogue.entrySet().stream()
                    .filter(e -> !e.getKey().equals(process.id()) && e.getValue() != null)
                    .filter(e -> key(e.getValue()).equals(key))
                    .findFirst()
                    .ifPresent(taken -> problems.add(new PlaybookProblem(
                            process.id(),
                            process.name(),
                            "the name '" + process.name() + "' is taken: "
                                    + (own.contains(taken.getKey())
                                            ? "Baton's own playbook '" + taken.getKey() + "'"
                                            : "the playbook '" + taken.getKey() + "' in the catalogue")
                                    + " is called '" + taken.getValue() + "', and the catalogue would list two"
                                    + " playbooks by one name. Give this one another name (Camunda Modeler: the"
                                    + " process's Name)")));
        }
    }

    /** A name as people read it: letters in one case, every run of spaces (no-break ones too) as one. */
    static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC)
                .replaceAll("[\\s\\p{Z}]+", " ")
                .strip()
                .toLowerCase(Locale.ROOT);
    }
}
