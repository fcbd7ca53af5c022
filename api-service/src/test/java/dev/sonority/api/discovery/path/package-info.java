/** Tests of song paths: the global search against the greedy reference, and the endpoint. */
package dev.sonority.api.discovery.path;
