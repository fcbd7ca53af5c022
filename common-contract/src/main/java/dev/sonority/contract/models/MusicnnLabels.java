package dev.sonority.contract.models;

import java.util.List;

/**
 * The names of MusiCNN's outputs, in output order: the 50 MSD tags of {@code msd-msd-musicnn-1} and the six
 * mood heads as AudioMuse-AI orders them. Stored tag and mood vectors (embedding kinds {@code tags} and
 * {@code moods} of model {@code musicnn}) hold one score per label, in this order.
 */
public final class MusicnnLabels {

    public static final List<String> TAGS = List.of("rock", "pop", "alternative", "indie", "electronic",
            "female vocalists", "dance", "00s", "alternative rock", "jazz", "beautiful", "metal", "chillout",
            "male vocalists", "classic rock", "soul", "indie rock", "Mellow", "electronica", "80s", "folk", "90s",
            "chill", "instrumental", "punk", "oldies", "blues", "hard rock", "ambient", "acoustic", "experimental",
            "female vocalist", "guitar", "Hip-Hop", "70s", "party", "country", "easy listening", "sexy", "catchy",
            "funk", "electro", "heavy metal", "Progressive rock", "60s", "rnb", "indie pop", "sad", "House",
            "happy");

    public static final List<String> MOODS = List.of("danceable", "aggressive", "happy", "party", "relaxed", "sad");

    private MusicnnLabels() {
    }
}
