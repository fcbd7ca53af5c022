package dev.sonority.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Request parameters bound to {@code int}/{@code long} (boxed or not) go through {@link AsciiNumbers}. It has to
 * be a binder editor: a converter in the conversion service is not enough, since when it refuses {@code 0x10}
 * Spring falls back to its default number editor, which decodes hex and octal. Blank stays "absent".
 */
@ControllerAdvice
public class AsciiNumberBinding {

    @InitBinder
    void asciiIntegers(WebDataBinder binder) {
        binder.registerCustomEditor(Integer.class, new Editor(AsciiNumbers::parseInt));
        binder.registerCustomEditor(int.class, new Editor(AsciiNumbers::parseInt));
        binder.registerCustomEditor(Long.class, new Editor(AsciiNumbers::parseLong));
        binder.registerCustomEditor(long.class, new Editor(AsciiNumbers::parseLong));
    }

    private static final class Editor extends PropertyEditorSupport {
        private final Function<String, Object> parse;

        Editor(Function<String, Object> parse) {
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            // a NumberFormatException is an IllegalArgumentException: Spring reports a type mismatch
            setValue(text == null || text.isBlank() ? null : parse.apply(text));
        }
    }
}
