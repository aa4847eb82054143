package io.civicpulse.generate;

import java.util.random.RandomGenerator;

/** Draws an index with probability proportional to its weight; the tables are small, so a linear scan is enough. */
final class Weighted {

    private final double[] cumulative;

    Weighted(double[] weights) {
        cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException("negative weight at " + i);
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("weights sum to zero");
        }
    }

    int next(RandomGenerator random) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        // u can only reach the last bound through rounding; the last index with weight takes it
        for (int i = cumulative.length - 1; i > 0; i--) {
            if (cumulative[i] > cumulative[i - 1]) {
                return i;
            }
        }
        return 0;
    }

    static double logNormal(RandomGenerator random, double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }

    /** Rounds up or down with the probability of the fraction, so tiny scales still produce their share. */
    static long stochasticRound(RandomGenerator random, double value) {
        long floor = (long) Math.floor(value);
        return floor + (random.nextDouble() < value - floor ? 1 : 0);
    }
}
