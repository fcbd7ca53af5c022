/** The api-service application: its main class; every feature lives in a sub-package. */
package dev.sonority.api;
