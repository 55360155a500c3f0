package dev.baton.task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The renewal-review form's test data (playbooks/forms/renewal-review.form): its variables and a good answer. */
public final class RenewalReviewForm {

    /** What the form reads: a read-only and a disabled value, FEEL bounds, options from a variable and an expression. */
    public static final Map<String, Object> VARIABLES = Map.of(
            "accountName",
            "Acme",
            "internalCode",
            "X-1",
            "maxDiscount",
            20,
            "minReason",
            5,
            "addOnOptions",
            List.of(Map.of("label", "Training", "value", "training"), Map.of("label", "Premium", "value", "premium")),
            "regions",
            List.of("EMEA", "APAC"));

    private RenewalReviewForm() {}

    /** What form-js submits for the filled-in form (read-only values included, disabled ones left out); a copy to change. */
    public static Map<String, Object> answer() {
        Map<String, Object> s = new HashMap<>();
        s.put("accountName", "Acme");
        s.put("discount", 12.5);
        s.put("reason", "loyal customer");
        s.put("escalate", false);
        s.put("contact", Map.of("email", "cfo@acme.example", "phone", "+4930664040900"));
        s.put("lineItems", List.of(Map.of("product", "seats", "quantity", 10), Map.of("product", "support")));
        s.put("channels", List.of("email", "visit"));
        s.put("addOns", List.of("training"));
        s.put("region", "EMEA");
        s.put("renewalDate", "2027-01-31");
        s.put("callTime", "09:30+01:00");
        s.put("meetingAt", "2027-01-15T10:00");
        return s;
    }
}
