package kz.aqparat.store.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import kz.aqparat.contracts.Json;

/**
 * {@code GET /api/status}: the figures of {@code ./pipeline status --json} without the services' health (the
 * broker, topics, consumer groups' lag, freshness, dead letters, replays), for the dashboard's status strip. A read
 * like the views (open unless read keys are configured).
 */
@Controller("/api/status")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StatusController {

    private final PipelineStatusCache status;

    public StatusController(PipelineStatusCache status) {
        this.status = status;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> status() throws JsonProcessingException {
        return HttpResponse.ok(Json.mapper().writeValueAsString(status.current()))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
