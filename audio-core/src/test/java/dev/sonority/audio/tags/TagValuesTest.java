package dev.sonority.audio.tags;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TagValuesTest {

    @Test
    void textIsTrimmedAndBlankIsNull() {
        assertThat(TagValues.text("  Title \u0000")).isEqualTo("Title");
        assertThat(TagValues.text(" \u0000 ")).isNull();
        assertThat(TagValues.text(null)).isNull();
    }

    @Test
    void yearIsTheFirstFourDigitNumber() {
        assertThat(TagValues.year("2009-04-23T16:07:55")).isEqualTo(2009);
        assertThat(TagValues.year("1999")).isEqualTo(1999);
        assertThat(TagValues.year("released 12/05/1987")).isEqualTo(1987);
        assertThat(TagValues.year("20091")).isNull(); // five digits is not a year
        assertThat(TagValues.year("unknown")).isNull();
    }

    @Test
    void trackNumberIsTheLeadingNumberAndZeroMeansNone() {
        assertThat(TagValues.trackNumber("3/12")).isEqualTo(3);
        assertThat(TagValues.trackNumber("07")).isEqualTo(7);
        assertThat(TagValues.trackNumber("0")).isNull();
        assertThat(TagValues.trackNumber("A1")).isNull();
    }

    @Test
    void numericId3GenresResolveToNames() {
        // ID3v1 genre list: 17 = Rock, 32 = Classical
        assertThat(TagValues.genre("(17)")).isEqualTo("Rock");
        assertThat(TagValues.genre("32")).isEqualTo("Classical");
        assertThat(TagValues.genre("Post-Rock")).isEqualTo("Post-Rock");
    }

    @Test
    void channelDescriptionsBecomeCounts() {
        assertThat(JaudiotaggerTags.channels("Mono")).isEqualTo(1);
        assertThat(JaudiotaggerTags.channels("Joint Stereo")).isEqualTo(2);
        assertThat(JaudiotaggerTags.channels("6")).isEqualTo(6);
        assertThat(JaudiotaggerTags.channels("")).isNull();
    }
}
