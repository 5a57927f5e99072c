package kz.aqparat.contracts;

/** A span of the article's text: {@code text.substring(start, end)} equals {@link #text()}. */
public record Mention(int start, int end, String text) {
}
