/** The shared data model of every Sonority service: schema (Flyway), task and analysis state transitions, job messages, model names. */
package dev.sonority.model;
