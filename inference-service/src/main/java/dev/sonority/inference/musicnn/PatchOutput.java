package dev.sonority.inference.musicnn;

/**
 * The heads' outputs for one mel patch.
 *
 * @param embedding the 200-d {@code model/dense/BiasAdd:0} output (before any ReLU)
 * @param tags the tag head's 50 scores (already through its own sigmoid)
 * @param moods the positive-class probability of each of the six mood heads, in {@link MusicnnGraphs#MOODS} order
 */
record PatchOutput(float[] embedding, float[] tags, float[] moods) {
}
