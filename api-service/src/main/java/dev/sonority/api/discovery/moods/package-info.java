/** MusiCNN moods as places in a model's vector space: their centroids, and how many songs are strong in each. */
package dev.sonority.api.discovery.moods;
