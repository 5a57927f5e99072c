package kz.aqparat.bench.history;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Ranks {@code 0..n-1} drawn with a Zipf–Mandelbrot skew: rank {@code k} has weight {@code 1 / (k + 1 + q)^s}, the
 * shape of how often names occur in news (a few everywhere, a long tail seen once or twice). Sampling is a binary
 * search in the cumulative weights, computed once.
 */
final class Zipf {

    private final double[] cumulative;

    /**
     * @param n         population size
     * @param exponent  {@code s}; 1 is the classic Zipf law
     * @param offset    {@code q}; flattens the head (0 = the pure law)
     */
    Zipf(int n, double exponent, double offset) {
        if (n < 1) {
            throw new IllegalArgumentException("population must not be empty");
        }
        cumulative = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += Math.pow(k + 1 + offset, -exponent);
            cumulative[k] = sum;
        }
        for (int k = 0; k < n; k++) {
            cumulative[k] /= sum;
        }
    }

    int size() {
        return cumulative.length;
    }

    /** The probability of rank {@code k}. */
    double share(int k) {
        return k == 0 ? cumulative[0] : cumulative[k] - cumulative[k - 1];
    }

    int sample(SplittableRandom random) {
        int at = Arrays.binarySearch(cumulative, random.nextDouble());
        int rank = at >= 0 ? at : -at - 1;
        return Math.min(rank, cumulative.length - 1);
    }
}
