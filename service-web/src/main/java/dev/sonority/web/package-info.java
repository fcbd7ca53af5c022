/**
 * The front door every Sonority HTTP service shares: loopback binding by default, Host and Origin checks, strict
 * query strings, body caps, and a JSON 4xx for every malformed request, Tomcat's own rejects included.
 */
package dev.sonority.web;
