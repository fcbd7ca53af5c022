package dev.sonority.api.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller whose endpoints belong to the Lainbow-compatible contract: its errors answer
 * {@code {"detail": "..."}} (or FastAPI's list of validation errors) instead of RFC 9457 problem details.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface LainbowApi {
}
