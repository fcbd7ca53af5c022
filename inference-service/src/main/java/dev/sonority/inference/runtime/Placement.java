package dev.sonority.inference.runtime;

/** Which of a session's two forms runs a batch. */
public enum Placement {
    /** The configured execution provider (the CPU where that is what is configured or it fell back). */
    PREFERRED,
    /** The CPU, after the GPU ran out of memory even for a batch of one. */
    CPU
}
