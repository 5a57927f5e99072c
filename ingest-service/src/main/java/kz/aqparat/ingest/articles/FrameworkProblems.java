package kz.aqparat.ingest.articles;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.problem.ProblemErrorResponseProcessor;
import io.micronaut.problem.conf.ProblemConfiguration;
import io.micronaut.problem.HttpStatusType;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.stream.Collectors;
import org.zalando.problem.Problem;
import org.zalando.problem.ThrowableProblem;

/**
 * Problem bodies for the errors Micronaut itself answers (415 for a content type no route consumes, 413 above
 * {@code micronaut.server.max-request-size}, 404, 405): with a title and the framework's message as detail, and
 * counted as rejected when they concern the articles API.
 */
@Singleton
@Replaces(ProblemErrorResponseProcessor.class)
public class FrameworkProblems extends ProblemErrorResponseProcessor {

    private final IngestMetrics metrics;

    public FrameworkProblems(ProblemConfiguration config, IngestMetrics metrics) {
        super(config);
        this.metrics = metrics;
    }

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        if (response.getStatus().getCode() >= 400 && response.getStatus().getCode() < 500
                && context.getRequest().getPath().startsWith("/api/articles")) {
            metrics.rejected();
        }
        return super.processResponse(context, response);
    }

    @Override
    protected ThrowableProblem defaultProblem(ErrorContext context, HttpStatus status) {
        String detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        return Problem.builder()
                .withType(Problems.type(status.name().toLowerCase(Locale.ROOT).replace('_', '-')))
                .withTitle(status.getReason())
                .withStatus(new HttpStatusType(status))
                .withDetail(detail.isEmpty() ? null : detail)
                .build();
    }
}
