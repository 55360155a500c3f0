package dev.baton.shared;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

/** What the list pages' links need to page through a filtered list. */
public final class PageLinks {

    private PageLinks() {}

    /**
     * The request's query string without its {@code page} parameter (still encoded), for a list page's
     * next, previous and export links, which add their own {@code page}: the filters stay as the
     * reader set them. Null when there is nothing else in the query.
     */
    public static String filters(HttpServletRequest request) {
        return UriComponentsBuilder.newInstance()
                .query(request.getQueryString())
                .replaceQueryParam("page")
                .build()
                .getQuery();
    }
}
