package kz.aqparat.cli.chaos;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The figures of one scenario, as {@code ./pipeline chaos --json} writes them.
 *
 * @param pushed              distinct articles pushed during the scenario
 * @param accepted            of them, answered 202 or 200 "duplicate" (durable in Kafka, ingest says)
 * @param stored              of them, in {@code articles.store} (committed), acknowledged or not
 * @param lost                accepted but not in {@code articles.store}
 * @param doubled             ids (of the whole run) with more than one committed record in {@code articles.store}
 *                            that were not so before the scenario
 * @param doubledByPipeline   of the doubled, those with more records in {@code articles.store} than in
 *                            {@code articles.raw}: copies made by enrich or store, not given to them by ingest
 * @param rawDuplicates       ids of the scenario with more than one record in {@code articles.raw}
 * @param unreadable          accepted ids that {@code GET /api/articles/{id}} does not serve
 * @param dlq                 records that reached {@code articles.dlq} during the scenario (every article is good)
 * @param viewsMatch          every view equals the views recomputed from the stored articles
 * @param recoverySeconds     from the repair (restart) until every broker and service was back and healthy
 * @param drainSeconds        from the end of the load until every accepted article was stored and the views matched
 * @param answers503          503 answers during the scenario
 * @param retryAfterMissing   503 answers without {@code Retry-After}
 * @param maxAnswerMillis     the slowest answer of ingest during the scenario
 * @param maxAnswerStatus     its HTTP status
 * @param outageAnswers       answers to requests sent while Kafka could not take writes (writes-refused only)
 * @param outage503           of them, 503
 * @param outageAccepted      of them, 202 (each must be stored)
 * @param outageMaxAnswerMillis the slowest of them
 * @param noAnswer            attempts that got no HTTP answer (connection refused or reset, timeout)
 * @param otherAnswers        answers other than 202, 200 and 503 (e.g. a 500 while ingest shuts down), retried
 *                            when 5xx; noted, not a failure
 * @param gaveUp              articles still without a 202/200 when the pusher's attempts ran out
 * @param failures            why the scenario failed, empty when it passed
 * @param notes               what is worth a look but fails nothing
 */
@JsonPropertyOrder({"name", "passed", "pushed", "accepted", "stored", "lost", "doubled", "viewsMatch",
        "recoverySeconds"})
record ScenarioResult(String name, boolean passed, int pushed, int accepted, int stored, int lost, int doubled,
                      boolean viewsMatch, double recoverySeconds, double drainSeconds, int doubledByPipeline,
                      int rawDuplicates,
                      int unreadable, long dlq, int answers503, int retryAfterMissing, long maxAnswerMillis,
                      int maxAnswerStatus,
                      int outageAnswers, int outage503, int outageAccepted, long outageMaxAnswerMillis,
                      int noAnswer, int otherAnswers, int gaveUp, double durationSeconds, List<String> failures,
                      List<String> notes) {
}
