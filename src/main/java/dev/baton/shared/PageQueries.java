package dev.baton.shared;

import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;

/**
 * Pages of entities by a filter, with their total, read with less work than Spring Data's page (the
 * page, then a count query with the same filter), for lists whose filters match many rows (the
 * inbox). The entity's id must be a {@code Long} named {@code id}; sort
 * properties are as in Spring Data; {@code fetch} names the associations to load with the page (an
 * entity graph's attribute paths). An unpaged request gets every matching row in the sort's order.
 */
public final class PageQueries {

    private PageQueries() {}

    /**
     * The page's ids with {@code count(*) over ()}, then its entities by id: one pass over the matching
     * rows where the filter's rows must all be read before the first ones are known anyway (an OR over
     * several offers, as the inbox's). The ids query carries only the id and the sort keys, so the rows
     * PostgreSQL keeps for the window stay narrow however wide the table is.
     *
     * @return the page, in the sort's order, with the number of all matching rows
     */
    public static <T> Page<T> oneScan(
            EntityManager em, Class<T> type, Specification<T> spec, Pageable pageable, String... fetch) {
        if (pageable.isUnpaged()) {
            return all(em, type, spec, pageable, fetch);
        }
        HibernateCriteriaBuilder cb = em.unwrap(org.hibernate.Session.class).getCriteriaBuilder();
        CriteriaQuery<Tuple> q = cb.createTupleQuery();
        Root<T> root = q.from(type);
        q.multiselect(root.get("id"), cb.count(cb.literal(1), cb.createWindow()));
        q.where(spec.toPredicate(root, q, cb));
        q.orderBy(QueryUtils.toOrders(pageable.getSort(), root, cb));
        List<Tuple> rows = paged(em.createQuery(q), pageable).getResultList();
        if (rows.isEmpty()) {
            // past the last page (or nothing at all): only a count says how many there are
            return new PageImpl<>(List.of(), pageable, pageable.getOffset() == 0 ? 0 : count(em, type, List.of(spec)));
        }
        List<Long> ids = rows.stream().map(r -> r.get(0, Long.class)).toList();
        return new PageImpl<>(byIds(em, type, ids, fetch), pageable, rows.get(0).get(1, Long.class));
    }

    /** The number of rows each filter matches, added up (the filters must not overlap). */
    public static <T> long count(EntityManager em, Class<T> type, List<Specification<T>> parts) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        long total = 0;
        for (Specification<T> part : parts) {
            CriteriaQuery<Long> q = cb.createQuery(Long.class);
            Root<T> root = q.from(type);
            q.select(cb.count(cb.literal(1))); // count(id) would have PostgreSQL read each row for its id
            q.where(part.toPredicate(root, q, cb));
            total += em.createQuery(q).getSingleResult();
        }
        return total;
    }

    /** Every matching row, for an unpaged request (a list known to be short, such as one account's). */
    private static <T> Page<T> all(
            EntityManager em, Class<T> type, Specification<T> spec, Pageable unpaged, String... fetch) {
        List<T> content =
                fetched(em, query(em, type, spec, unpaged), type, fetch).getResultList();
        return new PageImpl<>(content, unpaged, content.size());
    }

    private static <T> TypedQuery<T> query(EntityManager em, Class<T> type, Specification<T> spec, Pageable pageable) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<T> q = cb.createQuery(type);
        Root<T> root = q.from(type);
        q.where(spec.toPredicate(root, q, cb));
        q.orderBy(QueryUtils.toOrders(pageable.getSort(), root, cb));
        return em.createQuery(q);
    }

    private static <R> TypedQuery<R> paged(TypedQuery<R> query, Pageable pageable) {
        return query.setFirstResult((int) pageable.getOffset()).setMaxResults(pageable.getPageSize());
    }

    private static <T> TypedQuery<T> fetched(EntityManager em, TypedQuery<T> query, Class<T> type, String... fetch) {
        if (fetch.length > 0) {
            EntityGraph<T> graph = em.createEntityGraph(type);
            graph.addAttributeNodes(fetch);
            query.setHint("jakarta.persistence.fetchgraph", graph);
        }
        return query;
    }

    /**
     * The entities with these ids, in the ids' order, with the associations {@code fetch} names loaded
     * (an entity graph's attribute paths); an id whose row is gone since it was read is left out.
     */
    public static <T> List<T> byIds(EntityManager em, Class<T> type, List<Long> ids, String... fetch) {
        TypedQuery<T> query = em.createQuery(
                "select e from " + em.getMetamodel().entity(type).getName() + " e where e.id in :ids", type);
        Function<T, Object> id =
                e -> em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(e);
        Map<Object, T> found = fetched(em, query, type, fetch).setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(id, e -> e, (a, b) -> a));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList(); // gone since the ids were read
    }
}
