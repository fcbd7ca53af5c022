/**
 * Cross-cutting web concerns: the two error styles (Lainbow's {@code {"detail": ...}} and RFC 9457 problem
 * details), mapping of dependency outages to 503, paging parameters, and request path normalisation.
 */
package dev.sonority.api.web;
