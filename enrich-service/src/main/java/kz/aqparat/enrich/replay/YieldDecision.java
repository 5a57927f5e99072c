package kz.aqparat.enrich.replay;

/**
 * Whether the replay should be paused, given the largest lag of the watched groups: pause above {@code maxLag},
 * resume at or below {@code resumeLag}, and in between keep what it is doing, so that it does not flap at the
 * threshold every interval.
 */
record YieldDecision(long maxLag, long resumeLag) {

    YieldDecision {
        if (resumeLag > maxLag) {
            throw new IllegalArgumentException("resume-lag (" + resumeLag + ") must not exceed max-lag (" + maxLag
                    + ")");
        }
    }

    boolean enabled() {
        return maxLag > 0;
    }

    boolean paused(boolean pausedNow, long largestLag) {
        if (!enabled()) {
            return false;
        }
        if (largestLag > maxLag) {
            return true;
        }
        if (largestLag <= resumeLag) {
            return false;
        }
        return pausedNow;
    }
}
