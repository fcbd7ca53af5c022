/**
 * The client of inference-service's HTTP API, shared by the batch worker (song embeddings) and the API
 * (query embeddings): the calls, the JSON they exchange and one sorting of failures into outages and
 * refusals. Plain JDK HTTP, so common-model needs no web framework.
 */
package dev.sonority.model.inference;
