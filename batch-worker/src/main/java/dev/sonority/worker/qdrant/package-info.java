/**
 * Keeps Qdrant a faithful copy of PostgreSQL's search vectors when {@code VECTOR_STORE=qdrant}: the outbox
 * drainer writes every committed change within about a second (and catches up after a Qdrant outage), and
 * the reindex job rebuilds whole collections from PostgreSQL.
 */
package dev.sonority.worker.qdrant;
