/** {@code ./sonority bench text}: text embedding latency of inference-service (POST /v1/embed/text). */
package dev.sonority.bench.text;
