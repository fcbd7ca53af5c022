/** The names of the analysis models, as the API spells them. */
package dev.sonority.contract.models;
