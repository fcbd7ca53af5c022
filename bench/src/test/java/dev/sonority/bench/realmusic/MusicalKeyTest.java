package dev.sonority.bench.realmusic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.bench.realmusic.MusicalKey.Relation;
import org.junit.jupiter.api.Test;

/** Key spelling and the MIREX error classes, checked against music theory (circle of fifths, relative keys). */
class MusicalKeyTest {

    private static MusicalKey key(String name, String scale) {
        return MusicalKey.parse(name, scale);
    }

    @Test
    void sharpsAndFlatsOfTheSamePitchClassAreTheSameKey() {
        assertThat(key("Bb", "minor")).isEqualTo(key("A#", "minor"));
        assertThat(key("Eb", "major")).isEqualTo(new MusicalKey(3, false));
        assertThat(MusicalKey.parse(null, "major")).isNull();
        assertThatThrownBy(() -> key("H", "major")).hasMessageContaining("H");
        assertThatThrownBy(() -> key("C", "dorian")).hasMessageContaining("dorian");
    }

    @Test
    void relationsFollowTheCircleOfFifthsAndRelativeKeys() {
        MusicalKey cMajor = key("C", "major");
        assertThat(MusicalKey.relation(key("C", "major"), cMajor)).isEqualTo(Relation.EXACT);
        assertThat(MusicalKey.relation(key("G", "major"), cMajor)).isEqualTo(Relation.FIFTH);
        assertThat(MusicalKey.relation(key("F", "major"), cMajor)).isEqualTo(Relation.FIFTH);
        assertThat(MusicalKey.relation(key("A", "minor"), cMajor)).isEqualTo(Relation.RELATIVE);
        assertThat(MusicalKey.relation(key("C", "minor"), cMajor)).isEqualTo(Relation.PARALLEL);
        assertThat(MusicalKey.relation(key("D", "major"), cMajor)).isEqualTo(Relation.OTHER);
        assertThat(MusicalKey.relation(key("E", "minor"), cMajor)).isEqualTo(Relation.OTHER);
        assertThat(MusicalKey.relation(null, cMajor)).isEqualTo(Relation.NONE);
        MusicalKey aMinor = key("A", "minor");
        assertThat(MusicalKey.relation(key("C", "major"), aMinor)).isEqualTo(Relation.RELATIVE);
        assertThat(MusicalKey.relation(key("E", "minor"), aMinor)).isEqualTo(Relation.FIFTH);
        assertThat(MusicalKey.relation(key("A", "major"), aMinor)).isEqualTo(Relation.PARALLEL);
        assertThat(MusicalKey.relation(key("F#", "major"), aMinor)).isEqualTo(Relation.OTHER);
    }
}
