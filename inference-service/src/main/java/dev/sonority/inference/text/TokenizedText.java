package dev.sonority.inference.text;

/**
 * One text as token ids, special tokens included, unpadded.
 *
 * @param ids token ids
 */
public record TokenizedText(long[] ids) {
}
