package dev.sonority.model.vector.store;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * A bean or configuration that exists only with this vector store. Decided by binding
 * {@code sonority.vector-store.kind} to {@link VectorStoreKind}, exactly as {@link VectorStoreProperties} is
 * bound, so a condition and the code it guards can never read the setting differently.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnVectorStoreCondition.class)
public @interface ConditionalOnVectorStore {

    VectorStoreKind value();
}
