package kz.aqparat.enrich;

import io.micronaut.runtime.Micronaut;

public final class EnrichApplication {

    private EnrichApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(EnrichApplication.class, args);
    }
}
