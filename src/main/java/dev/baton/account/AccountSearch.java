package dev.baton.account;

import org.springframework.data.jpa.domain.Specification;

/** The account list's filters; null means "any". */
public record AccountSearch(Long ownerId, String q, String territory, String segment) {

    Specification<Account> toSpecification() {
        Specification<Account> spec = (root, query, cb) -> cb.conjunction();
        if (ownerId != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("owner").get("id"), ownerId));
        }
        if (q != null && !q.isBlank()) {
            String pattern = "%" + escapeLike(q.trim().toLowerCase()) + "%";
            spec = spec.and((root, query, cb) -> cb.like(cb.lower(root.get("name")), pattern, '\\'));
        }
        if (territory != null && !territory.isBlank()) {
            spec = spec.and((root, query, cb) ->
                    cb.equal(cb.lower(root.get("territory")), territory.trim().toLowerCase()));
        }
        if (segment != null && !segment.isBlank()) {
            spec = spec.and((root, query, cb) ->
                    cb.equal(cb.lower(root.get("segment")), segment.trim().toLowerCase()));
        }
        return spec;
    }

    /** A search for "50%" means the characters, not a wildcard. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
