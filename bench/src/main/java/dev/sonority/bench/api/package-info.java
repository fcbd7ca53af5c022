/** End-to-end benches of api-service endpoints, through the real service jar. */
package dev.sonority.bench.api;
