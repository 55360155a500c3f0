package dev.baton.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableHandlerMethodArgumentResolver;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

class SortAllowListsTests {

    @Test
    void endsEverySortWithTheIdSoPagesNeverOverlap() {
        Pageable sorted = SortAllowLists.allowed(
                PageRequest.of(2, 10, Sort.by(Sort.Order.desc("name"))), List.of("name"), Sort.unsorted());

        assertThat(sorted.getSort()).containsExactly(Sort.Order.desc("name"), Sort.Order.asc("id"));
        assertThat(sorted.getPageNumber()).isEqualTo(2);
        assertThat(SortAllowLists.allowed(PageRequest.of(0, 10), List.of(), Sort.unsorted())
                        .getSort())
                .containsExactly(Sort.Order.asc("id"));
    }

    @Test
    void keepsAnIdTheCallerAlreadySortsBy() {
        Pageable sorted = SortAllowLists.allowed(
                PageRequest.of(0, 10, Sort.by(Sort.Order.desc("id"))), List.of("name"), Sort.unsorted());

        assertThat(sorted.getSort()).containsExactly(Sort.Order.desc("id"));
    }

    @Test
    void refusesAPropertyOutsideTheListAndAnyOnAFixedOrderList() {
        assertThatThrownBy(() -> SortAllowLists.allowed(
                        PageRequest.of(0, 10, Sort.by("owner.passwordHash")), List.of("name"), Sort.unsorted()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("use one of name");
        assertThatThrownBy(() ->
                        SortAllowLists.allowed(PageRequest.of(0, 10, Sort.by("name")), List.of(), Sort.unsorted()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("fixed order");
    }

    @Test
    void keepsTheOrderAFixedOrderListGivesItselfAndRefusesAnyOther() {
        Sort newestFirst = Sort.by(Sort.Direction.DESC, "createdAt", "id");

        assertThat(SortAllowLists.allowed(PageRequest.of(0, 20, newestFirst), List.of(), newestFirst)
                        .getSort())
                .isEqualTo(newestFirst);
        assertThatThrownBy(() ->
                        SortAllowLists.allowed(PageRequest.of(0, 20, Sort.by("createdAt")), List.of(), newestFirst))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("fixed order");
    }

    @Test
    void refusesASortByIdAloneOnAFixedOrderListButTakesItAsTieBreakerElsewhere() {
        Sort newestFirst = Sort.by(Sort.Direction.DESC, "createdAt", "id");

        for (Sort byId : List.of(Sort.by("id"), Sort.by(Sort.Direction.DESC, "id"))) {
            assertThatThrownBy(() -> SortAllowLists.allowed(PageRequest.of(0, 20, byId), List.of(), newestFirst))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("fixed order");
            assertThatThrownBy(() -> SortAllowLists.allowed(PageRequest.of(0, 20, byId), List.of(), Sort.unsorted()))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("fixed order");
            assertThat(SortAllowLists.allowed(PageRequest.of(0, 20, byId), List.of("name"), Sort.unsorted())
                            .getSort())
                    .isEqualTo(byId);
        }
    }

    /** Every controller method's Pageable, found on the class path as Spring finds the controllers. */
    static Stream<Named<MethodParameter>> pageables() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        return scanner.findCandidateComponents("dev.baton").stream()
                .map(bean -> ClassUtils.resolveClassName(bean.getBeanClassName(), null))
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(method -> AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class))
                .flatMap(method ->
                        IntStream.range(0, method.getParameterCount()).mapToObj(i -> new MethodParameter(method, i)))
                .filter(parameter -> parameter.getParameterType() == Pageable.class)
                .map(parameter -> Named.of(
                        parameter.getDeclaringClass().getSimpleName() + "."
                                + parameter.getMethod().getName(),
                        parameter));
    }

    @Test
    void findsTheListEndpoints() {
        assertThat(pageables().map(Named::getName)).contains("ImportApi.list", "AccountController.list");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pageables")
    void everyListAnswersWithoutASortTakesItsSortFieldsAndRefusesAnyOther(MethodParameter parameter) {
        assertThat(resolve(parameter, null).getSort().getOrderFor(SortAllowLists.TIE_BREAKER))
                .as("a page without a sort, ending with the id")
                .isNotNull();
        SortFields fields = parameter.getParameterAnnotation(SortFields.class);
        for (String field : fields == null ? new String[0] : fields.value()) {
            assertThat(resolve(parameter, field + ",desc").getSort().getOrderFor(field))
                    .isEqualTo(Sort.Order.desc(field));
        }
        if (fields == null) {
            assertThatThrownBy(() -> resolve(parameter, "id,desc"))
                    .as("a fixed-order list sorted by id alone")
                    .isInstanceOf(BadRequestException.class);
        } else {
            assertThat(resolve(parameter, "id,desc").getSort()).containsExactly(Sort.Order.desc("id"));
        }
        assertThatThrownBy(() -> resolve(parameter, "owner.passwordHash"))
                .isInstanceOf(BadRequestException.class)
                .extracting(e -> ((BadRequestException) e).getFieldErrors())
                .isEqualTo(Map.of(
                        "sort",
                        fields == null
                                ? "this list has a fixed order and cannot be sorted"
                                : "'owner.passwordHash' is not a sort field here; use one of "
                                        + String.join(", ", fields.value()) + " (or id)"));
    }

    private static Pageable resolve(MethodParameter parameter, String sort) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/list");
        if (sort != null) {
            request.addParameter("sort", sort);
        }
        return new SortAllowLists.Checked(new PageableHandlerMethodArgumentResolver())
                .resolveArgument(parameter, null, new ServletWebRequest(request), null);
    }
}
