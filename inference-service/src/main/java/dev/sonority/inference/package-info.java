/** The inference service: hosts the deep-learning models and answers the batch worker over HTTP (/v1/...). */
package dev.sonority.inference;
