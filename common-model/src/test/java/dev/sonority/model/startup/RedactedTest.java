package dev.sonority.model.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the failure analyzers print of a connection URL: where it points, never a password. */
class RedactedTest {

    @Test
    void jdbcUrlsLoseTheirQueryAndUserInfo() {
        assertThat(Redacted.jdbcUrl("jdbc:postgresql://db:5432/sonority?user=s&password=secret"))
                .isEqualTo("jdbc:postgresql://db:5432/sonority");
        assertThat(Redacted.jdbcUrl("jdbc:postgresql://s:secret@db:5432/sonority"))
                .isEqualTo("jdbc:postgresql://db:5432/sonority");
        assertThat(Redacted.jdbcUrl("jdbc:postgresql://localhost/sonority")).isEqualTo("jdbc:postgresql://localhost/sonority");
    }

    @Test
    void amqpAddressesKeepTheUserAndLoseThePassword() {
        assertThat(Redacted.amqpAddresses("amqp://sonority:secret@rabbitmq:5672/vhost"))
                .isEqualTo("amqp://sonority@rabbitmq:5672/vhost");
        assertThat(Redacted.amqpAddresses("amqp://a:x@mq1:5672, amqp://b:y@mq2:5672"))
                .isEqualTo("amqp://a@mq1:5672,amqp://b@mq2:5672");
        assertThat(Redacted.amqpAddresses("mq:5672")).isEqualTo("mq:5672");
        assertThat(Redacted.amqpAddresses("amqp://guest@mq/a@b")).isEqualTo("amqp://guest@mq/a@b");
    }
}
