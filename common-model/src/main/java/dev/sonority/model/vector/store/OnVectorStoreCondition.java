package dev.sonority.model.vector.store;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The condition behind {@link ConditionalOnVectorStore}. */
class OnVectorStoreCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnVectorStore.class.getName());
        VectorStoreKind wanted = (VectorStoreKind) attributes.get("value");
        // an unknown value matches nothing here; binding VectorStoreProperties then fails the start with the choices
        VectorStoreKind configured;
        try {
            configured = Binder.get(context.getEnvironment())
                    .bindOrCreate("sonority.vector-store", VectorStoreProperties.class).kind(); // its default too
        } catch (RuntimeException e) {
            return false;
        }
        return configured == wanted;
    }
}
