/** HTTP tests of the embed endpoints through the whole application with the real MusiCNN weights. */
package dev.sonority.inference.api;
