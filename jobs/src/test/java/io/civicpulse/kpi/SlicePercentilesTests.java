package io.civicpulse.kpi;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.struct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SlicePercentilesTests {

    private static final StructType VALUES = KpiCalculations.withKey(new StructType())
            .add("value", DataTypes.DoubleType, true)
            .add("weight", DataTypes.LongType, false);

    private final SparkSession spark = io.civicpulse.support.SparkTestSession.get();

    @Test
    void interpolatesBetweenTheClosestRanksLikePercentileCont() {
        // given the values 1, 2, 3, 4 in one cell of one day
        LocalDate day = LocalDate.of(2026, 3, 2);
        Dataset<Row> values = values(List.of(
                value("DAY", day, "SAN", "Bulky", "PHONE", "CD01", 4.0, 1),
                value("DAY", day, "SAN", "Bulky", "PHONE", "CD01", 1.0, 1),
                value("DAY", day, "SAN", "Bulky", "PHONE", "CD01", 3.0, 1),
                value("DAY", day, "SAN", "Bulky", "PHONE", "CD01", 2.0, 1)));

        // when
        List<Row> rows = SlicePercentiles.of(values, List.of(Slice.CITY), col("value"), col("weight"), 0.5, 0.9)
                .collectAsList();

        // then the median is 2.5 and the 90th percentile 3.7 (position 2.7 between 3 and 4), as in PostgreSQL
        assertThat(rows).hasSize(1);
        List<Double> percentiles = rows.getFirst().getList(6);
        assertThat(percentiles.get(0)).isEqualTo(2.5);
        assertThat(percentiles.get(1)).isCloseTo(3.7, within(1e-12));
    }

    @Test
    void aWeightCountsAValueThatManyTimes() {
        // given 10 once and 20 three times, as one value with weight 3
        LocalDate day = LocalDate.of(2026, 3, 2);
        Dataset<Row> values = values(List.of(
                value("DAY", day, "SAN", "*", "PHONE", "CD01", 10.0, 1),
                value("DAY", day, "SAN", "*", "PHONE", "CD02", 20.0, 3)));

        // when
        List<Row> rows = SlicePercentiles.of(values, List.of(Slice.CITY, Slice.DISTRICT), col("value"),
                col("weight"), 0.5, 0.25).collectAsList();

        // then the city's values are 10, 20, 20, 20: the median is 20, the 25th percentile 10 + 0.75 × 10
        Row city = rows.stream().filter(r -> r.getString(5).equals("*")).findFirst().orElseThrow();
        assertThat(city.<Double>getList(6)).containsExactly(20.0, 17.5);
        // and each district has its own
        assertThat(rows).filteredOn(r -> r.getString(5).equals("CD01")).singleElement()
                .satisfies(r -> assertThat(r.<Double>getList(6)).containsExactly(10.0, 10.0));
    }

    @Test
    void agreesWithSparksPercentileInEverySliceOfRandomPeriods() {
        // given 3,000 random values with ties and weights over two grains, periods with a single value included
        Random random = new Random(7);
        List<Row> rows = new ArrayList<>();
        String[] departments = { "SAN", "DOT", "HPD" };
        String[] services = { "A", "B" };
        String[] channels = { "PHONE", "WEB", "WALK_IN" };
        String[] districts = { "CD01", "CD02", "CD03", "UNKNOWN" };
        for (int i = 0; i < 3_000; i++) {
            String grain = random.nextBoolean() ? "DAY" : "MONTH";
            LocalDate start = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(grain.equals("DAY") ? 40 : 1));
            double v = random.nextInt(4) == 0 ? random.nextInt(20) : random.nextDouble() * 500;
            rows.add(value(grain, start, departments[random.nextInt(3)], services[random.nextInt(2)],
                    channels[random.nextInt(3)], districts[random.nextInt(4)], v, 1 + random.nextInt(3)));
        }
        rows.add(value("QUARTER", LocalDate.of(2026, 1, 1), "SAN", "A", "PHONE", "CD01", 42.0, 1));
        rows.add(value("QUARTER", LocalDate.of(2026, 1, 1), "SAN", "A", "PHONE", "CD01", null, 1));
        Dataset<Row> values = values(rows);
        List<Slice> slices = List.of(Slice.values());

        // when
        Dataset<Row> ours = SlicePercentiles.of(values, slices, col("value"), col("weight"), 0.5, 0.9);

        // then every slice of every period has exactly Spark's percentile, bit for bit
        Dataset<Row> sparks = inSlices(values.filter(col("value").isNotNull()), slices)
                .groupBy("grain", "period_start", "department", "service", "channel", "district")
                .agg(percentile(col("value"), array(lit(0.5), lit(0.9)), col("weight")).as("percentiles"));
        assertThat(ours.count()).isEqualTo(sparks.count()).isGreaterThan(500);
        assertThat(ours.exceptAll(sparks).collectAsList()).isEmpty();
        assertThat(sparks.exceptAll(ours).collectAsList()).isEmpty();
    }

    private static Dataset<Row> inSlices(Dataset<Row> values, List<Slice> slices) {
        Column[] keys = slices.stream().map(slice -> struct(
                dimension(slice.hasDepartment(), "department"), dimension(slice.hasService(), "service"),
                dimension(slice.hasChannel(), "channel"), dimension(slice.hasDistrict(), "district")))
                .toArray(Column[]::new);
        return values.withColumn("_slice", explode(array(keys)))
                .select(col("grain"), col("period_start"), col("_slice.department").as("department"),
                        col("_slice.service").as("service"), col("_slice.channel").as("channel"),
                        col("_slice.district").as("district"), col("value"), col("weight"));
    }

    private static Column dimension(boolean kept, String name) {
        return (kept ? col(name) : lit(Slice.ALL)).as(name);
    }

    private Dataset<Row> values(List<Row> rows) {
        return spark.createDataFrame(rows, VALUES);
    }

    private static Row value(String grain, LocalDate start, String department, String service, String channel,
            String district, Double value, long weight) {
        return RowFactory.create(grain, start, department, service, channel, district, value, weight);
    }
}
