package dev.sonority.model.vector.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * VECTOR_STORE is one enum read one way: the condition that creates the Qdrant beans and the property the code
 * reads agree for every spelling, and an unknown store fails the start instead of silently meaning "embedded".
 */
class VectorStoreKindTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Stores.class);

    @Test
    void everySpellingOfQdrantMeansQdrantToConditionAndProperty() {
        for (String spelling : new String[] {"qdrant", "Qdrant", "QDRANT"}) {
            runner.withPropertyValues("sonority.vector-store.kind=" + spelling).run(context -> {
                assertThat(context).as(spelling).hasBean("qdrantOnly").doesNotHaveBean("embeddedOnly");
                assertThat(context.getBean(VectorStoreProperties.class).isQdrant()).as(spelling).isTrue();
            });
        }
    }

    @Test
    void embeddedIsTheDefault() {
        runner.run(context -> {
            assertThat(context).hasBean("embeddedOnly").doesNotHaveBean("qdrantOnly");
            assertThat(context.getBean(VectorStoreProperties.class).kind()).isEqualTo(VectorStoreKind.EMBEDDED);
        });
    }

    @Test
    void anUnknownStoreFailsTheStart() {
        runner.withPropertyValues("sonority.vector-store.kind=pgvector").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("pgvector");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(VectorStoreProperties.class)
    static class Stores {
        @Bean
        @ConditionalOnVectorStore(VectorStoreKind.QDRANT)
        String qdrantOnly() {
            return "qdrant";
        }

        @Bean
        @ConditionalOnVectorStore(VectorStoreKind.EMBEDDED)
        String embeddedOnly() {
            return "embedded";
        }
    }
}
