package kz.aqparat.cli.dlq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dlq list}: dead letters grouped by stage, error class and the start of the error message
 * ({@link #messageKey}), each group with its count, first and last record time and up to
 * {@value #EXAMPLES} example ids with their positions, largest group first.
 */
public final class DlqGroups {

    static final int EXAMPLES = 3;
    static final int MESSAGE_CHARS = 60;

    /** One id in a group, and where to find its dead letter ({@code dlq show POSITION}). */
    public record Example(String id, String position) {
    }

    public record Group(String stage, String errorClass, String message, long count, Instant first, Instant last,
                        List<Example> examples) {
    }

    private record Key(String stage, String errorClass, String message) {
    }

    private static final class Tally {
        long count;
        Instant first;
        Instant last;
        final List<Example> examples = new ArrayList<>();
    }

    private final Map<Key, Tally> tallies = new LinkedHashMap<>();
    private long total;

    public void add(DeadLetterView dead) {
        total++;
        Key key = new Key(orNone(dead.stage()), orNone(dead.errorClass()), messageKey(dead.errorMessage()));
        Tally tally = tallies.computeIfAbsent(key, k -> new Tally());
        tally.count++;
        if (tally.first == null || dead.time().isBefore(tally.first)) {
            tally.first = dead.time();
        }
        if (tally.last == null || dead.time().isAfter(tally.last)) {
            tally.last = dead.time();
        }
        String id = dead.id() == null ? "(no key)" : dead.id();
        if (tally.examples.size() < EXAMPLES && tally.examples.stream().noneMatch(e -> e.id().equals(id))) {
            tally.examples.add(new Example(id, dead.position()));
        }
    }

    public long total() {
        return total;
    }

    public List<Group> groups() {
        return tallies.entrySet().stream()
                .map(e -> new Group(e.getKey().stage(), e.getKey().errorClass(), e.getKey().message(),
                        e.getValue().count, e.getValue().first, e.getValue().last, List.copyOf(e.getValue().examples)))
                .sorted(Comparator.comparingLong(Group::count).reversed().thenComparing(Group::stage)
                        .thenComparing(Group::errorClass).thenComparing(Group::message))
                .toList();
    }

    /**
     * What groups messages: the first line, numbers replaced by {@code #} (so "line 3, column 17" and "line 9,
     * column 2" are one group), cut to {@value #MESSAGE_CHARS} characters.
     */
    static String messageKey(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String line = message.strip().lines().findFirst().orElse("");
        String numbersOut = line.replaceAll("\\d+", "#");
        return numbersOut.length() <= MESSAGE_CHARS ? numbersOut : numbersOut.substring(0, MESSAGE_CHARS) + "…";
    }

    private static String orNone(String s) {
        return s == null ? "(none)" : s;
    }
}
