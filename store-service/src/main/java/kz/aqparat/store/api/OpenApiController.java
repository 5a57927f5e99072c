package kz.aqparat.store.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The OpenAPI description of store-service's HTTP API, as written by hand in {@code openapi.yaml}. */
@Controller
public class OpenApiController {

    private final byte[] description;

    public OpenApiController() {
        try (InputStream in = OpenApiController.class.getResourceAsStream("/openapi.yaml")) {
            this.description = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/openapi.yaml")
    public HttpResponse<byte[]> openApi() {
        return HttpResponse.ok(description).contentType("application/yaml;charset=utf-8");
    }
}
