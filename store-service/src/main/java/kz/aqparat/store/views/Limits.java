package kz.aqparat.store.views;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

/** The {@code limit} query parameter: how many rows a list answer has at most. */
public final class Limits {

    public static final int DEFAULT = 20;
    public static final int MAX = 1000;

    private Limits() {
    }

    public static int check(Integer limit) {
        if (limit == null) {
            return DEFAULT;
        }
        if (limit < 1 || limit > MAX) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX + ", was "
                    + limit);
        }
        return limit;
    }
}
