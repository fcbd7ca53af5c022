/** {@code ./sonority bench discovery}: song paths and alchemy inside api-service, and path quality against greedy. */
package dev.sonority.bench.discovery;
