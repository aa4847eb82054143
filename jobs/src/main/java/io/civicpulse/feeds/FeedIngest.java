package io.civicpulse.feeds;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.bool_and;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.row_number;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVParser;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import io.civicpulse.kpi.Feed;

/**
 * Reads one feed's files from an input folder into typed rows, with every input row accounted for: loaded,
 * rejected (with file, line, column and reason), or replaced by a later row with the same id.
 */
public final class FeedIngest {

    /** Columns of the reject report, for every feed alike. */
    public static final List<String> REJECT_COLUMNS = List.of("feed", "file", "line", "column", "reason");

    /** The reason feeds.md gives a row replaced by a later row with the same id. */
    public static final String DUPLICATE = "duplicate";

    private FeedIngest() {
    }

    /** The feed's files in the folder, in name order, which is the order later rows replace earlier ones in. */
    public static List<FeedFile> files(Path folder, Feed feed) {
        if (!Files.isDirectory(folder)) {
            throw new IngestException(folder + ": input folder does not exist or is not a folder");
        }
        try (Stream<Path> listing = Files.list(folder)) {
            List<Path> paths = listing.filter(p -> Files.isRegularFile(p) && feed.owns(p.getFileName().toString()))
                    .sorted()
                    .toList();
            List<FeedFile> files = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                files.add(FeedFile.of(paths.get(i), i));
            }
            return files;
        } catch (IOException e) {
            throw new IngestException(folder + ": cannot list the input folder: " + e.getMessage(), e);
        }
    }

    /**
     * Checks every file's header on the driver before any work starts: a missing required column rejects the
     * whole file, and with it the run (feeds.md).
     */
    public static void checkHeaders(Feed feed, List<FeedFile> files) {
        for (FeedFile file : files) {
            try (Reader reader = new InputStreamReader(file.open(), StandardCharsets.UTF_8);
                    CSVParser parser = CsvFeedParser.FORMAT.parse(reader)) {
                Map<String, Integer> header = CsvFeedParser.headerIndex(parser);
                for (String column : FeedColumns.required(feed)) {
                    if (!header.containsKey(column)) {
                        throw new IngestException(file.name() + " line 1: missing required column '" + column + "'");
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                throw new IngestException(file.name() + ": cannot be read: " + e.getMessage(), e);
            }
        }
    }

    /** The columns of {@link #parse}'s rows: the feed's, all nullable, then provenance and rejection. */
    public static StructType parsedColumns(Feed feed) {
        return FeedColumns.parsed(feed);
    }

    /** Parses the files in parallel, one Spark task per file. Rows carry the provenance and reject columns. */
    public static Dataset<Row> parse(SparkSession spark, Feed feed, List<FeedFile> files, ZoneId zone) {
        if (files.isEmpty()) {
            return spark.createDataFrame(List.of(), FeedColumns.parsed(feed));
        }
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(files, files.size())
                .flatMap(new CsvFeedParser(feed, zone));
        return spark.createDataFrame(rows, FeedColumns.parsed(feed));
    }

    /**
     * Splits parsed rows into the rows to load and the reject report. Of valid rows with the same id the last
     * one (by file order, then line) wins; the ones it replaces are reported as {@code duplicate}. A rejected
     * row replaces nothing.
     */
    public static Split split(Feed feed, Dataset<Row> parsed, List<FeedFile> files) {
        return split(feed, parsed, duplicatedIds(feed, parsed), files);
    }

    /**
     * The ids that more than one valid row carries, in the feed's id column. Only ids travel to find them, so a
     * caller that materialises this first (it is empty or small for every real feed) spares {@link #split} from
     * ranking every row: ranking means moving and sorting whole rows by id, the costliest part of reading a year.
     */
    public static Dataset<Row> duplicatedIds(Feed feed, Dataset<Row> parsed) {
        return valid(parsed).groupBy(col(feed.idColumn())).count().filter(col("count").gt(1))
                .select(col(feed.idColumn()));
    }

    /**
     * Whether no id can repeat among the valid rows, proven from the order of the ids alone: every file's valid ids
     * ascend ({@link FeedColumns#ID_ASCENDING}, the parser's comparison), and the files' ranges from first to last id
     * do not overlap. Exports are usually written in id or time order, with ids that grow with time, so a normal
     * feed passes this test with one read of four columns and no shuffle; when it fails, {@link #duplicatedIds} looks
     * for the repeated ids the exact way. The comparisons are Java's {@link String#compareTo}, here as in the parser.
     */
    public static boolean idsProvablyUnique(Feed feed, Dataset<Row> parsed) {
        List<Row> files = valid(parsed).groupBy(col(FeedColumns.FILE_INDEX))
                .agg(min_by(col(feed.idColumn()), col(FeedColumns.LINE)).as("first"),
                        max_by(col(feed.idColumn()), col(FeedColumns.LINE)).as("last"),
                        bool_and(col(FeedColumns.ID_ASCENDING)).as("ascending"))
                .collectAsList();
        if (files.stream().anyMatch(file -> !file.<Boolean>getAs("ascending"))) {
            return false;
        }
        List<Row> byFirst = files.stream().sorted(Comparator.comparing(file -> file.<String>getAs("first"))).toList();
        for (int i = 1; i < byFirst.size(); i++) {
            if (byFirst.get(i).<String>getAs("first").compareTo(byFirst.get(i - 1).getAs("last")) <= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #split(Feed, Dataset, List)} with the feed's {@link #duplicatedIds} given: only the rows carrying one of
     * them are ranked. With an empty local dataset of ids Spark's optimiser drops the ranking altogether.
     *
     * @param files the files {@code parsed} was read from, which name the reported rows by their index
     */
    public static Split split(Feed feed, Dataset<Row> parsed, Dataset<Row> duplicatedIds, List<FeedFile> files) {
        Column rejected = col(FeedColumns.REJECT_REASON).isNotNull();
        Dataset<Row> valid = valid(parsed);
        Dataset<Row> ranked = valid.join(duplicatedIds, feed.idColumn(), "left_semi")
                .withColumn("_rank", row_number().over(Window.partitionBy(feed.idColumn())
                        .orderBy(col(FeedColumns.FILE_INDEX).desc(), col(FeedColumns.LINE).desc())));
        Dataset<Row> loaded = valid.join(duplicatedIds, feed.idColumn(), "left_anti").select(feedColumns(feed))
                .unionByName(ranked.filter(col("_rank").equalTo(1)).select(feedColumns(feed)));
        Column fileName = fileName(files);
        Dataset<Row> invalid = parsed.filter(rejected).select(
                lit(feed.prefix()).as("feed"), fileName.as("file"), col(FeedColumns.LINE).as("line"),
                col(FeedColumns.REJECT_COLUMN).as("column"), col(FeedColumns.REJECT_REASON).as("reason"));
        Dataset<Row> duplicates = ranked.filter(col("_rank").gt(1)).select(
                lit(feed.prefix()).as("feed"), fileName.as("file"), col(FeedColumns.LINE).as("line"),
                lit(feed.idColumn()).as("column"), lit(DUPLICATE).as("reason"));
        return new Split(loaded, invalid, duplicates);
    }

    /** The name of the file a parsed row came from, by its index: the files are the run's few, held as literals. */
    private static Column fileName(List<FeedFile> files) {
        if (files.isEmpty()) {
            return lit(null).cast(DataTypes.StringType);
        }
        Column[] names = files.stream().sorted(Comparator.comparingInt(FeedFile::index))
                .map(file -> lit(file.name())).toArray(Column[]::new);
        return element_at(array(names), col(FeedColumns.FILE_INDEX).plus(1));
    }

    private static Dataset<Row> valid(Dataset<Row> parsed) {
        return parsed.filter(col(FeedColumns.REJECT_REASON).isNull());
    }

    private static Column[] feedColumns(Feed feed) {
        return Stream.of(FeedColumns.of(feed).fieldNames()).map(name -> col(name)).toArray(Column[]::new);
    }

    /**
     * @param loaded     the rows to add to the history, in {@link FeedColumns#of(Feed)}'s columns
     * @param rejected   rows breaking a rule, in {@link #REJECT_COLUMNS}
     * @param duplicates rows replaced by a later row with the same id, in {@link #REJECT_COLUMNS}; they do not
     *                   count toward the maximum reject rate
     */
    public record Split(Dataset<Row> loaded, Dataset<Row> rejected, Dataset<Row> duplicates) {
    }
}
