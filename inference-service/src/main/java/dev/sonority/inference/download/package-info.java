/**
 * Model download: fetches a manifest entry's files over HTTP with resume (Range on a {@code .part} file),
 * verifies each sha256, and moves them into MODELS_DIR only when all of them are verified.
 * {@code POST /v1/models/{name}/download} runs it in the background; {@code GET} the same path reports progress.
 */
package dev.sonority.inference.download;
