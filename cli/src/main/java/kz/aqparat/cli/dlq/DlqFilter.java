package kz.aqparat.cli.dlq;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code --stage S}, {@code --since T}, {@code --ids FILE} of the {@code dlq} commands; a null filter selects
 * everything. A stage matches itself and the stages below it: {@code --stage enrich} selects {@code enrich.extract}
 * and {@code enrich.validate}. {@code --since} compares the dead letter's record time.
 */
public record DlqFilter(String stage, Instant since, Set<String> ids) {

    public static final DlqFilter ALL = new DlqFilter(null, null, null);

    /** Why the dead letter is not selected ({@code otherStage}, {@code beforeSince}, {@code notListed}), or null. */
    public String reject(DeadLetterView dead) {
        if (since != null && dead.time().isBefore(since)) {
            return "beforeSince";
        }
        if (stage != null) {
            String actual = dead.stage();
            if (actual == null || !(actual.equals(stage) || actual.startsWith(stage + "."))) {
                return "otherStage";
            }
        }
        if (ids != null && (dead.id() == null || !ids.contains(dead.id()))) {
            return "notListed";
        }
        return null;
    }

    public Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>();
        if (stage != null) {
            described.put("stage", stage);
        }
        if (since != null) {
            described.put("since", since.toString());
        }
        if (ids != null) {
            described.put("ids", ids.size());
        }
        return described;
    }
}
