package dev.sonority.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query string decoded strictly: percent escapes must be two hex digits and the bytes valid UTF-8, or the whole
 * query is refused ({@link Malformed}). Tomcat 11 throws on such a query only when a parameter is first read, deep
 * inside a controller or an actuator endpoint, where it became a 500. {@code +} is a space, as in forms.
 */
public final class QueryString {

    private final Map<String, String[]> parameters;

    private QueryString(Map<String, String[]> parameters) {
        this.parameters = parameters;
    }

    /** Parses {@code raw} (the part after {@code ?}, undecoded; null or empty for none). */
    public static QueryString parse(String raw) throws Malformed {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            int position = 0;
            for (String pair : raw.split("&", -1)) {
                position++;
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals), position);
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1), position);
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        values.forEach((name, list) -> parameters.put(name, list.toArray(String[]::new)));
        return new QueryString(Collections.unmodifiableMap(parameters));
    }

    /** Every parameter, in the order of first appearance; arrays are shared, do not modify them. */
    public Map<String, String[]> parameters() {
        return parameters;
    }

    /** The first parameter whose name or a value holds U+0000 (PostgreSQL refuses it in text), else null. */
    public String parameterWithNul() {
        for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
            if (entry.getKey().indexOf('\0') >= 0) {
                return entry.getKey().replace("\0", "\\0");
            }
            for (String value : entry.getValue()) {
                if (value.indexOf('\0') >= 0) {
                    return entry.getKey();
                }
            }
        }
        return null;
    }

    private static String decode(String text, int position) throws Malformed {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 1 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0 || !isAsciiHex(text.charAt(i + 1)) || !isAsciiHex(text.charAt(i + 2))) {
                    throw new Malformed("parameter " + position + " of the query string has a '%' that is not"
                            + " followed by two hex digits");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    utf8 = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(utf8);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("parameter " + position + " of the query string is not valid UTF-8 once"
                    + " percent-decoded");
        }
    }

    private static boolean isAsciiHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** A query string that is not percent-encoded UTF-8; the message says where, never echoes the bytes. */
    public static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }
}
