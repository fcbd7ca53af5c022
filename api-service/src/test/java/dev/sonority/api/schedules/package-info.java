/** Tests of the schedules endpoints and of firing each due time once. */
package dev.sonority.api.schedules;
