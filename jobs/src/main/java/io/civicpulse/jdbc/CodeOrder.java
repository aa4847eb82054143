package io.civicpulse.jdbc;

import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;

/**
 * Sorts text by character code on every database the product runs on, as H2 and Java do and as the export contract
 * asks. PostgreSQL sorts text by the database's collation instead, and a server initialised in the operating
 * system's locale (en_US.UTF-8 on most) sorts linguistically: case and punctuation count less than letters, so
 * {@code cd_02} comes before {@code CD03} and department {@code dep} before {@code DOT}. A list a person reads
 * (filter options, tables), the comments' tie-break and the export would then come out in another order than on H2
 * and in the Java code that builds the same lists from maps. Every ORDER BY on a text column goes through
 * {@link #by}.
 * <p>
 * PostgreSQL allows an ORDER BY with its own collation after {@code SELECT DISTINCT} only on an expression of the
 * select list, so the distinct values of a column are selected with GROUP BY instead.
 */
public final class CodeOrder {

    private final String collation;

    private CodeOrder(String collation) {
        this.collation = collation;
    }

    /** Reads which database {@code dataSource} is once, when a repository is built. */
    public static CodeOrder of(DataSource dataSource) {
        return new CodeOrder(isPostgres(dataSource) ? " COLLATE \"C\"" : "");
    }

    /** {@code column} as an ORDER BY term sorting by character code; the name must never come from input. */
    public String by(String column) {
        return column + collation;
    }

    static boolean isPostgres(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource,
                    metaData -> metaData.getDatabaseProductName());
            return product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the database's metadata: " + e.getMessage(), e);
        }
    }
}
