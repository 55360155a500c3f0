package dev.baton.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

class SortAllowListsTests {

    @Test
    void endsEverySortWithTheIdSoPagesNeverOverlap() {
        Pageable sorted =
                SortAllowLists.allowed(PageRequest.of(2, 10, Sort.by(Sort.Order.desc("name"))), List.of("name"));

        assertThat(sorted.getSort()).containsExactly(Sort.Order.desc("name"), Sort.Order.asc("id"));
        assertThat(sorted.getPageNumber()).isEqualTo(2);
        assertThat(SortAllowLists.allowed(PageRequest.of(0, 10), List.of()).getSort())
                .containsExactly(Sort.Order.asc("id"));
    }

    @Test
    void keepsAnIdTheCallerAlreadySortsBy() {
        Pageable sorted =
                SortAllowLists.allowed(PageRequest.of(0, 10, Sort.by(Sort.Order.desc("id"))), List.of("name"));

        assertThat(sorted.getSort()).containsExactly(Sort.Order.desc("id"));
    }

    @Test
    void refusesAPropertyOutsideTheListAndAnyOnAFixedOrderList() {
        assertThatThrownBy(() ->
                        SortAllowLists.allowed(PageRequest.of(0, 10, Sort.by("owner.passwordHash")), List.of("name")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("use one of name");
        assertThatThrownBy(() -> SortAllowLists.allowed(PageRequest.of(0, 10, Sort.by("name")), List.of()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("fixed order");
    }
}
