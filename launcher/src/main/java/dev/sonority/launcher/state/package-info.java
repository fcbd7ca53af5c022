/** The state directory ({@code .sonority/}) and the run file that tells {@code status} and {@code stop} where to look. */
package dev.sonority.launcher.state;
