package dev.baton.shared;

import java.util.List;
import org.springframework.data.domain.Page;

/** The JSON shape of every paged list in the API; Spring's own Page serialisation is not stable. */
public record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <T> PageResponse<T> of(Page<T> page) {
        return new PageResponse<>(
                page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
    }
}
