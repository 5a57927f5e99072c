package kz.aqparat.cli.chaos;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.aqparat.cli.local.LocalBroker;
import kz.aqparat.cli.local.RepoLayout;

/**
 * The crash tests: one {@link ChaosStack}, and for each {@link Scenario} a steady load of new distinct articles
 * with the fault injected a third of the way in, then the checks of {@link StoreAudit} on everything pushed so far.
 * Every wait is bounded; a stack that does not recover fails the scenario and ends the run.
 */
final class ChaosRun {

    /**
     * @param articles    distinct articles per scenario
     * @param rate        articles per second
     * @param sendTimeout ingest's {@code AQPARAT_INGEST_SEND_TIMEOUT}
     */
    record Options(List<Scenario> scenarios, int articles, double rate, Duration sendTimeout) {
    }

    /** An answer may take this much longer than the send timeout (HTTP, scheduling on a loaded machine). */
    static final Duration ANSWER_SLACK = Duration.ofSeconds(2);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration VIEWS_TIMEOUT = Duration.ofSeconds(90);
    /**
     * How long articles still without a 202 are retried once the stack is whole again (and the load's last
     * article has been sent once); until the repair they are retried as long as it takes.
     */
    private static final Duration RETRY_GRACE = Duration.ofSeconds(60);
    /** A bound on the load of one scenario, repair included (each wait of the repair has its own bound too). */
    private static final Duration LOAD_BOUND = Duration.ofMinutes(12);

    private final RepoLayout layout;
    private final ChaosStack stack;
    private final Options options;
    private final PrintWriter out;
    private final ChaosArticles articles;
    private final Set<String> accepted = new HashSet<>();
    private final Set<String> doubledBefore = new HashSet<>();
    private long nextArticle;
    private long dlqBefore;

    ChaosRun(RepoLayout layout, ChaosStack stack, Options options, PrintWriter out, String runId) {
        this.layout = layout;
        this.stack = stack;
        this.options = options;
        this.out = out;
        this.articles = new ChaosArticles(layout.samples(), runId, runId.hashCode());
    }

    List<ScenarioResult> run() throws InterruptedException {
        List<ScenarioResult> results = new ArrayList<>();
        say("starting 3 brokers and the three services in " + stack.workDir());
        long t0 = System.nanoTime();
        stack.start();
        say(String.format("stack up in %.0f s (kafka %s, ingest %s, store %s)", seconds(t0), stack.bootstrapServers(),
                stack.ingest(), stack.store()));
        try (StoreAudit audit = new StoreAudit(stack.bootstrapServers(), stack::store)) {
            for (Scenario scenario : options.scenarios()) {
                ScenarioResult result = run(scenario, audit);
                results.add(result);
                say(scenario.id() + (result.passed() ? " passed" : " FAILED: " + result.failures())
                        + (result.notes().isEmpty() ? "" : "; noted: " + result.notes()));
                if (!result.failures().isEmpty() && result.failures().stream().anyMatch(f -> f.startsWith("recovery"))) {
                    say("the stack did not recover; the remaining scenarios are skipped");
                    break;
                }
            }
        }
        return results;
    }

    private ScenarioResult run(Scenario scenario, StoreAudit audit) throws InterruptedException {
        long first = nextArticle;
        nextArticle += options.articles();
        Duration load = Duration.ofMillis((long) (options.articles() * 1000 / options.rate()));
        Duration requestTimeout = options.sendTimeout().plus(Duration.ofSeconds(20));
        SteadyPusher pusher = new SteadyPusher(stack::ingest, stack.authKey(), articles, requestTimeout);
        List<String> failures = new ArrayList<>();
        say(scenario.id() + ": pushing " + options.articles() + " articles at " + options.rate() + "/s for "
                + load.toSeconds() + " s; fault after " + load.dividedBy(3).toSeconds() + " s, for "
                + scenario.downtime().toSeconds() + " s");

        long start = System.nanoTime();
        Thread loader = new Thread(() -> {
            try {
                pusher.run(first, options.articles(), options.rate(), LOAD_BOUND);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "chaos-load");
        loader.start();
        Thread.sleep(load.dividedBy(3).toMillis());

        long faultAt = System.nanoTime();
        List<LocalBroker> broken = scenario.inject(stack);
        say(scenario.id() + ": fault injected" + (broken.isEmpty() ? ""
                : " (killed " + broken.stream().map(LocalBroker::name).toList() + ")"));
        Thread.sleep(scenario.downtime().toMillis());
        long repairAt = System.nanoTime();
        double recovery;
        try {
            scenario.repair(stack, broken);
            recovery = seconds(repairAt);
            say(String.format("%s: repaired, whole again in %.1f s", scenario.id(), recovery));
        } catch (RuntimeException e) {
            recovery = seconds(repairAt);
            failures.add("recovery failed: " + e.getMessage());
        }
        pusher.retryUntil(Math.max(System.nanoTime(), start + load.toNanos()) + RETRY_GRACE.toNanos());
        loader.join(LOAD_BOUND.plus(requestTimeout).plusSeconds(10).toMillis());
        long loadEnd = System.nanoTime();

        Map<Long, SteadyPusher.Outcome> outcomes = pusher.outcomes();
        List<String> acceptedNow = outcomes.values().stream().filter(SteadyPusher.Outcome::accepted)
                .map(SteadyPusher.Outcome::id).toList();
        accepted.addAll(acceptedNow);
        List<String> pushedIds = new ArrayList<>();
        for (long i = first; i < first + options.articles(); i++) {
            pushedIds.add(articles.id(i));
        }

        // Wait until every article accepted so far is stored, then until the views agree with what is stored.
        long drainDeadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        Set<String> missing = new HashSet<>(accepted);
        while (System.nanoTime() < drainDeadline) {
            audit.catchUp(Duration.ofSeconds(20));
            missing.removeAll(audit.storedIds());
            if (missing.isEmpty()) {
                break;
            }
            Thread.sleep(1000);
        }
        String mismatch = audit.viewMismatch();
        long viewsDeadline = System.nanoTime() + VIEWS_TIMEOUT.toNanos();
        while (mismatch != null && System.nanoTime() < viewsDeadline) {
            Thread.sleep(1000);
            audit.catchUp(Duration.ofSeconds(20));
            mismatch = audit.viewMismatch();
        }
        double drain = seconds(loadEnd);
        if (mismatch != null) {
            failures.add("views differ from the stored articles: " + mismatch);
        }

        Set<String> stored = audit.storedIds();
        int storedNow = (int) pushedIds.stream().filter(stored::contains).count();
        List<String> lostIds = acceptedNow.stream().filter(id -> !stored.contains(id)).sorted().toList();
        if (!lostIds.isEmpty()) {
            failures.add(lostIds.size() + " accepted article(s) not in articles.store, e.g. "
                    + lostIds.subList(0, Math.min(5, lostIds.size())));
        }
        long lostEarlier = accepted.stream().filter(id -> !stored.contains(id) && !acceptedNow.contains(id)).count();
        if (lostEarlier > 0) {
            failures.add(lostEarlier + " article(s) accepted in earlier scenarios are no longer in articles.store");
        }
        Map<String, Integer> doubled = audit.doubledInStore();
        Set<String> newlyDoubled = new HashSet<>(doubled.keySet());
        newlyDoubled.removeAll(doubledBefore);
        doubledBefore.addAll(doubled.keySet());
        // Which copies the pipeline made (more in articles.store than in articles.raw: exactly-once broken in
        // enrich or store) and which it was given (ingest wrote the article to articles.raw more than once).
        List<String> byPipeline = newlyDoubled.stream().filter(id -> doubled.get(id) > Math.max(1, audit.rawCount(id)))
                .sorted().toList();
        if (!newlyDoubled.isEmpty()) {
            failures.add(newlyDoubled.size() + " article(s) more than once in articles.store (" + byPipeline.size()
                    + " more often than in articles.raw), e.g. " + newlyDoubled.stream().sorted().limit(5)
                    .map(id -> id + " x" + doubled.get(id) + " (articles.raw x" + audit.rawCount(id) + ")").toList());
        }
        int rawDuplicates = (int) pushedIds.stream().filter(id -> audit.rawCount(id) > 1).count();
        if (rawDuplicates > 0) {
            failures.add(rawDuplicates + " article(s) written to articles.raw more than once");
        }
        List<String> unreadable = audit.unreadable(acceptedNow);
        if (!unreadable.isEmpty()) {
            failures.add(unreadable.size() + " accepted article(s) not served by GET /api/articles/{id}, e.g. "
                    + unreadable.subList(0, Math.min(5, unreadable.size())));
        }
        long dlq = audit.dlqRecords() - dlqBefore;
        dlqBefore = audit.dlqRecords();
        if (dlq > 0) {
            failures.add(dlq + " record(s) in articles.dlq, and every article pushed is good");
        }
        if (!audit.unparseable().isEmpty()) {
            failures.add("records of articles.store that are no EnrichedArticle: " + audit.unparseable());
        }

        List<SteadyPusher.Attempt> attempts = pusher.attempts();
        int answers503 = (int) attempts.stream().filter(a -> a.status() == 503).count();
        int retryAfterMissing = (int) attempts.stream().filter(a -> a.status() == 503 && !a.retryAfter()).count();
        SteadyPusher.Attempt slowest = attempts.stream().filter(a -> a.status() > 0)
                .max(java.util.Comparator.comparingLong(SteadyPusher.Attempt::millis)).orElse(null);
        long maxAnswer = slowest == null ? 0 : slowest.millis();
        int maxAnswerStatus = slowest == null ? 0 : slowest.status();
        int noAnswer = (int) attempts.stream().filter(a -> a.status() < 0).count();
        List<SteadyPusher.Attempt> other = attempts.stream()
                .filter(a -> a.status() > 0 && a.status() != 200 && a.status() != 202 && a.status() != 503).toList();
        List<String> notes = new ArrayList<>();
        if (!other.isEmpty()) {
            notes.add(other.size() + " answer(s) other than 202, 200 and 503, e.g. HTTP " + other.get(0).status() + " "
                    + abbreviate(other.get(0).error()));
        }
        if (retryAfterMissing > 0) {
            failures.add(retryAfterMissing + " 503 answer(s) without Retry-After");
        }
        long limit = options.sendTimeout().plus(ANSWER_SLACK).toMillis();
        int outageAnswers = 0;
        int outage503 = 0;
        int outageAccepted = 0;
        long outageMax = 0;
        if (scenario.writesRefused()) {
            // Requests sent from a second after the kill (the kill itself takes a moment) until the repair began.
            long from = faultAt + 1_000_000_000L;
            List<SteadyPusher.Attempt> during = attempts.stream()
                    .filter(a -> a.sentAtNanos() >= from && a.sentAtNanos() < repairAt).toList();
            outageAnswers = (int) during.stream().filter(a -> a.status() > 0).count();
            outage503 = (int) during.stream().filter(a -> a.status() == 503).count();
            outageAccepted = (int) during.stream().filter(a -> a.status() == 202).count();
            outageMax = during.stream().mapToLong(SteadyPusher.Attempt::millis).max().orElse(0);
            int hungUp = (int) during.stream().filter(a -> a.status() < 0).count();
            if (outage503 == 0) {
                failures.add("no 503 while Kafka could not take writes (" + outageAnswers + " answers)");
            }
            if (outageMax > limit) {
                failures.add("an answer took " + outageMax + " ms while Kafka could not take writes, over the send "
                        + "timeout + slack (" + limit + " ms)");
            }
            if (hungUp > 0) {
                failures.add(hungUp + " request(s) got no answer while Kafka could not take writes");
            }
            List<String> otherStatus = during.stream().filter(a -> a.status() > 0 && a.status() != 503
                    && a.status() != 202 && a.status() != 200).map(a -> Integer.toString(a.status())).distinct()
                    .toList();
            if (!otherStatus.isEmpty()) {
                failures.add("answers other than 503 while Kafka could not take writes: " + otherStatus);
            }
        }
        int gaveUp = (int) outcomes.values().stream().filter(o -> !o.accepted()).count()
                + (options.articles() - outcomes.size());
        if (gaveUp > 0) {
            failures.add(gaveUp + " article(s) never accepted, though retried for " + RETRY_GRACE.toSeconds()
                    + " s after the repair");
        }
        List<String> dead = stack.deadServices();
        if (!dead.isEmpty()) {
            failures.add("services died: " + dead);
        }
        return new ScenarioResult(scenario.id(), failures.isEmpty(), options.articles(), acceptedNow.size(),
                storedNow, lostIds.size(), newlyDoubled.size(), mismatch == null, round(recovery), round(drain),
                byPipeline.size(), rawDuplicates, unreadable.size(), dlq, answers503, retryAfterMissing, maxAnswer, maxAnswerStatus,
                outageAnswers,
                outage503, outageAccepted, outageMax, noAnswer, other.size(), gaveUp, round(seconds(start)),
                failures, notes);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }

    private void say(String message) {
        out.println("==> " + message);
        out.flush();
    }
}
