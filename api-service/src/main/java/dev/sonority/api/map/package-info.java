/** The library map: starting a MAP task and serving the stored 2-D positions (GET /api/v1/map). */
package dev.sonority.api.map;
