package kz.aqparat.store.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * 503 while a store cannot be read: the application is starting, rebalancing or restoring, or the store moved to
 * another instance in the middle of a query. Asking again shortly helps.
 */
@Singleton
@Produces
public class StoreUnavailableHandler implements ExceptionHandler<InvalidStateStoreException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> errors;

    public StoreUnavailableHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, InvalidStateStoreException exception) {
        return errors.processResponse(ErrorContext.builder(request)
                        .cause(exception)
                        .errorMessage("the views cannot be read now, try again shortly: " + exception.getMessage())
                        .build(),
                HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1"));
    }
}
