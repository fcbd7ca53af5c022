/** Tests of the manifest, the install-state check and GET /v1/models against a temporary MODELS_DIR. */
package dev.sonority.inference.models;
