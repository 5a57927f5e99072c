package kz.aqparat.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import kz.aqparat.contracts.Json;

/** The summary as a plain-text table and as a self-contained HTML page with inline SVG charts. */
final class BenchReport {

    private BenchReport() {
    }

    private static String percent(Object ratio) {
        return ratio == null ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * ((Number) ratio).doubleValue());
    }

    @SuppressWarnings("unchecked")
    static String table(Map<String, Object> s) {
        StringBuilder b = new StringBuilder();
        Map<String, Object> config = (Map<String, Object>) s.get("config");
        Map<String, Object> articles = (Map<String, Object>) s.get("articles");
        b.append("\nAqparat bench — ").append(config.get("mode"))
                .append(((Number) config.get("rate")).doubleValue() > 0 ? " at " + config.get("rate") + " articles/s" : "")
                .append(", ").append(config.get("clients")).append(" clients, batch ").append(config.get("batchSize"))
                .append(", ~").append(config.get("articleKb")).append(" KB articles, ")
                .append(config.get("durationSeconds")).append(" s measured after ")
                .append(config.get("warmupSeconds")).append(" s warm-up")
                .append(warmupNote(config.get("warmupSeconds"), s.get("warmupSeconds"))).append("\n\n");
        row(b, "accepted (HTTP 202)", fmt(s.get("acceptedArticlesPerSecond")) + " articles/s");
        row(b, "end to end (in articles.store)", fmt(s.get("endToEndArticlesPerSecond")) + " articles/s");
        row(b, "pass-through limit", s.get("limitArticlesPerSecond") == null ? "not measured"
                : fmt(s.get("limitArticlesPerSecond")) + " articles/s");
        row(b, "end to end / limit", percent(s.get("ratioToLimit")));
        row(b, "two-stage no-op limit", s.get("twoStageLimitArticlesPerSecond") == null ? "not measured"
                : fmt(s.get("twoStageLimitArticlesPerSecond")) + " articles/s");
        row(b, "end to end / two-stage limit", percent(s.get("ratioToTwoStageLimit")));
        b.append('\n');
        b.append(String.format(Locale.ROOT, "  %-32s %8s %8s %8s %8s %8s%n", "latency (ms)", "count", "p50", "p95",
                "p99", "max"));
        latency(b, "ack -> articles.store", (Map<String, Object>) s.get("latencyMs"));
        latency(b, "ack -> views (SSE article event)", (Map<String, Object>) s.get("sseLatencyMs"));
        latency(b, "HTTP request -> ack", (Map<String, Object>) s.get("ackLatencyMs"));
        latency(b, "articles.store -> GET by id (spot)", (Map<String, Object>) s.get("articleLookupLagMs"));
        b.append('\n');
        row(b, "articles generated / accepted", articles.get("generated") + " / " + articles.get("accepted")
                + " (duplicates " + articles.get("duplicates") + ", failed " + articles.get("failed") + ")");
        row(b, "reached articles.store / lost", articles.get("reachedStore") + " / " + articles.get("lost")
                + " (drained " + s.get("drainSeconds") + " s after the load)");
        row(b, "views spot checks ok", articles.get("viewSpotChecksOk") + " / " + articles.get("viewSpotChecks")
                + (articles.get("viewSpotCheckLastFailure") == null ? ""
                        : " (last failure: " + articles.get("viewSpotCheckLastFailure") + ")"));
        row(b, "in flight when measuring began", String.valueOf(s.get("backlogAtWindowStart")));
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) s.get("timeline");
        Map<String, Object> maxLag = new java.util.LinkedHashMap<>();
        for (Map<String, Object> p : timeline) {
            ((Map<String, Object>) p.get("lag")).forEach((g, v) -> maxLag.merge(g, v,
                    (a, c) -> Math.max(((Number) a).longValue(), ((Number) c).longValue())));
        }
        row(b, "max consumer lag (records)", maxLag.toString());
        b.append('\n');
        b.append(String.format(Locale.ROOT, "  %-32s %10s %10s %14s %12s%n", "process", "avg CPU %", "max CPU %",
                "CPU ms/article", "peak MB"));
        ((Map<String, Object>) s.get("resources")).forEach((name, v) -> {
            Map<String, Object> r = (Map<String, Object>) v;
            b.append(String.format(Locale.ROOT, "  %-32s %10s %10s %14s %12s%n", name, fmt(r.get("avgCpuPercent")),
                    fmt(r.get("maxCpuPercent")), fmt(r.get("cpuMsPerArticle")),
                    fmt(r.get("peakMemoryMb")) + " " + r.get("memory")));
        });
        Map<String, Object> preload = (Map<String, Object>) s.get("preload");
        if (preload != null) {
            b.append('\n');
            row(b, "preloaded history", preload.get("articles") + " articles into " + preload.get("into") + ": "
                    + preload.get("records") + " records in " + fmt(preload.get("writeSeconds")) + " s ("
                    + preload.get("recordsPerSecond") + " records/s, " + preload.get("megabytes") + " MB), read back "
                    + preload.get("readBack"));
            row(b, "distinct names", preload.get("distinct") + ", top person " + preload.get("topPerson") + " in "
                    + preload.get("topPersonArticles") + " articles");
            if (preload.get("storeCatchUpSeconds") != null) {
                row(b, "store consumed it in", fmt(preload.get("storeCatchUpSeconds")) + " s ("
                        + preload.get("storeArticlesPerSecond") + " articles/s)");
            }
        }
        b.append('\n');
        row(b, "start-up to /health UP (s)", String.valueOf(s.get("startupSeconds")));
        row(b, "heap used (MB)", String.valueOf(s.get("heapMb")));
        row(b, "disk (MB)", String.valueOf(s.get("diskMb")));
        row(b, "store restore from changelogs", s.get("restoreSeconds") == null
                ? String.valueOf(((Map<String, Object>) s.get("restore")).get("note"))
                : fmt(s.get("restoreSeconds")) + " s " + withoutNote((Map<String, Object>) s.get("restore")));
        Map<String, Object> views = (Map<String, Object>) s.get("viewLatencyMs");
        if (views != null) {
            b.append('\n');
            b.append(String.format(Locale.ROOT, "  %-32s %8s %8s %8s %8s %8s%n", "read endpoint (ms)", "count", "p50",
                    "p99", "max", "errors"));
            views.forEach((name, v) -> {
                Map<String, Object> l = (Map<String, Object>) v;
                if (l == null) {
                    b.append(String.format(Locale.ROOT, "  %-32s %s%n", name, "not measured (no ids)"));
                } else {
                    b.append(String.format(Locale.ROOT, "  %-32s %8s %8s %8s %8s %8s%n", l.get("path"), l.get("count"),
                            fmt(l.get("p50")), fmt(l.get("p99")), fmt(l.get("max")), l.get("errors")));
                }
            });
        }
        return b.toString();
    }

    private static String withoutNote(Map<String, Object> restore) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(restore);
        copy.remove("note");
        return copy.toString();
    }

    private static void row(StringBuilder b, String label, String value) {
        b.append(String.format(Locale.ROOT, "  %-32s %s%n", label, value));
    }

    private static void latency(StringBuilder b, String label, Map<String, Object> l) {
        b.append(String.format(Locale.ROOT, "  %-32s %8s %8s %8s %8s %8s%n", label, l.get("count"), fmt(l.get("p50")),
                fmt(l.get("p95")), fmt(l.get("p99")), fmt(l.get("max"))));
    }

    private static String fmt(Object o) {
        if (o instanceof Number n) {
            return String.format(Locale.ROOT, "%.1f", n.doubleValue());
        }
        return String.valueOf(o);
    }

    @SuppressWarnings("unchecked")
    static String html(Map<String, Object> s) throws Exception {
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) s.get("timeline");
        List<double[]> accepted = series(timeline, p -> p.get("acceptedPerSecond"));
        List<double[]> stored = series(timeline, p -> p.get("storedPerSecond"));
        List<double[]> p50 = series(timeline, p -> p.get("latencyP50Ms"));
        List<double[]> p99 = series(timeline, p -> p.get("latencyP99Ms"));
        List<String> groups = new ArrayList<>();
        if (!timeline.isEmpty()) {
            groups.addAll(((Map<String, Object>) timeline.get(0).get("lag")).keySet());
        }
        List<List<double[]>> lags = new ArrayList<>();
        for (String g : groups) {
            lags.add(series(timeline, p -> ((Map<String, Object>) p.get("lag")).get(g)));
        }
        StringBuilder b = new StringBuilder();
        b.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Aqparat bench</title><style>")
                .append("body{font-family:sans-serif;margin:2em}pre{background:#f6f6f6;padding:1em}")
                .append(".legend span{margin-right:1.5em}</style></head><body><h1>Aqparat bench</h1>");
        b.append("<pre>").append(escape(table(s))).append("</pre>");
        b.append("<h2>Throughput (articles/s)</h2>")
                .append(chart(List.of(accepted, stored), List.of("accepted", "in articles.store")));
        b.append("<h2>Latency ack → articles.store (ms, per second)</h2>")
                .append(chart(List.of(p50, p99), List.of("p50", "p99")));
        b.append("<h2>Consumer lag (records)</h2>").append(chart(lags, groups));
        b.append("<h2>Summary (JSON)</h2><pre>")
                .append(escape(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(
                        withoutTimeline(s)))).append("</pre></body></html>\n");
        return b.toString();
    }

    private static Map<String, Object> withoutTimeline(Map<String, Object> s) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(s);
        copy.remove("timeline");
        return copy;
    }

    private static List<double[]> series(List<Map<String, Object>> timeline, Function<Map<String, Object>, Object> f) {
        List<double[]> points = new ArrayList<>();
        for (Map<String, Object> p : timeline) {
            Object v = f.apply(p);
            if (v instanceof Number n && n.doubleValue() >= 0) {
                points.add(new double[]{((Number) p.get("t")).doubleValue(), n.doubleValue()});
            }
        }
        return points;
    }

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e"};

    private static String chart(List<List<double[]>> lines, List<String> names) {
        int w = 900;
        int h = 260;
        int pad = 50;
        double maxX = 1;
        double maxY = 1;
        for (List<double[]> line : lines) {
            for (double[] p : line) {
                maxX = Math.max(maxX, p[0]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" style=\"border:1px solid #ccc\">");
        for (int i = 0; i <= 4; i++) {
            double y = h - pad + 0.0 - (h - 2.0 * pad) * i / 4;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>",
                    pad, y, w - 10, y));
            b.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%.1f\" font-size=\"11\">%.0f</text>", y + 4,
                    maxY * i / 4));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">t = %.0f s</text>", w - 90,
                h - 8, maxX));
        for (int l = 0; l < lines.size(); l++) {
            StringBuilder pts = new StringBuilder();
            for (double[] p : lines.get(l)) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", pad + (w - pad - 10) * p[0] / maxX,
                        h - pad - (h - 2.0 * pad) * p[1] / maxY));
            }
            b.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(COLOURS[l % COLOURS.length])
                    .append("\" points=\"").append(pts).append("\"/>");
        }
        b.append("</svg><div class=\"legend\">");
        for (int l = 0; l < names.size(); l++) {
            b.append("<span style=\"color:").append(COLOURS[l % COLOURS.length]).append("\">■ ")
                    .append(escape(names.get(l))).append("</span>");
        }
        return b.append("</div>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** " (extended to N s)" when the open-loop warm-up waited for the pipeline to catch up. */
    private static String warmupNote(Object configured, Object actual) {
        if (!(configured instanceof Number c) || !(actual instanceof Number a)) {
            return "";
        }
        return a.doubleValue() > c.doubleValue() + 1.5 ? " (extended to " + Math.round(a.doubleValue()) + " s)" : "";
    }
}
