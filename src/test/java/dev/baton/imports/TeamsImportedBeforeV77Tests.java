package dev.baton.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.PostgresTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V79 fills {@code team.external_source} for the teams an import made before V77 (session 37's probe: a teams file
 * finding them again said "already in Baton ... matched by key"), from what the import's own record tells, and for
 * no team made in Baton. The migration ran on the empty test database; here it runs again over teams as a database
 * from before V77 holds them (in the test's transaction, rolled back).
 */
@PostgresTest
class TeamsImportedBeforeV77Tests {

    private static final Instant QUEUED = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant FINISHED = Instant.parse("2026-11-20T10:00:05Z");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTeamMadeInARealTeamsImportIsMarkedAsThatImportsSourceAndNoOtherTeamIs() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        job("SALESFORCE", false, "SUCCEEDED", 2, QUEUED, FINISHED);
        job("HUBSPOT", true, "SUCCEEDED", 0, QUEUED.plusSeconds(3600), FINISHED.plusSeconds(3600));
        job("BATON", false, "SUCCEEDED", 0, QUEUED.plusSeconds(7200), FINISHED.plusSeconds(7200));
        job("HUBSPOT", false, "SUCCEEDED", 1, QUEUED.plusSeconds(10800), FINISHED.plusSeconds(10800));
        job("BATON", false, "SUCCEEDED", 1, QUEUED.plusSeconds(10800), FINISHED.plusSeconds(10800));
        long imported = team("imported-" + tag, QUEUED.plusSeconds(1));
        long apiDuringImport = team("api-" + tag, QUEUED.plusSeconds(2));
        jdbc.update(
                "insert into audit_event (actor, action, entity_type, entity_id) values ('ada', 'team.created',"
                        + " 'team', ?)",
                apiDuringImport);
        long seeded = team("seeded-" + tag, QUEUED.minusSeconds(86_400));
        long inADryRun = team("dry-" + tag, QUEUED.plusSeconds(3601));
        long inARolledBackImport = team("rolled-" + tag, QUEUED.plusSeconds(7201));
        long inTwoSourcesImports = team("two-" + tag, QUEUED.plusSeconds(10801));
        long importedSince = team("since-" + tag, QUEUED.plusSeconds(1));
        jdbc.update("update team set external_source = 'BATON' where id = ?", importedSince);

        jdbc.execute(new ClassPathResource("db/migration/V79__team_imported_before_v77.sql")
                .getContentAsString(StandardCharsets.UTF_8));

        assertThat(source(imported)).isEqualTo("SALESFORCE");
        assertThat(source(apiDuringImport)).as("made through the API: audited").isNull();
        assertThat(source(seeded)).as("no import ran as it was made").isNull();
        assertThat(source(inADryRun)).as("a dry run writes nothing").isNull();
        assertThat(source(inARolledBackImport))
                .as("an import with a bad row created nothing")
                .isNull();
        assertThat(source(inTwoSourcesImports))
                .as("nothing tells which made it")
                .isNull();
        assertThat(source(importedSince)).as("a source V77 recorded stays").isEqualTo("BATON");
    }

    private void job(String source, boolean dryRun, String status, int created, Instant queued, Instant finished) {
        jdbc.update(
                "insert into import_job (kind, source, file_name, dry_run, status, created_count, created_by,"
                        + " created_at, finished_at) values ('TEAMS', ?, 'teams.csv', ?, ?, ?, 'ada', ?, ?)",
                source,
                dryRun,
                status,
                created,
                Timestamp.from(queued),
                Timestamp.from(finished));
    }

    private long team(String key, Instant created) {
        return jdbc.queryForObject(
                "insert into team (key, name, created_at) values (?, ?, ?) returning id",
                Long.class,
                key,
                "Team " + key,
                Timestamp.from(created));
    }

    private String source(long team) {
        return jdbc.queryForObject("select external_source from team where id = ?", String.class, team);
    }
}
