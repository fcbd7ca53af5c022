/**
 * The HTTP API of inference-service as both sides see it: the JSON records of {@code /v1/embed/audio} and
 * {@code /v1/embed/text} and the PCM layout of an audio body. The server writes and the clients (worker, API)
 * read these same types, so the two cannot drift apart. The JSON names are explicit ({@code sample_rate}), so
 * they hold whatever naming strategy a side's JSON mapper uses.
 */
package dev.sonority.contract.inference;
