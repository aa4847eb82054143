package io.civicpulse.dashboard.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Answers of queries over the published results, kept until the next publication. Published results change only
 * when a run publishes, in one transaction that also adds a {@code kpi_publication} row, so an answer keyed by the
 * newest publication's id is exact until that id changes; reading the id is one index lookup on a small table.
 * The load test found that the filter options and goal counts of every view, each a read of a whole period (tens of
 * thousands of rows a month at New York scale), kept the connection pool busy: every viewer asks the same ones.
 *
 * <p>Only what does not depend on the viewer may be cached here; callers apply the viewer's scope to the answer.
 * Answers must be immutable.
 */
@Component
public class PublishedAnswers {

    // Keys are small (a query name, a grain, a period, a few codes); answers are lists of codes or a few hundred rows.
    private static final int MAX_ANSWERS = 20_000;
    /** The publication id when nothing is published (or rows were written by hand): nothing is kept then. */
    public static final long NONE = 0;

    private final JdbcClient jdbc;
    private final Cache<List<Object>, Object> answers = Caffeine.newBuilder().maximumSize(MAX_ANSWERS).build();

    public PublishedAnswers(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * The answer to {@code query} as of the newest publication: computed once per publication and {@code key}.
     *
     * @param key what identifies the question: a name for the query and its arguments, each with value equality
     */
    @SuppressWarnings("unchecked")
    public <T> T get(List<?> key, Supplier<T> query) {
        long publication = newestPublication();
        if (publication == NONE) {
            // Nothing to key the answer by: rows without a publication are written only by hand (tests, repairs).
            return query.get();
        }
        List<Object> versioned = new ArrayList<>(key.size() + 1);
        versioned.add(publication);
        versioned.addAll(key);
        return (T) answers.get(List.copyOf(versioned), k -> query.get());
    }

    /** How many answers are kept, of every publication (old ones until they age out). */
    public long size() {
        answers.cleanUp();
        return answers.estimatedSize();
    }

    /** The id of the newest publication, which the answers kept now belong to; {@link #NONE} for none. */
    public long newestPublication() {
        return jdbc.sql("SELECT COALESCE(MAX(id), " + NONE + ") FROM kpi_publication").query(Long.class).single();
    }
}
