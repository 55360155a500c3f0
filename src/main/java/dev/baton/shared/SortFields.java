package dev.baton.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The properties a list endpoint's {@code Pageable} may be sorted by ({@code ?sort=name,desc}).
 * Any other property is a 400 naming these; a {@code Pageable} without this annotation takes no
 * sort at all (its list has a fixed order), nor does a list answered without a {@code Pageable}
 * ({@link FixedOrderLists}). Every sort ends with {@code id}, so pages never overlap. Enforced for
 * every controller by {@link SortAllowLists}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface SortFields {

    /** Entity property names, e.g. {@code {"name", "renewalDate"}}. */
    String[] value();
}
