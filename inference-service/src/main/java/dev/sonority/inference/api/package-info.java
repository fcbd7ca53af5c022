/**
 * The embedding HTTP API: POST /v1/embed/audio and /v1/embed/text, their input checks, RFC 9457 problem
 * responses and request metrics.
 */
package dev.sonority.inference.api;
