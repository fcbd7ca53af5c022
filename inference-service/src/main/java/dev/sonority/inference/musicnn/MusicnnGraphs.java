package dev.sonority.inference.musicnn;

import java.util.List;

/** The eight ONNX files of MusiCNN and their tensor names (../shared/models/README.md). */
final class MusicnnGraphs {

    static final String EMBEDDING_FILE = "musicnn/msd-musicnn-1.onnx";
    static final String EMBEDDING_OUTPUT = "model/dense/BiasAdd:0";
    static final int EMBEDDING_DIM = 200;

    static final String TAGS_FILE = "musicnn/msd-msd-musicnn-1.onnx";
    static final String TAGS_INPUT = "serving_default_model_Placeholder:0";
    static final String TAGS_OUTPUT = "PartitionedCall:0";
    static final int TAG_COUNT = 50;

    static final String MOOD_INPUT = "model/Placeholder:0";
    static final String MOOD_OUTPUT = "model/Softmax:0";

    /**
     * A two-class mood head: its file, and which softmax column is the mood (AudioMuse-AI: 0 for danceable,
     * aggressive and happy, whose heads were trained with the mood as first class; 1 for party, relaxed, sad).
     */
    record MoodHead(String label, String file, int positiveIndex) {
    }

    static final List<MoodHead> MOODS = List.of(
            new MoodHead("danceable", "musicnn/danceability-msd-musicnn-1.onnx", 0),
            new MoodHead("aggressive", "musicnn/mood_aggressive-msd-musicnn-1.onnx", 0),
            new MoodHead("happy", "musicnn/mood_happy-msd-musicnn-1.onnx", 0),
            new MoodHead("party", "musicnn/mood_party-msd-musicnn-1.onnx", 1),
            new MoodHead("relaxed", "musicnn/mood_relaxed-msd-musicnn-1.onnx", 1),
            new MoodHead("sad", "musicnn/mood_sad-msd-musicnn-1.onnx", 1));

    private MusicnnGraphs() {
    }
}
