package dev.baton.engine;

import io.camunda.client.annotation.Deployment;
import org.springframework.context.annotation.Configuration;

/**
 * Deploys every playbook and form in {@code bpmn/} at start-up. The engine ignores a resource that
 * is unchanged since its last deployment, so restarts do not create new versions.
 */
@Configuration(proxyBeanMethods = false)
@Deployment(resources = {"classpath*:/bpmn/*.bpmn", "classpath*:/bpmn/forms/*.form"})
class ProcessDeployment {}
