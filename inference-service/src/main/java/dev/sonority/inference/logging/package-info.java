/** Maps the LOG_FORMAT setting (text | json) onto Spring Boot's structured logging. */
package dev.sonority.inference.logging;
