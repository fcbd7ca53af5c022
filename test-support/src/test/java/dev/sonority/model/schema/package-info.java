/** Tests of the schema and its mapping against a real PostgreSQL. */
package dev.sonority.model.schema;
