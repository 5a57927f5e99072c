package kz.aqparat.service.problem;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;

/**
 * The body of every error Micronaut answers itself (404, 405 with its {@code Allow} header, 413 above
 * {@code micronaut.server.max-request-size}, 415, 400 for a parameter that does not convert, 500, and whatever
 * an {@code ExceptionHandler} passes through the error processor) as a {@link Problem}, whatever the request's
 * {@code Accept}: Micronaut's default would answer an HTML page to a browser and its own JSON shape otherwise.
 */
// Micronaut's default processor is only created when no other ErrorResponseProcessor bean exists.
@Singleton
public class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<Problem>) response;
        }
        HttpStatus status = response.getStatus();
        String detail = status == HttpStatus.INTERNAL_SERVER_ERROR
                // An unexpected exception's message is for the log, not for clients.
                ? "the service failed to answer; see its log"
                : context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        return ((MutableHttpResponse<Problem>) response)
                .contentType(Problems.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, Problems.kindOf(status), detail));
    }
}
