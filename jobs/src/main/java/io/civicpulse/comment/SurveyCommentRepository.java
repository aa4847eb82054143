package io.civicpulse.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.civicpulse.feeds.CommentMasker;
import io.civicpulse.jdbc.CodeOrder;

/**
 * The published survey comments ({@code survey_comment}): a nightly run replaces those of its window, the dashboard
 * reads the newest ones of a slice and period.
 */
@Repository
public class SurveyCommentRepository {

    private static final String COLUMNS = """
            response_id, submitted_at, submitted_date, department, service, channel, district, csat, nps, ces,
            language, comment_text""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final CodeOrder order;

    public SurveyCommentRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.batches = new JdbcTemplate(dataSource);
        this.order = CodeOrder.of(dataSource);
    }

    /**
     * Replaces the comments submitted on a local date in [from, to] with {@code comments}, in the caller's
     * transaction: the nightly run calls it in the one that publishes its KPI results, so comments and results
     * switch together, a failed run leaves both untouched and running the same window again gives the same rows.
     * <p>
     * Comments are masked again here although ingest already masked them: the table promises that nothing in it is
     * unmasked (feeds.md), and it keeps that promise itself rather than trusting every caller. Masking a masked text
     * changes nothing. Blank comments are skipped.
     *
     * @param comments the comments of the window, each response at most once
     * @return the number of comments written
     * @throws IllegalArgumentException if a comment was submitted outside the window
     */
    public long publish(long publicationId, LocalDate from, LocalDate to, Iterator<SurveyComment> comments) {
        jdbc.sql("DELETE FROM survey_comment WHERE submitted_date BETWEEN ? AND ?").params(from, to).update();
        long written = 0;
        List<SurveyComment> batch = new ArrayList<>(BATCH_SIZE);
        while (comments.hasNext()) {
            SurveyComment comment = comments.next();
            if (comment.submittedDate().isBefore(from) || comment.submittedDate().isAfter(to)) {
                throw new IllegalArgumentException("comment of response " + comment.responseId() + " was submitted on "
                        + comment.submittedDate() + ", outside the window " + from + " to " + to);
            }
            if (comment.comment() == null || comment.comment().isBlank()) {
                continue;
            }
            batch.add(comment);
            if (batch.size() == BATCH_SIZE) {
                written += insert(publicationId, batch);
            }
        }
        return written + insert(publicationId, batch);
    }

    private long insert(long publicationId, List<SurveyComment> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        // A response whose latest version moved to a date outside the window still has its earlier version here;
        // the latest version replaces it, so every response has one comment, as in the ingested history.
        batches.batchUpdate("DELETE FROM survey_comment WHERE response_id = ?",
                batch.stream().map(c -> new Object[] { c.responseId() }).toList(), new int[] { Types.VARCHAR });
        List<Object[]> rows = batch.stream().map(c -> new Object[] { c.responseId(),
                OffsetDateTime.ofInstant(c.submittedAt(), ZoneOffset.UTC), c.submittedDate(), c.department(),
                c.service(), c.channel(), c.district(), c.csat(), c.nps(), c.ces(), c.language(),
                CommentMasker.mask(c.comment().strip()), publicationId }).toList();
        batches.batchUpdate("INSERT INTO survey_comment (" + COLUMNS + ", publication_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, INSERT_TYPES);
        long size = batch.size();
        batch.clear();
        return size;
    }

    private static final int BATCH_SIZE = 5_000;
    private static final int[] INSERT_TYPES = { Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.DATE,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.INTEGER,
            Types.VARCHAR, Types.VARCHAR, Types.BIGINT };

    /** The newest {@code limit} comments the filter selects, newest first. */
    public List<SurveyComment> latest(CommentFilter filter, int limit) {
        Where where = where(filter);
        return jdbc.sql("SELECT " + COLUMNS + " FROM survey_comment" + where.sql()
                        + " ORDER BY submitted_at DESC, " + order.by("response_id") + " DESC"
                        + " FETCH FIRST " + Math.max(0, limit) + " ROWS ONLY")
                .params(where.params())
                .query(ROW)
                .list();
    }

    /** How many comments the filter selects. */
    public long count(CommentFilter filter) {
        Where where = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM survey_comment" + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    /** The languages comments were written in, in code order: the options of the dashboard's language filter. */
    public List<String> languages() {
        return jdbc.sql("SELECT language FROM survey_comment WHERE language IS NOT NULL GROUP BY language ORDER BY "
                        + order.by("language"))
                .query(String.class)
                .list();
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(CommentFilter filter) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        condition(sql, params, "department = ?", filter.department());
        condition(sql, params, "service = ?", filter.service());
        condition(sql, params, "channel = ?", filter.channel());
        condition(sql, params, "district = ?", filter.district());
        condition(sql, params, "submitted_date >= ?", filter.from());
        condition(sql, params, "submitted_date <= ?", filter.to());
        condition(sql, params, "csat >= ?", filter.minCsat());
        condition(sql, params, "csat <= ?", filter.maxCsat());
        condition(sql, params, "language = ?", filter.language());
        if (filter.departments() != null) {
            if (filter.departments().isEmpty()) {
                sql.append(" AND 1 = 0");
            } else {
                sql.append(" AND department IN (").append("?,".repeat(filter.departments().size() - 1)).append("?)");
                params.addAll(new java.util.TreeSet<>(filter.departments()));
            }
        }
        return new Where(sql.toString(), params);
    }

    private static void condition(StringBuilder sql, List<Object> params, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.add(value);
        }
    }

    private static final RowMapper<SurveyComment> ROW = SurveyCommentRepository::mapRow;

    private static SurveyComment mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new SurveyComment(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getObject(8, Integer.class), rs.getObject(9, Integer.class), rs.getObject(10, Integer.class),
                rs.getString(11), rs.getString(12));
    }
}
