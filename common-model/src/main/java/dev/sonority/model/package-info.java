/** The shared data model of every Sonority service: schema (Flyway), entities, job messages, model names. */
package dev.sonority.model;
