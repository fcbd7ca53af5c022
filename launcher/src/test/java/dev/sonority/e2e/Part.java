package dev.sonority.e2e;

/** The parts of an installation the fault matrix kills, in the order it kills them. */
enum Part {
    WORKER("batch-worker"),
    API("api-service"),
    INFERENCE("inference-service"),
    BROKER("broker (Qpid, own JVM)"),
    POSTGRES("PostgreSQL (postmaster)");

    private final String label;

    Part(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
