package io.civicpulse.feeds;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import io.civicpulse.kpi.Feed;

/**
 * The typed form of each canonical feed, as it is kept in the ingested history and handed to the KPI
 * functions. Every timestamp is an instant; the {@code *_date} columns are its local date in the city's time
 * zone, computed once at ingest so that periods are cut the same way everywhere.
 */
public final class FeedColumns {

    /**
     * Where a row came from: the file's position among the run's files of the feed ({@link FeedFile#index()}) and
     * its line. Not the file's name: every row would repeat it, and written with every row a string costs a year's
     * ingest seconds; the few rows reported by name look it up ({@link FeedIngest#split}).
     */
    public static final String FILE_INDEX = "_file_index";
    public static final String LINE = "_line";
    public static final String REJECT_COLUMN = "_reject_column";
    public static final String REJECT_REASON = "_reject_reason";
    /**
     * Whether a valid row's id sorts after the id of the file's previous valid row (true for its first): when every
     * file's ids ascend and the files' id ranges do not overlap, no id repeats, which spares ingest a search for
     * repeated ids among millions ({@link FeedIngest#idsProvablyUnique}).
     */
    public static final String ID_ASCENDING = "_id_ascending";

    public static final StructType CONTACTS = new StructType(new StructField[] {
            field("contact_id", StringType, false),
            field("department", StringType, false),
            field("channel", StringType, false),
            field("started_at", TimestampType, false),
            field("started_date", DateType, false),
            field("wait_seconds", LongType, true),
            field("handle_seconds", LongType, true),
            field("abandoned", BooleanType, false),
            field("district", StringType, false),
            field("case_id", StringType, true) });

    public static final StructType CASES = new StructType(new StructField[] {
            field("case_id", StringType, false),
            field("department", StringType, false),
            field("service", StringType, false),
            field("channel", StringType, false),
            field("district", StringType, false),
            field("opened_at", TimestampType, false),
            field("opened_date", DateType, false),
            field("closed_at", TimestampType, true),
            field("closed_date", DateType, true),
            field("due_at", TimestampType, true),
            field("status", StringType, false),
            field("outcome", StringType, true),
            field("reopened_count", IntegerType, false),
            field("first_contact_resolution", BooleanType, true) });

    public static final StructType SURVEYS = new StructType(new StructField[] {
            field("response_id", StringType, false),
            field("department", StringType, false),
            field("channel", StringType, false),
            field("submitted_at", TimestampType, false),
            field("submitted_date", DateType, false),
            field("service", StringType, false),
            field("district", StringType, false),
            field("case_id", StringType, true),
            field("csat", IntegerType, true),
            field("nps", IntegerType, true),
            field("ces", IntegerType, true),
            field("comment", StringType, true),
            field("language", StringType, true) });

    private FeedColumns() {
    }

    public static StructType of(Feed feed) {
        return switch (feed) {
            case CONTACTS -> CONTACTS;
            case CASES -> CASES;
            case SURVEYS -> SURVEYS;
        };
    }

    /** The feed's columns, all nullable (a rejected row has none), followed by the provenance columns. */
    static StructType parsed(Feed feed) {
        List<StructField> fields = new ArrayList<>();
        for (StructField f : of(feed).fields()) {
            fields.add(field(f.name(), f.dataType(), true));
        }
        fields.add(field(FILE_INDEX, IntegerType, false));
        fields.add(field(LINE, LongType, false));
        fields.add(field(REJECT_COLUMN, StringType, true));
        fields.add(field(REJECT_REASON, StringType, true));
        fields.add(field(ID_ASCENDING, BooleanType, true));
        return new StructType(fields.toArray(StructField[]::new));
    }

    /** The columns a file must have (feeds.md, "required"). */
    static List<String> required(Feed feed) {
        return switch (feed) {
            case CONTACTS -> List.of("contact_id", "department", "channel", "started_at");
            case CASES -> List.of("case_id", "department", "service", "channel", "opened_at", "status");
            case SURVEYS -> List.of("response_id", "department", "channel", "submitted_at");
        };
    }

    private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }
}
