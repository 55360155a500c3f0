package dev.baton.handover.web;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The plan preview ({@code POST /api/handovers/plan}) takes a launch's request but needs only whom it is
 * about: HandoverPlans.preview checks neither the reason nor the dates, which change no successor. So
 * its body is described as {@code PlanRequest}, the launch's fields with only {@code departingId} required.
 */
@Configuration
class PlanPreviewDocs {

    static final String PLAN_REQUEST = "PlanRequest";

    @Bean
    OpenApiCustomizer planRequestRequiresOnlyTheDepartingPerson() {
        return api -> {
            Schema<?> launch = api.getComponents().getSchemas().get("LaunchRequest");
            var body = api.getPaths().get("/api/handovers/plan").getPost().getRequestBody();
            if (launch == null || body == null) {
                return;
            }
            api.getComponents()
                    .addSchemas(
                            PLAN_REQUEST,
                            new Schema<>()
                                    .type("object")
                                    .description("A launch's request, for the preview: the reason and the dates"
                                            + " are not needed (they change no successor)")
                                    .properties(launch.getProperties())
                                    .required(List.of("departingId")));
            Content content = body.getContent();
            content.values().forEach(type -> type.setSchema(new Schema<>().$ref(PLAN_REQUEST)));
        };
    }
}
