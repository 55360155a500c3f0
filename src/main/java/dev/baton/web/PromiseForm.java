package dev.baton.web;

import dev.baton.commitment.Commitment;
import dev.baton.commitment.NewCommitment;
import dev.baton.shared.EndedNowhere;
import dev.baton.shared.PlainText;
import dev.baton.shared.SaneDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The account page's "record a promise" form: what was promised, by when, who owns it (optional) and
 * which team delivers it (optional). The same checks as the API's {@link NewCommitment}; a due date already
 * ended where the owner is comes back from the service at {@code dueDate}.
 */
class PromiseForm {

    @NotBlank(message = "say what was promised")
    @Size(max = Commitment.DESCRIPTION_MAX)
    @PlainText
    private String description;

    @NotNull(message = "say by when")
    @EndedNowhere
    @SaneDate
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dueDate;

    private Long ownerId;
    private Long deliveringTeamId;
    private Long contactId;

    NewCommitment toNewCommitment(Long accountId) {
        return new NewCommitment(accountId, contactId, description, ownerId, deliveringTeamId, dueDate);
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public void setDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(Long ownerId) {
        this.ownerId = ownerId;
    }

    public Long getDeliveringTeamId() {
        return deliveringTeamId;
    }

    public void setDeliveringTeamId(Long deliveringTeamId) {
        this.deliveringTeamId = deliveringTeamId;
    }

    public Long getContactId() {
        return contactId;
    }

    public void setContactId(Long contactId) {
        this.contactId = contactId;
    }
}
