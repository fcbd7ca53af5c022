/** The MAP task: projects one model's vectors to 2-D (clustering-core's MapProjection) and stores the map. */
package dev.sonority.worker.map;
