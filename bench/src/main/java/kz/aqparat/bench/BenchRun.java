package kz.aqparat.bench;

import kz.aqparat.cli.articles.ArticleStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * One benchmark run against a {@link BenchStack}: warm-up, measurement window, drain, then the pass-through
 * limit; returns the summary that {@code --json} writes (a map, in the order the JSON shows it).
 */
final class BenchRun {

    /** Open loop: how much longer than --warmup the warm-up may run while the pipeline has not caught up. */
    static final Duration MAX_WARMUP_EXTENSION = Duration.ofSeconds(120);
    /** Measured passes of each limit run after its warm-up pass; the median is reported. */
    static final int LIMIT_PASSES = 3;

    /** The knobs of a run. */
    record Settings(Duration warmup, Duration duration, double rate, int clients, int batchSize, double articleKb,
                    long maxInFlight, Duration drainTimeout, long limitRecords, long maxArticles, List<String> groups,
                    Map<String, Object> streamsOverrides, long seed, int viewRequests, Duration viewBudget,
                    Map<String, String> viewEndpoints, boolean measureRestore) {
    }

    /** Service process name to the short name the report uses. */
    static final Map<String, String> SERVICES = Map.of("ingest-service", "ingest", "enrich-service", "enrich",
            "store-service", "store");

    private final BenchStack stack;
    private final Settings settings;
    private final ArticleStream articles;
    private final String runId;
    private final Consumer<String> progress;
    private Map<String, Object> preload;
    private List<String> preloadedIds = List.of();

    /** The history written before the services started, and ids of some of its articles. */
    BenchRun preloaded(Map<String, Object> summary, List<String> ids) {
        this.preload = summary;
        this.preloadedIds = List.copyOf(ids);
        return this;
    }

    BenchRun(BenchStack stack, Settings settings, ArticleStream articles, String runId, Consumer<String> progress) {
        this.stack = stack;
        this.settings = settings;
        this.articles = articles;
        this.runId = runId;
        this.progress = progress;
    }

    Map<String, Object> run() throws Exception {
        VisibilityTracker tracker = new VisibilityTracker();
        ResourceSampler resources = new ResourceSampler();
        resources.key(stack.apiKey());
        if (stack.isLocal()) {
            stack.pids().forEach(resources::process);
        } else {
            resources.prometheus("ingest-service", stack.ingest());
            if (stack.enrich() != null) {
                resources.prometheus("enrich-service", stack.enrich());
            }
            resources.prometheus("store-service", stack.store());
        }
        resources.process("bench-harness", ProcessHandle.current().pid());

        List<Map<String, Object>> timeline = new ArrayList<>();
        Map<String, double[]> cpuWindow = new LinkedHashMap<>(); // name -> {sum, n, max}
        Map<String, Double> peakMemory = new LinkedHashMap<>();
        Map<String, Double> cpuSeconds = new LinkedHashMap<>();
        long loadStart;
        long windowStart;
        long loadEnd;
        long drainDeadline;
        long drainSlack = settings.drainTimeout().toNanos() + 60_000_000_000L;
        long drainEnd;
        long backlogAtWindowStart = -1;
        LoadGenerator load;
        List<String> runIds = new ArrayList<>();
        ViewWatcher views = new ViewWatcher(stack.store(), tracker);
        try (StoreTopicWatcher watcher = new StoreTopicWatcher(stack.bootstrap(),
                "https://bench.aqparat.kz/" + runId + "/", tracker);
             LagSampler lag = new LagSampler(stack.bootstrap(), settings.groups())) {
            views.start();
            resources.sample();
            loadStart = System.nanoTime() + 500_000_000L;
            windowStart = loadStart + settings.warmup().toNanos();
            loadEnd = windowStart + settings.duration().toNanos();
            tracker.window(windowStart, loadEnd);
            load = new LoadGenerator(stack.ingest(), articles, tracker, settings.clients(), settings.batchSize(),
                    settings.rate(), settings.maxInFlight());
            load.key(stack.apiKey());
            if (settings.maxArticles() > 0) {
                load.limitArticles(settings.maxArticles());
            }
            load.start(loadStart, loadEnd);

            drainDeadline = loadEnd + drainSlack;
            long next = loadStart + 1_000_000_000L;
            long lastSample = System.nanoTime();
            long prevAccepted = 0;
            long prevStored = 0;
            boolean loadDone = false;
            while (true) {
                long now = System.nanoTime();
                if (now < next) {
                    Thread.sleep(Math.max(1, (next - now) / 1_000_000));
                    continue;
                }
                next = Math.max(next + 1_000_000_000L, now + 500_000_000L);
                stack.requireAlive();
                if (watcher.failure() != null) {
                    throw new IllegalStateException("articles.store consumer failed", watcher.failure());
                }
                double t = (now - loadStart) / 1e9;
                long accepted = tracker.accepted();
                long stored = tracker.storedTotal();
                Histogram interval = tracker.intervalLatency();
                Map<String, Long> lags = lag.sample();
                Map<String, ResourceSampler.Reading> readings = resources.sample();
                double dt = (now - lastSample) / 1e9;
                lastSample = now;
                if (now < windowStart && windowStart - now <= 1_200_000_000L && settings.rate() > 0) {
                    long backlog = accepted - tracker.ackedAndStored();
                    if (backlog > settings.rate()
                            && now - loadStart < settings.warmup().toNanos() + MAX_WARMUP_EXTENSION.toNanos()) {
                        // Open loop, and the cold JVMs have not caught up with the offered rate yet: the window
                        // would measure how long the warm-up's backlog takes to drain, not the pipeline's delay.
                        windowStart = now + 2_000_000_000L;
                        loadEnd = windowStart + settings.duration().toNanos();
                        tracker.window(windowStart, loadEnd);
                        load.stopAt(loadEnd);
                        drainDeadline = loadEnd + drainSlack;
                        progress.accept("warm-up extended: " + backlog + " accepted articles not in articles.store yet");
                    }
                }
                boolean inWindow = now > windowStart && now <= loadEnd + 500_000_000L;
                if (inWindow && backlogAtWindowStart < 0) {
                    backlogAtWindowStart = accepted - tracker.ackedAndStored();
                    if (settings.rate() > 0 && backlogAtWindowStart > settings.rate()) {
                        progress.accept("warning: " + backlogAtWindowStart + " accepted articles were not in "
                                + "articles.store yet when the measurement began (more than a second's load): the "
                                + "warm-up (extended up to " + MAX_WARMUP_EXTENSION.toSeconds() + " s) left a backlog, and "
                                + "its latency counts in the window; raise --warmup or lower --rate");
                    }
                }
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("t", round(t, 1));
                point.put("phase", now <= windowStart ? "warmup" : now <= loadEnd ? "measure" : "drain");
                point.put("acceptedPerSecond", accepted - prevAccepted);
                point.put("storedPerSecond", stored - prevStored);
                point.put("latencyP50Ms", ms(interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(50)));
                point.put("latencyP99Ms", ms(interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(99)));
                point.put("latencyMaxMs", ms(interval.getMaxValue()));
                point.put("lag", lags);
                Map<String, Object> res = new LinkedHashMap<>();
                readings.forEach((name, r) -> {
                    res.put(name, Map.of("cpuPercent", round(r.cpuPercent(), 1), "memoryMb", round(r.memoryMb(), 1)));
                    peakMemory.merge(name, r.memoryMb(), Math::max);
                    cpuSeconds.merge(name, r.cpuPercent() / 100 * dt, Double::sum);
                    if (inWindow) {
                        double[] acc = cpuWindow.computeIfAbsent(name, k -> new double[3]);
                        acc[0] += r.cpuPercent();
                        acc[1]++;
                        acc[2] = Math.max(acc[2], r.cpuPercent());
                    }
                });
                point.put("resources", res);
                timeline.add(point);
                prevAccepted = accepted;
                prevStored = stored;
                long lastAt = tracker.lastStoredAt();
                String last = tracker.lastStoredId();
                if (last != null) {
                    views.spotCheck(last, lastAt);
                    if (runIds.isEmpty() || !runIds.get(runIds.size() - 1).equals(last)) {
                        runIds.add(last);
                    }
                }
                progress.accept(String.format("t=%5.1fs %-7s accepted %6d (+%4d/s)  in store %6d (+%4d/s)  lag %s",
                        t, point.get("phase"), accepted, point.get("acceptedPerSecond"), stored,
                        point.get("storedPerSecond"), lags));
                if (!loadDone && now >= loadEnd && load.isDone()) {
                    loadDone = true;
                    loadEnd = Math.max(loadEnd, now);
                }
                if (loadDone && tracker.ackedAndStored() >= tracker.accepted()) {
                    break;
                }
                if (now > drainDeadline) {
                    progress.accept("drain timeout: " + (tracker.accepted() - tracker.ackedAndStored())
                            + " accepted articles not in articles.store");
                    break;
                }
            }
            drainEnd = System.nanoTime();
        } finally {
            views.close();
        }

        Map<String, Object> heapMb = heapMb();
        List<String> lookupIds = new ArrayList<>(preloadedIds);
        lookupIds.addAll(runIds);
        progress.accept("measuring store-service's read endpoints, one request at a time (at most "
                + settings.viewRequests() + " or " + settings.viewBudget().toSeconds() + " s each) ...");
        ViewLatency viewLatency = new ViewLatency(stack.store(), stack.apiKey());
        Map<String, Object> viewLatencyMs = viewLatency.measure(settings.viewEndpoints(), lookupIds,
                settings.viewRequests(), settings.viewBudget(), settings.seed());
        Map<String, Object> disk = new LinkedHashMap<>();
        if (stack.isLocal()) {
            disk.put("storeStateDir", round(StorageUse.directoryMb(stack.storeStateDir()), 1));
        }
        disk.put("topics", StorageUse.topicsMb(stack.bootstrap()));

        double windowSeconds = settings.duration().toNanos() / 1e9;
        double endToEnd = tracker.storedInWindow() / windowSeconds;
        PassThroughLimit.Result limit = null;
        PassThroughLimit.Result twoStages = null;
        String limitError = null;
        long limitCount = Math.min(settings.limitRecords(), load.generated());
        if (limitCount > 0) {
            progress.accept("measuring the pass-through limit with " + limitCount
                    + " of the same articles (one no-op stage, then two; each a warm-up pass and the median of "
                    + LIMIT_PASSES + ") ...");
            int partitions = TopicPartitions.of(stack.bootstrap(), kz.aqparat.contracts.Topics.ARTICLES_RAW.name());
            try {
                List<byte[][]> records = PassThroughLimit.records(articles, limitCount);
                limit = PassThroughLimit.run(stack.bootstrap(), records, 1, LIMIT_PASSES, partitions, (short) 1,
                        settings.streamsOverrides(), Duration.ofMinutes(3));
                twoStages = PassThroughLimit.run(stack.bootstrap(), records, 2, LIMIT_PASSES, partitions, (short) 1,
                        settings.streamsOverrides(), Duration.ofMinutes(3));
            } catch (Exception e) {
                limitError = e.toString();
                progress.accept("the pass-through limit run failed: " + e);
            }
        }

        Map<String, Object> restore = new LinkedHashMap<>();
        Double restoreSeconds = null;
        if (!settings.measureRestore()) {
            restore.put("note", "not measured (--measure-restore)");
        } else if (!stack.isLocal()) {
            restore.put("note", "not measured: the harness does not run the services of a running stack");
        } else if (settings.groups().size() < 2) {
            restore.put("note", "not measured: --groups must name enrich's and store's application ids");
        } else {
            progress.accept("restore: stopping store-service, deleting its state directory ("
                    + disk.get("storeStateDir") + " MB), starting it again ...");
            BenchStack.Restore timing = stack.restoreStoreFromChangelogs(settings.groups().get(1),
                    Duration.ofMinutes(30));
            restoreSeconds = round(timing.seconds(), 1);
            progress.accept("restore: store-service UP again after " + restoreSeconds + " s (its group emptied "
                    + round(timing.groupWaitSeconds(), 1) + " s after the stop)");
            restore.put("groupEmptySecondsAfterStop", round(timing.groupWaitSeconds(), 1));
            restore.put("stateDirMbAfterRestore", round(StorageUse.directoryMb(stack.storeStateDir()), 1));
            restore.put("heapMbAfterRestore", storeHeapMb());
            // The first lookups after a restore, on cold caches.
            restore.put("articleLatencyMsAfterRestore", viewLatency.measure(
                    Map.of("article", ViewLatency.DEFAULT_ENDPOINTS.get("article")), lookupIds,
                    settings.viewRequests(), settings.viewBudget(), settings.seed() + 1).get("article"));
        }

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("endToEndArticlesPerSecond", round(endToEnd, 1));
        summary.put("limitArticlesPerSecond", limit == null ? null : round(limit.passThroughPerSecond(), 1));
        summary.put("ratioToLimit", limit == null ? null : round(endToEnd / limit.passThroughPerSecond(), 3));
        // The ceiling of the pipeline's shape: raw → enrich → store is two exactly-once stages even if both did nothing.
        summary.put("twoStageLimitArticlesPerSecond",
                twoStages == null ? null : round(twoStages.passThroughPerSecond(), 1));
        summary.put("ratioToTwoStageLimit",
                twoStages == null ? null : round(endToEnd / twoStages.passThroughPerSecond(), 3));
        summary.put("acceptedArticlesPerSecond", round(tracker.acceptedInWindow() / windowSeconds, 1));
        summary.put("latencyMs", percentiles(tracker.storeLatency()));
        summary.put("sseLatencyMs", percentiles(tracker.sseLatency()));
        summary.put("ackLatencyMs", percentiles(tracker.ackLatency()));
        summary.put("articleLookupLagMs", percentiles(views.lookupLag()));
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("generated", load.generated());
        counts.put("accepted", tracker.accepted());
        counts.put("duplicates", tracker.duplicates());
        counts.put("failed", tracker.failed());
        counts.put("reachedStore", tracker.ackedAndStored());
        counts.put("lost", tracker.accepted() - tracker.ackedAndStored());
        counts.put("sseArticleEvents", tracker.sseCount());
        counts.put("viewSpotChecks", views.spotChecks());
        counts.put("viewSpotChecksOk", views.spotChecksOk());
        counts.put("viewSpotCheckLastFailure", views.lastFailure());
        counts.put("lastError", load.lastError());
        summary.put("articles", counts);
        if (limitError != null) {
            summary.put("limitError", limitError);
        }
        summary.put("drainSeconds", round((drainEnd - loadEnd) / 1e9, 1));
        // Accepted but not yet stored when the window opened: in open loop, a warm-up too short for the JIT.
        summary.put("backlogAtWindowStart", backlogAtWindowStart);
        summary.put("warmupSeconds", round((windowStart - loadStart) / 1e9, 1));
        if (limit != null) {
            List<Map<String, Object>> runs = new ArrayList<>();
            for (PassThroughLimit.Result run : twoStages == null ? List.of(limit) : List.of(limit, twoStages)) {
                runs.add(Map.of("stages", run.stages(), "records", run.records(),
                        "producedPerSecond", round(run.producedPerSecond(), 1),
                        "passThroughPerSecond", round(run.passThroughPerSecond(), 1),
                        "seconds", round(run.seconds(), 2),
                        "passesPerSecond", run.passes().stream().map(r -> round(r, 1)).toList()));
            }
            summary.put("limit", runs);
        }
        Map<String, Object> resourceSummary = new LinkedHashMap<>();
        peakMemory.forEach((name, peak) -> {
            double[] acc = cpuWindow.getOrDefault(name, new double[3]);
            long stored = Math.max(1, tracker.ackedAndStored());
            resourceSummary.put(name, Map.of(
                    "cpuMsPerArticle", round(1000 * cpuSeconds.getOrDefault(name, 0.0) / stored, 2),
                    "avgCpuPercent", round(acc[1] == 0 ? 0 : acc[0] / acc[1], 1),
                    "maxCpuPercent", round(acc[2], 1),
                    "peakMemoryMb", round(peak, 1),
                    "memory", resources.memoryKind(name)));
        });
        summary.put("resources", resourceSummary);
        summary.put("preload", preload);
        Map<String, Object> startup = new LinkedHashMap<>();
        stack.startupSeconds().forEach((name, seconds) -> startup.put(SERVICES.getOrDefault(name, name),
                round(seconds, 1)));
        if (!stack.isLocal()) {
            SERVICES.values().forEach(name -> startup.put(name, null));
            startup.put("note", "not measured: the harness does not start the services of a running stack");
        }
        summary.put("startupSeconds", startup);
        summary.put("heapMb", heapMb);
        summary.put("diskMb", disk);
        summary.put("restoreSeconds", restoreSeconds);
        summary.put("restore", restore);
        summary.put("viewLatencyMs", viewLatencyMs);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("mode", settings.rate() > 0 ? "open-loop" : "closed-loop");
        config.put("rate", settings.rate());
        config.put("clients", settings.clients());
        config.put("batchSize", settings.batchSize());
        config.put("articleKb", settings.articleKb());
        config.put("warmupSeconds", settings.warmup().toSeconds());
        config.put("durationSeconds", settings.duration().toSeconds());
        config.put("maxInFlight", settings.maxInFlight());
        config.put("groups", settings.groups());
        config.put("streamsOverrides", settings.streamsOverrides());
        config.put("localStack", stack.isLocal());
        config.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        summary.put("config", config);
        summary.put("timeline", timeline);
        return summary;
    }

    /** Used heap per service after a full GC (local stack), or as scraped (running stack). */
    private Map<String, Object> heapMb() {
        Map<String, Object> heap = new LinkedHashMap<>();
        Map<String, Long> pids = stack.pids();
        List<String> names = List.of("ingest-service", "enrich-service", "store-service");
        List<java.net.URI> uris = java.util.Arrays.asList(stack.ingest(), stack.enrich(), stack.store());
        for (int i = 0; i < names.size(); i++) {
            Double mb = null;
            if (uris.get(i) != null) {
                if (pids.containsKey(names.get(i))) {
                    ServiceHeap.collect(pids.get(names.get(i)));
                }
                mb = ServiceHeap.usedHeapMb(uris.get(i), stack.apiKey());
            }
            heap.put(SERVICES.get(names.get(i)), mb == null ? null : round(mb, 1));
        }
        heap.put("measured", stack.isLocal() ? "jvm_memory_used_bytes{area=heap} after jcmd GC.run"
                : "jvm_memory_used_bytes{area=heap}");
        return heap;
    }

    private Double storeHeapMb() {
        ServiceHeap.collect(stack.pids().getOrDefault("store-service", -1L));
        Double mb = ServiceHeap.usedHeapMb(stack.store(), stack.apiKey());
        return mb == null ? null : round(mb, 1);
    }

    static Map<String, Object> percentiles(Histogram h) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("count", h.getTotalCount());
        p.put("p50", ms(h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(50)));
        p.put("p95", ms(h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(95)));
        p.put("p99", ms(h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(99)));
        p.put("max", ms(h.getMaxValue()));
        return p;
    }

    private static double ms(long micros) {
        return round(micros / 1000.0, 1);
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
