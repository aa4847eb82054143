package io.civicpulse.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL resource of this package with its placeholders filled in, split into statements. {@code ${name}} takes a
 * value; {@code ${epoch:expression}} becomes the dialect's seconds-since-1970 of that expression. Whole-line
 * {@code --} comments are dropped before splitting, so a statement ends with the line that ends in {@code ;}.
 */
final class SqlScript {

    private static final Pattern VALUE = Pattern.compile("\\$\\{(\\w+)}");
    private static final Pattern EPOCH = Pattern.compile("\\$\\{epoch:([^}]*)}");

    private SqlScript() {
    }

    static List<String> statements(String resource, SqlDialect dialect, Map<String, String> values) {
        Map<String, String> all = new HashMap<>(dialect.placeholders());
        all.putAll(values);
        StringBuilder sql = new StringBuilder();
        for (String line : read(resource).split("\n")) {
            if (!line.strip().startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        String filled = replace(VALUE, sql.toString(), name -> {
            String value = all.get(name);
            if (value == null) {
                throw new IllegalArgumentException(resource + " uses ${" + name + "}, which has no value");
            }
            return value;
        });
        filled = replace(EPOCH, filled, dialect::epochSeconds);
        List<String> statements = new ArrayList<>();
        for (String statement : filled.split(";\\s*\n")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip().replaceAll(";$", ""));
            }
        }
        return statements;
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<String, String> value) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.apply(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String read(String resource) {
        try (InputStream in = SqlScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
