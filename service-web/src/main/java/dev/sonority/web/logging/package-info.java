/** Maps the LOG_FORMAT setting (text | json) onto Spring Boot's structured logging, for every service. */
package dev.sonority.web.logging;
