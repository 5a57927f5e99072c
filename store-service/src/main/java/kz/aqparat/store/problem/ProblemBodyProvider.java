package kz.aqparat.store.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Every error answer is an RFC 7807 problem body ({@code application/problem+json}). */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Map<String, Object>> {

    public static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public Map<String, Object> body(ErrorContext context, HttpResponse<?> response) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", response.reason());
        problem.put("status", response.code());
        if (context.hasErrors()) {
            problem.put("detail", context.getErrors().stream().map(Error::getMessage)
                    .collect(Collectors.joining("; ")));
        }
        problem.put("instance", context.getRequest().getPath());
        return problem;
    }

    @Override
    public String contentType() {
        return PROBLEM_JSON;
    }
}
