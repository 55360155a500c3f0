package dev.baton.web;

import dev.baton.account.InteractionKind;
import dev.baton.account.NewInteraction;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The account page's "log an interaction" form; a bean, because Thymeleaf's th:field binds properties. */
class InteractionForm {

    @NotNull(message = "choose what kind of interaction it was")
    private InteractionKind kind = InteractionKind.CALL;

    @NotBlank(message = "say what was discussed")
    @Size(max = 4000)
    private String summary;

    private Long contactId;

    NewInteraction toNewInteraction() {
        return new NewInteraction(kind, summary, contactId, null);
    }

    public InteractionKind getKind() {
        return kind;
    }

    public void setKind(InteractionKind kind) {
        this.kind = kind;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public Long getContactId() {
        return contactId;
    }

    public void setContactId(Long contactId) {
        this.contactId = contactId;
    }
}
