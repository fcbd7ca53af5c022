/**
 * The client of inference-service's HTTP API, shared by the batch worker (song embeddings) and the API
 * (query embeddings): the calls, and one sorting of failures into outages and refusals. The JSON and PCM they
 * exchange are common-contract's {@code dev.sonority.contract.inference}, the same types the server writes.
 * Plain JDK HTTP, so common-model needs no web framework.
 */
package dev.sonority.model.inference;
