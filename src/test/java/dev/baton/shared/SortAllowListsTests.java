package dev.baton.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;

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

    /** Every controller method answering GET, named Class.method. */
    static Stream<Named<Method>> getHandlers() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        return scanner.findCandidateComponents("dev.baton").stream()
                .map(bean -> ClassUtils.resolveClassName(bean.getBeanClassName(), null))
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(method -> AnnotatedElementUtils.hasAnnotation(method, GetMapping.class))
                .map(method -> Named.of(method.getDeclaringClass().getSimpleName() + "." + method.getName(), method));
    }

    @Test
    void refusesASortOnEveryListAnsweredWithoutAPageableAndNoSortOfItsOwn() {
        List<String> refusing = getHandlers()
                .filter(handler -> FixedOrderLists.refusesSort(handler.getPayload()))
                .map(Named::getName)
                .toList();

        assertThat(refusing)
                .contains("AuditApi.list", "QualityApi.findings", "FailedMailPages.list", "PlaybookApi.list")
                .as("a Pageable list, a list with its own sort, a single record, a page")
                .doesNotContain("AccountController.list", "TaskApi.list", "AccountController.get", "AuditPages.list");
    }

    @Test
    void answersASortOnAFixedOrderListWithA400NamingSortAndLetsOtherRequestsThrough() throws Exception {
        FixedOrderLists check = new FixedOrderLists();
        Fixtures fixtures = new Fixtures();
        HandlerMethod list = new HandlerMethod(fixtures, Fixtures.class.getDeclaredMethod("list"));
        HandlerMethod sorted = new HandlerMethod(fixtures, Fixtures.class.getDeclaredMethod("sorted", String.class));
        HandlerMethod one = new HandlerMethod(fixtures, Fixtures.class.getDeclaredMethod("one"));

        assertThatThrownBy(() -> check.preHandle(get("name"), null, list))
                .isInstanceOf(BadRequestException.class)
                .extracting(e -> ((BadRequestException) e).getFieldErrors())
                .isEqualTo(Map.of("sort", "this list has a fixed order and cannot be sorted"));
        assertThat(check.preHandle(get(null), null, list)).isTrue();
        assertThat(check.preHandle(get("name"), null, sorted)).isTrue();
        assertThat(check.preHandle(get("name"), null, one)).isTrue();
        MockHttpServletRequest post = get("name");
        post.setMethod("POST");
        assertThat(check.preHandle(post, null, list)).isTrue();
    }

    /** Handlers as a controller declares them: a fixed-order list, a list with its own sort, one record. */
    static class Fixtures {

        List<String> list() {
            return List.of();
        }

        PageResponse<String> sorted(@RequestParam(defaultValue = "due") String sort) {
            return null;
        }

        Map<String, String> one() {
            return Map.of();
        }
    }

    private static MockHttpServletRequest get(String sort) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/list");
        if (sort != null) {
            request.addParameter("sort", sort);
        }
        return request;
    }

    private static Pageable resolve(MethodParameter parameter, String sort) {
        return new SortAllowLists.Checked(new PageableHandlerMethodArgumentResolver())
                .resolveArgument(parameter, null, new ServletWebRequest(get(sort)), null);
    }
}
