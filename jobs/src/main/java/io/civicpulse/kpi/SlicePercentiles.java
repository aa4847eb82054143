package io.civicpulse.kpi;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Exact percentiles of a value in every slice of every period, with Spark's {@code percentile} semantics: position
 * {@code (n − 1) × p} over the values in ascending order, linear interpolation between the closest ranks, each value
 * counted as often as its weight.
 *
 * <p>Why not Spark's {@code percentile} over rows spread over the slices: that aggregate keeps a map of values per
 * group, so every value is held once per slice (7 times), and beyond 128 groups a task falls back to sorting every
 * spread row. Here the rows of one (grain, period) travel to one task once, are ordered once, and are walked once in
 * value order; every slice a row belongs to advances its running count, and a slice's percentile is read off when its
 * count reaches the rank it needs. So a value costs one sort position and seven additions instead of seven map
 * entries.
 */
final class SlicePercentiles implements MapPartitionsFunction<Row, Row> {

    private static final List<String> DIMENSIONS = List.of("department", "service", "channel", "district");

    private final List<Slice> slices;
    private final double[] percentages;

    private SlicePercentiles(List<Slice> slices, double[] percentages) {
        this.slices = List.copyOf(slices);
        this.percentages = percentages.clone();
    }

    /**
     * The percentiles of {@code value} per (grain, period, slice).
     *
     * @param periods rows with {@code grain}, {@code period_start}, the four dimension columns of their cell, the
     *                value and its weight (how many records have it); a null value counts nowhere
     * @param slices  the slices to compute
     * @param value   the value column
     * @param weight  the weight column, a positive whole number
     * @param percentages the percentiles wanted, each from 0 to 1
     * @return one row per (grain, period, slice) with at least one value: {@code grain}, {@code period_start}, the
     *         slice's dimensions ({@code *} where it totals) and {@code percentiles}, an array in the order of
     *         {@code percentages}
     */
    static Dataset<Row> of(Dataset<Row> periods, List<Slice> slices, Column value, Column weight,
            double... percentages) {
        return periods.filter(value.isNotNull())
                .select(col("grain"), col("period_start"), col("department"), col("service"), col("channel"),
                        col("district"), value.cast(DataTypes.DoubleType).as("_value"),
                        weight.cast(DataTypes.LongType).as("_weight"))
                // One task sees every row of a (grain, period): a percentile needs all of them at once.
                .repartition(col("grain"), col("period_start"))
                .mapPartitions(new SlicePercentiles(slices, percentages), Encoders.row(OUTPUT));
    }

    static final StructType OUTPUT = KpiCalculations.withKey(new StructType())
            .add("percentiles", DataTypes.createArrayType(DataTypes.DoubleType, false), false);

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        // A task's rows arrive in no order; each (grain, period) is gathered in compact arrays first.
        Map<Period, Values> periods = new LinkedHashMap<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            Period period = new Period(row.getString(0), row.getAs(1));
            periods.computeIfAbsent(period, p -> new Values())
                    .add(new Cell(row.getString(2), row.getString(3), row.getString(4), row.getString(5)),
                            row.getDouble(6), row.getLong(7));
        }
        List<Row> out = new ArrayList<>();
        periods.forEach((period, values) -> values.percentiles(period, slices, percentages, out));
        return out.iterator();
    }

    private record Period(String grain, LocalDate start) {
    }

    private record Cell(String department, String service, String channel, String district) {

        Cell in(Slice slice) {
            return new Cell(slice.hasDepartment() ? department : Slice.ALL, slice.hasService() ? service : Slice.ALL,
                    slice.hasChannel() ? channel : Slice.ALL, slice.hasDistrict() ? district : Slice.ALL);
        }
    }

    /** The values of one (grain, period), each with its cell and weight, in arrival order. */
    private static final class Values {
        private final Map<Cell, Integer> cellIds = new HashMap<>();
        private final List<Cell> cells = new ArrayList<>();
        private int size;
        private int[] cell = new int[64];
        private double[] value = new double[64];
        private long[] weight = new long[64];

        void add(Cell c, double v, long w) {
            if (size == value.length) {
                int capacity = Math.multiplyExact(size, 2);
                cell = Arrays.copyOf(cell, capacity);
                value = Arrays.copyOf(value, capacity);
                weight = Arrays.copyOf(weight, capacity);
            }
            Integer id = cellIds.get(c);
            if (id == null) {
                id = cells.size();
                cellIds.put(c, id);
                cells.add(c);
            }
            cell[size] = id;
            value[size] = v;
            weight[size] = w;
            size++;
        }

        void percentiles(Period period, List<Slice> slices, double[] percentages, List<Row> out) {
            // Every cell belongs to one slice row per slice; slice rows are numbered in order of appearance.
            Map<Cell, Integer> sliceIds = new HashMap<>();
            List<Cell> sliceKeys = new ArrayList<>();
            int[][] slicesOfCell = new int[cells.size()][slices.size()];
            for (int c = 0; c < cells.size(); c++) {
                for (int s = 0; s < slices.size(); s++) {
                    Cell key = cells.get(c).in(slices.get(s));
                    Integer id = sliceIds.get(key);
                    if (id == null) {
                        id = sliceKeys.size();
                        sliceIds.put(key, id);
                        sliceKeys.add(key);
                    }
                    slicesOfCell[c][s] = id;
                }
            }
            int sliceCount = sliceKeys.size();
            long[] total = new long[sliceCount];
            for (int i = 0; i < size; i++) {
                for (int id : slicesOfCell[cell[i]]) {
                    total[id] += weight[i];
                }
            }
            // The ranks each slice needs (1-based, in its own ascending order): floor and ceiling of each position.
            int wanted = percentages.length;
            double[][] position = new double[sliceCount][wanted];
            long[][] lowerRank = new long[sliceCount][wanted];
            long[][] upperRank = new long[sliceCount][wanted];
            for (int id = 0; id < sliceCount; id++) {
                for (int j = 0; j < wanted; j++) {
                    double pos = (total[id] - 1) * percentages[j];
                    position[id][j] = pos;
                    lowerRank[id][j] = (long) Math.floor(pos) + 1;
                    upperRank[id][j] = (long) Math.ceil(pos) + 1;
                }
            }
            double[][] lower = new double[sliceCount][wanted];
            double[][] upper = new double[sliceCount][wanted];
            long[] seen = new long[sliceCount];
            for (int i : ascending()) {
                double v = value[i];
                for (int id : slicesOfCell[cell[i]]) {
                    long before = seen[id];
                    long after = before + weight[i];
                    seen[id] = after;
                    for (int j = 0; j < wanted; j++) {
                        if (before < lowerRank[id][j] && after >= lowerRank[id][j]) {
                            lower[id][j] = v;
                        }
                        if (before < upperRank[id][j] && after >= upperRank[id][j]) {
                            upper[id][j] = v;
                        }
                    }
                }
            }
            for (int id = 0; id < sliceCount; id++) {
                double[] result = new double[wanted];
                for (int j = 0; j < wanted; j++) {
                    result[j] = interpolate(position[id][j], lower[id][j], upper[id][j]);
                }
                Cell key = sliceKeys.get(id);
                out.add(RowFactory.create(period.grain(), period.start(), key.department(), key.service(),
                        key.channel(), key.district(), result));
            }
        }

        /**
         * The indexes of the values in ascending order of value: ranks from one sort of the values, then a counting
         * sort of the indexes by rank, so no index is boxed and equal values stay together.
         */
        private int[] ascending() {
            double[] sorted = Arrays.copyOf(value, size);
            Arrays.sort(sorted);
            int[] rank = new int[size];
            int[] start = new int[size + 1];
            for (int i = 0; i < size; i++) {
                rank[i] = Arrays.binarySearch(sorted, value[i]);
                start[rank[i] + 1]++;
            }
            for (int r = 0; r < size; r++) {
                start[r + 1] += start[r];
            }
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[start[rank[i]]++] = i;
            }
            return order;
        }
    }

    /** Spark's {@code percentile}: the value at the position, linearly interpolated between its closest ranks. */
    static double interpolate(double position, double lower, double upper) {
        long floor = (long) Math.floor(position);
        long ceiling = (long) Math.ceil(position);
        if (ceiling == floor || lower == upper) {
            return lower;
        }
        return (ceiling - position) * lower + (position - floor) * upper;
    }
}
