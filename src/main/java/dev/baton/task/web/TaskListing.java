package dev.baton.task.web;

import dev.baton.shared.BadRequestException;
import dev.baton.task.TaskScope;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** The list parameters that the API and the pages share: scope and sort names, and paging limits. */
final class TaskListing {

    static final int MAX_PAGE_SIZE = 200;

    private TaskListing() {}

    static TaskScope scope(String name) {
        return switch (name) {
            case "mine" -> TaskScope.MINE;
            case "team" -> TaskScope.TEAM;
            case "inbox" -> TaskScope.INBOX;
            case "delegated" -> TaskScope.DELEGATED;
            case "all-visible" -> TaskScope.ALL_VISIBLE;
            case "unassigned" -> TaskScope.UNASSIGNED;
            default ->
                throw new BadRequestException(
                        "scope", "must be one of mine, team, inbox, delegated, all-visible, unassigned");
        };
    }

    /**
     * Soonest first (completed: latest first); ties by creation. Tasks without the date come last
     * because PostgreSQL sorts nulls last when ascending (criteria queries cannot say "nulls last").
     */
    static Pageable page(String sort, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException("size", "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
        }
        Sort.Order order = switch (sort) {
            case "due" -> Sort.Order.asc("dueAt");
            case "followUp" -> Sort.Order.asc("followUpAt");
            case "created" -> Sort.Order.asc("createdAt");
            case "completed" -> Sort.Order.desc("completedAt");
            default -> throw new BadRequestException("sort", "must be one of due, followUp, created, completed");
        };
        return PageRequest.of(page, size, Sort.by(order, Sort.Order.asc("createdAt"), Sort.Order.asc("id")));
    }
}
