/** The model manifest (models/manifest.json), the models directory, and GET /v1/models: which models exist and which are installed. */
package dev.sonority.inference.models;
