package dev.sonority.api.instant.rules;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MusiCNN's six moods (danceable, aggressive, happy, party, relaxed, sad) and their common synonyms. A mood
 * word after "not", "no" or "without" is taken but not applied: "not sad" asks for no mood at all rather than
 * its opposite, which MusiCNN's independent heads cannot express.
 */
final class MoodRule {

    private record Mood(String name, Pattern words) {
    }

    private static final List<Mood> MOODS = List.of(
            mood("danceable", "danceable|dance|dancing|dancey|groovy|groove|club"),
            mood("aggressive", "aggressive|angry|aggression|furious|rage|intense|brutal|hard-hitting|heavy"),
            mood("happy", "happy|cheerful|joyful|joyous|upbeat|uplifting|sunny|feel-good|feel good|bright|positive"),
            mood("party", "party|partying|festive|celebration|celebrate"),
            mood("relaxed", "relaxed|relaxing|relax|chill|chilled|chillout|chill-out|calm|calming|mellow|laid-back"
                    + "|laid back|peaceful|soothing|gentle|quiet|easy-going|serene|tranquil"),
            mood("sad", "sad|sadness|melancholic|melancholy|gloomy|depressing|depressed|heartbreak|heartbroken"
                    + "|somber|sombre|tearful|mournful|sorrowful"));
    private static final Pattern NEGATION = Pattern.compile("(?:not|no|without|never) (?:too |very |so )?$");

    private MoodRule() {
    }

    static void apply(PromptText text, Understanding into) {
        for (Mood mood : MOODS) {
            Matcher matcher = mood.words().matcher(text.remaining());
            while (matcher.find()) {
                String before = text.remaining().substring(Math.max(0, matcher.start() - 16), matcher.start());
                Matcher negation = NEGATION.matcher(before);
                if (negation.find()) {
                    text.take(matcher.start() - (before.length() - negation.start()), matcher.end());
                    into.understood.add("not " + mood.name() + " (ignored: moods cannot be excluded)");
                    continue;
                }
                if (into.moods.add(mood.name())) {
                    into.understood.add("mood " + mood.name() + " (\"" + matcher.group() + "\")");
                }
                text.take(matcher);
            }
        }
    }

    private static Mood mood(String name, String words) {
        return new Mood(name, Pattern.compile("(?<![\\p{L}\\p{N}-])(?:" + words + ")(?![\\p{L}\\p{N}-])"));
    }
}
