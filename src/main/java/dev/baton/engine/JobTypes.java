package dev.baton.engine;

import io.camunda.client.annotation.JobWorker;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The job types Baton has a worker for: those of the app's {@code @JobWorker} methods (a method
 * without a type gets its name, as the Camunda SDK does) and the engine's user-task job type, which
 * the task bridge serves. A service task of any other type would wait forever.
 */
@Component
class JobTypes {

    private final ApplicationContext context;
    private volatile Set<String> known;

    JobTypes(ApplicationContext context) {
        this.context = context;
    }

    Set<String> known() {
        if (known == null) {
            Set<String> types = new TreeSet<>(Set.of(Bpmn.USER_TASK_JOB_TYPE));
            for (String name : context.getBeanDefinitionNames()) {
                Class<?> type = context.getType(name, false);
                if (type != null && type.getName().startsWith("dev.baton.")) {
                    ReflectionUtils.doWithMethods(ClassUtils.getUserClass(type), method -> {
                        JobWorker worker = AnnotatedElementUtils.findMergedAnnotation(method, JobWorker.class);
                        if (worker != null) {
                            types.add(worker.type().isEmpty() ? method.getName() : worker.type());
                        }
                    });
                }
            }
            known = Set.copyOf(types);
        }
        return known;
    }
}
