package dev.baton.blocks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a block's work once per step: the engine may deliver a job twice (a timeout, a lost
 * completion), so the step's element instance key is remembered with the outputs, in the same
 * transaction as the work. A second delivery finds the key and gets the first outputs without
 * doing anything again. Two deliveries at the same moment wait for each other (an advisory lock on
 * the key), so the second one sees the first's row.
 */
@Service
public class BlockRuns {

    private static final TypeReference<Map<String, Object>> OUTPUTS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    BlockRuns(JdbcClient jdbc, TransactionTemplate transaction, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
    }

    /**
     * Runs {@code work} in a transaction unless this step ran before, and returns its outputs (the
     * variables the job completes with; null values allowed).
     *
     * @param elementInstanceKey the job's element instance key (one per step entered, loops included)
     * @param jobType the block's type, kept for reading the table
     * @throws BlockInputError from {@code work}, nothing kept
     */
    public Map<String, Object> once(long elementInstanceKey, String jobType, Supplier<Map<String, Object>> work) {
        return transaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)")
                    .param(elementInstanceKey)
                    .query()
                    .singleRow();
            var done = jdbc.sql("select outputs from block_run where element_instance_key = ?")
                    .param(elementInstanceKey)
                    .query(String.class)
                    .optional();
            if (done.isPresent()) {
                return read(done.get());
            }
            String outputs = write(work.get());
            jdbc.sql("insert into block_run (element_instance_key, job_type, outputs) values (?, ?, ?)")
                    .params(elementInstanceKey, jobType, outputs)
                    .update();
            return read(outputs); // as a second delivery will read them
        });
    }

    private Map<String, Object> read(String outputs) {
        try {
            return json.readerFor(OUTPUTS)
                    .with(DeserializationFeature.USE_LONG_FOR_INTS)
                    .readValue(outputs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("block_run outputs are not JSON: " + outputs, e);
        }
    }

    private String write(Map<String, Object> outputs) {
        try {
            return json.writeValueAsString(outputs);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a block's outputs must be JSON values: " + outputs, e);
        }
    }
}
