/** Song paths: a playlist that moves from one song (or mood) to another in small steps. */
package dev.sonority.api.discovery.path;
