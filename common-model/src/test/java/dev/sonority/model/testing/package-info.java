/** Test support shared by every module's integration tests (published as common-model's test-jar). */
package dev.sonority.model.testing;
