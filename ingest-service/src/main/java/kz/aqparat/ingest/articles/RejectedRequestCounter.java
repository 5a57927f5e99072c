package kz.aqparat.ingest.articles;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Counts every 4xx answer of the articles API as rejected, whoever answered it: the controller's own refusals and
 * Micronaut's (415 for a content type no route consumes, 413 above the server's request limit, 404, 405).
 * Rejected lines of a batch are counted by the controller, since the batch itself is answered 200.
 */
@ServerFilter({"/api/articles", "/api/articles/**"})
public class RejectedRequestCounter {

    private final IngestMetrics metrics;

    public RejectedRequestCounter(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    @ResponseFilter
    public void count(HttpResponse<?> response) {
        if (response.code() >= 400 && response.code() < 500) {
            metrics.rejected();
        }
    }
}
