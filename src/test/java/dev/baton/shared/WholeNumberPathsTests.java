package dev.baton.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

class WholeNumberPathsTests {

    static class Things {
        String get(@PathVariable long id) {
            return "thing " + id;
        }
    }

    @Test
    void onlyPathsUnderARelaxedMappingsRootAreLookedAt() throws Exception {
        StaticApplicationContext context = new StaticApplicationContext();
        context.refresh();
        RequestMappingHandlerMapping controllers = new RequestMappingHandlerMapping();
        controllers.setApplicationContext(context);
        controllers.afterPropertiesSet();
        register(controllers, "/api/things/{id:-?\\d+}");
        register(controllers, "/plain/{id}");
        WholeNumberPaths paths = new WholeNumberPaths(controllers, null); // asked only when a path is refused
        paths.afterSingletonsInstantiated();

        assertThat(paths.mayRelax("/api/things/abc")).isTrue();
        assertThat(paths.mayRelax("/css/baton.css")).as("a static file").isFalse();
        assertThat(paths.mayRelax("/api/nothing/abc")).as("an unknown path").isFalse();
        assertThat(paths.mayRelax("/plain/abc"))
                .as("Spring's own binding tells a plain {id}")
                .isFalse();
    }

    private static void register(RequestMappingHandlerMapping controllers, String path) throws Exception {
        controllers.registerMapping(
                RequestMappingInfo.paths(path)
                        .options(controllers.getBuilderConfiguration())
                        .build(),
                new Things(),
                Things.class.getDeclaredMethod("get", long.class));
    }

    @Test
    void aRootIsThePathBeforeItsFirstVariableOrWildcard() {
        assertThat(WholeNumberPaths.root("/api/handovers/{id}/accounts/{accountId}"))
                .isEqualTo("/api/handovers/");
        assertThat(WholeNumberPaths.root("/files/**/{id}")).isEqualTo("/files/");
        assertThat(WholeNumberPaths.root("/plain")).isEqualTo("/plain");
    }
}
