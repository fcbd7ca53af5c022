/**
 * An in-process Qdrant for tests: Qdrant's own gRPC service definitions (from the client jar) backed by a
 * small brute-force store, so the adapter's real client code and wire format are exercised without a server.
 */
package dev.sonority.model.testing.qdrant;
