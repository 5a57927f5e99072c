package kz.aqparat.store.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import kz.aqparat.service.problem.Problems;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * 503 while a store cannot be read: the application is starting, rebalancing or restoring, or the store moved to
 * another instance in the middle of a query. Asking again shortly helps.
 */
@Singleton
@Produces
public class StoreUnavailableHandler implements ExceptionHandler<InvalidStateStoreException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, InvalidStateStoreException exception) {
        return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                        "the views cannot be read now, try again shortly: " + exception.getMessage())
                .header("Retry-After", "1");
    }
}
