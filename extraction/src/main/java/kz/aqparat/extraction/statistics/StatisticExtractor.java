package kz.aqparat.extraction.statistics;

import java.util.List;
import kz.aqparat.contracts.Statistic;

/** Numeric counts with qualifier and unit: "более 400 сотрудников" is 400 MORE_THAN "сотрудник". */
public final class StatisticExtractor {

    public static StatisticExtractor load() {
        return new StatisticExtractor();
    }

    public List<Statistic> extract(String text) {
        // First version: nothing found yet; the engine is issue #3.
        return List.of();
    }
}
