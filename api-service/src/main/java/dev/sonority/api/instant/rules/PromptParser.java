package dev.sonority.api.instant.rules;

import dev.sonority.api.instant.tools.LibraryVocabulary;
import dev.sonority.api.instant.tools.NamedSongs;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Reads a prompt with rules, in an order that lets the more specific reading win: "like SONG/ARTIST", then
 * library names of two words or more ("hard rock" before the mood word "hard"), tempo, years, moods, then
 * one-word library names. What no rule took, less {@link Stopwords}, is the text to search.
 */
@Component
public class PromptParser {

    private final LibraryVocabulary vocabulary;
    private final NamedSongs lookup;

    public PromptParser(LibraryVocabulary vocabulary, NamedSongs lookup) {
        this.vocabulary = vocabulary;
        this.lookup = lookup;
    }

    public ParsedPrompt parse(String prompt) {
        return parse(prompt, vocabulary.names(), lookup::song);
    }

    /** @param songs finds a song by title, "Title by Artist" or path */
    static ParsedPrompt parse(String prompt, LibraryVocabulary.Names library,
            Function<String, Optional<NamedSongs.Named>> songs) {
        PromptText text = new PromptText(prompt);
        Understanding into = new Understanding();
        NameRule names = new NameRule(library, songs);
        names.likes(text, into);
        names.names(text, into, 2);
        TempoRule.apply(text, into);
        YearRule.apply(text, into);
        MoodRule.apply(text, into);
        names.names(text, into, 1);
        String rest = text.freeWords().stream().filter(word -> !Stopwords.contains(word))
                .filter(word -> word.chars().anyMatch(Character::isLetterOrDigit))
                .collect(Collectors.joining(" "));
        return into.parsed(rest);
    }
}
