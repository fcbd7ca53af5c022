/** Tests of alchemy: the draw, and the endpoint on the real database. */
package dev.sonority.api.discovery.alchemy;
