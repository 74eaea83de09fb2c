package org.libvirt4j.remote;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs only the named areas ({@code LibvirtTck}'s nested classes, by simple name) of a TCK runner;
 * the others are reported as skipped with {@link #reason()}, never as passed. For transports whose
 * every connection costs a login (ssh), where the areas that do not depend on the transport add
 * minutes and nothing new.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(TckAreas.Condition.class)
@interface TckAreas {
    /** @return the nested classes to run, e.g. {@code "ConnectTests"} */
    String[] value();

    /** @return why the others do not run here */
    String reason();

    /** Disables a nested area that the runner does not name. */
    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<Class<?>> area = context.getTestClass();
            if (area.isEmpty() || area.get().getEnclosingClass() == null
                    || context.getTestMethod().isPresent()) {
                return ConditionEvaluationResult.enabled("not an area");
            }
            for (Optional<ExtensionContext> c = context.getParent(); c.isPresent(); c = c.get().getParent()) {
                Optional<TckAreas> only = c.get().getTestClass()
                        .flatMap(k -> AnnotationSupport.findAnnotation(k, TckAreas.class));
                if (only.isPresent()) {
                    return Arrays.asList(only.get().value()).contains(area.get().getSimpleName())
                            ? ConditionEvaluationResult.enabled("an area of this runner")
                            : ConditionEvaluationResult.disabled(only.get().reason());
                }
            }
            return ConditionEvaluationResult.enabled("no area list");
        }
    }
}
