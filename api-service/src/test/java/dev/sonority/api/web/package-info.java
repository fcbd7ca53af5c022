/** Tests of error classification and path normalisation. */
package dev.sonority.api.web;
