package dev.sonority.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Expected values are what RFC 3986 percent-decoding of UTF-8 (and form encoding's '+') gives by hand. */
class QueryStringTest {

    @Test
    void decodesPercentEscapesPlusAndRepeats() throws Exception {
        QueryString q = QueryString.parse("song=Bj%C3%B6rk%2FHomogenic&x=a+b&x=c&flag&=empty");
        assertThat(q.parameters().get("song")).containsExactly("Björk/Homogenic");
        assertThat(q.parameters().get("x")).containsExactly("a b", "c");
        assertThat(q.parameters().get("flag")).containsExactly("");
        assertThat(q.parameterWithNul()).isNull();
    }

    @Test
    void refusesBadEscapesAndInvalidUtf8() {
        assertThatThrownBy(() -> QueryString.parse("a=1&x=%zz")).hasMessageContaining("parameter 2");
        assertThatThrownBy(() -> QueryString.parse("x=%f")).isInstanceOf(QueryString.Malformed.class);
        assertThatThrownBy(() -> QueryString.parse("x=%ff%fe")).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> QueryString.parse("x=%C3%28")).hasMessageContaining("UTF-8");
    }

    @Test
    void findsTheParameterHoldingNul() throws Exception {
        assertThat(QueryString.parse("a=1&genre=x%00").parameterWithNul()).isEqualTo("genre");
    }

    @Test
    void asciiNumbersRefuseHexOctalPrefixesAndUnicodeDigits() {
        assertThat(AsciiNumbers.parseInt(" 42 ")).isEqualTo(42);
        assertThat(AsciiNumbers.parseLong("-7")).isEqualTo(-7);
        assertThatThrownBy(() -> AsciiNumbers.parseInt("0x10")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> AsciiNumbers.parseInt("５")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> AsciiNumbers.parseInt("+")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void originsAreNormalisedForComparison() {
        assertThat(CrossOriginWriteFilter.normalise("HTTP://Example.org:80/x")).isEqualTo("http://example.org");
        assertThat(CrossOriginWriteFilter.normalise("https://ui.example:8443")).isEqualTo("https://ui.example:8443");
        assertThat(CrossOriginWriteFilter.normalise("null")).isNull();
        assertThat(LoopbackHostFilter.hostName("[::1]:8000")).isEqualTo("[::1]");
        assertThat(LoopbackHostFilter.hostName("music.lan:8000")).isEqualTo("music.lan");
    }
}
