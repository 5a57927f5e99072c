package kz.aqparat.ingest.articles;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code articleIds} in {@code /health}: UP once the id index holds everything {@code articles.raw} held when the
 * service started.
 */
@Singleton
public class ArticleIdViewHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final ArticleIdView view;

    public ArticleIdViewHealthIndicator(ArticleIdView view) {
        this.view = view;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ids", view.size());
        details.put("uncertainWrites", view.uncertainWrites());
        details.put("claimsInMemory", view.claimsInMemory());
        if (view.failure() != null) {
            healthStatus = HealthStatus.DOWN;
            details.put("error", view.failure().toString());
        } else {
            healthStatus = view.isReady() ? HealthStatus.UP : HealthStatus.DOWN;
            details.put("ready", view.isReady());
        }
        return details;
    }

    @Override
    protected String getName() {
        return "articleIds";
    }
}
