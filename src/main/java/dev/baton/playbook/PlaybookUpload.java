package dev.baton.playbook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A playbook an admin uploaded: the BPMN file and its forms as uploaded, deployed again at start-up. */
@Entity
class PlaybookUpload {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String processIds;

    @Column(nullable = false)
    String bpmnName;

    @Column(nullable = false)
    String bpmn;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    Map<String, String> forms;

    @Column(nullable = false)
    String uploadedBy;

    @Column(nullable = false)
    Instant uploadedAt;

    protected PlaybookUpload() {}

    PlaybookUpload(
            List<String> processIds,
            String bpmnName,
            String bpmn,
            Map<String, String> forms,
            String uploadedBy,
            Instant at) {
        this.processIds = String.join(",", processIds);
        this.bpmnName = bpmnName;
        this.bpmn = bpmn;
        this.forms = forms;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = at;
    }

    Long getId() {
        return id;
    }

    List<String> getProcessIds() {
        return Arrays.asList(processIds.split(","));
    }

    String getBpmnName() {
        return bpmnName;
    }

    String getBpmn() {
        return bpmn;
    }

    Map<String, String> getForms() {
        return forms;
    }

    String getUploadedBy() {
        return uploadedBy;
    }

    Instant getUploadedAt() {
        return uploadedAt;
    }
}
