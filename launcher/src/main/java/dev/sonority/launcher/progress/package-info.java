/** Terminal progress of long tasks: bar rendering (pure), rate and ETA, redraw or plain lines. */
package dev.sonority.launcher.progress;
