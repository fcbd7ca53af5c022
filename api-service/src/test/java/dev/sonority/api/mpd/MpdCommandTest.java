package dev.sonority.api.mpd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Quoting and ACK parsing as MPD's protocol documentation states them: arguments in double quotes with
 * {@code "} and {@code \} escaped by a backslash; {@code ACK [error@command_listNum] {current_command} message}.
 * The real MPD reads such lines back in {@link MpdStoredPlaylistsTest} (names with quotes and backslashes).
 */
class MpdCommandTest {

    @Test
    void argumentsAreQuotedWithQuotesAndBackslashesEscaped() {
        assertThat(MpdCommand.of("status").line()).isEqualTo("status\n");
        assertThat(MpdCommand.of("playlistadd", "Mix", "A B/It's \"x\" \\ y.flac").line())
                .isEqualTo("playlistadd \"Mix\" \"A B/It's \\\"x\\\" \\\\ y.flac\"\n");
        assertThat(MpdCommand.of("rename", "", "Ünï #1 100%").line()).isEqualTo("rename \"\" \"Ünï #1 100%\"\n");
    }

    @Test
    void lineBreaksCannotBeSentAndCommandNamesAreWords() {
        assertThatThrownBy(() -> MpdCommand.of("playlistadd", "Mix", "a\nclear")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MpdCommand.of("playlistadd", "a\rb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MpdCommand.of("clear\nkill")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ackLinesAreParsedIntoCodeIndexCommandAndMessage() {
        MpdAckException ack = MpdAckException.parse("ACK [50@3] {playlistadd} No such song");
        assertThat(ack.code()).isEqualTo(MpdAckException.NO_EXIST);
        assertThat(ack.index()).isEqualTo(3);
        assertThat(ack.command()).isEqualTo("playlistadd");
        assertThat(ack.reason()).isEqualTo("No such song");
        assertThat(ack.isAuthentication()).isFalse();
        assertThat(MpdAckException.parse("ACK [3@0] {password} incorrect password").isAuthentication()).isTrue();
        assertThat(MpdAckException.parse("ACK [4@0] {playlistadd} you don't have permission for \"playlistadd\"")
                .isAuthentication()).isTrue();
        assertThat(MpdAckException.parse("ACK [5@0] {} unknown command \"x\"").getMessage())
                .isEqualTo("MPD refused the command: unknown command \"x\" (error 5)");
        MpdAckException odd = MpdAckException.parse("ACK [99999999999@0] {x} too big a code");
        assertThat(odd.code()).isZero();
        assertThat(odd.reason()).isEqualTo("ACK [99999999999@0] {x} too big a code");
    }
}
