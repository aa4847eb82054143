package io.civicpulse.feeds;

import java.util.regex.Pattern;

/**
 * Masks personal data in free-text survey comments before they are stored anywhere outside the input folder:
 * e-mail addresses, phone numbers and street addresses (feeds.md). Patterns err on the side of masking.
 */
public final class CommentMasker {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile(
            "(?<!\\d)(?:\\+?1[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-])\\d{3}[\\s.-]?\\d{4}(?!\\d)");
    private static final Pattern STREET_ADDRESS = Pattern.compile(
            "(?i)\\b\\d{1,6}\\s+(?:[\\p{L}'.-]+\\s+){0,4}?(?:st|street|ave|avenue|av|rd|road|blvd|boulevard|dr|drive"
                    + "|ln|lane|pl|place|ct|court|way|ter|terrace|pkwy|parkway|hwy|highway|sq|square)\\b\\.?"
                    + "|(?i)\\b(?:calle|avenida|av\\.|camino|paseo)\\s+[\\p{L}\\d' .-]{1,40}?\\s*(?:#\\s*)?\\d{1,6}\\b");

    public static final String EMAIL_MASK = "[email]";
    public static final String PHONE_MASK = "[phone]";
    public static final String ADDRESS_MASK = "[address]";

    private CommentMasker() {
    }

    public static String mask(String comment) {
        if (comment == null || comment.isEmpty()) {
            return comment;
        }
        String masked = EMAIL.matcher(comment).replaceAll(EMAIL_MASK);
        masked = PHONE.matcher(masked).replaceAll(PHONE_MASK);
        return STREET_ADDRESS.matcher(masked).replaceAll(ADDRESS_MASK);
    }
}
