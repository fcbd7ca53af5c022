/**
 * The environment variables users set, mapped onto the properties they set, in every service: each module lists
 * its own in {@code META-INF/sonority/environment-names.properties}, and the defaults stay on the
 * {@code @ConfigurationProperties} records.
 */
package dev.sonority.web.environment;
