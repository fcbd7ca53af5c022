package dev.sonority.contract.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelNameTest {

    @Test
    void parsesTheLainbowNamesExactly() {
        assertThat(ModelName.fromApiName("muq_mulan")).contains(ModelName.MUQ_MULAN);
        assertThat(ModelName.fromApiName("acoustic_features")).contains(ModelName.ACOUSTIC_FEATURES);
        assertThat(ModelName.fromApiName("MUQ")).isEmpty();
        assertThat(ModelName.fromApiName("muq ")).isEmpty();
        assertThat(ModelName.fromApiName(null)).isEmpty();
    }

    @Test
    void listsEveryNameForErrorMessages() {
        assertThat(ModelName.apiNames()).containsExactly(
                "acoustic_features", "musicnn", "clap", "mert", "muq", "muq_mulan", "text_minilm");
        assertThat(ModelName.TEXT_MINILM.analysesAudio()).isFalse();
    }
}
