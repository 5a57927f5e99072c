package kz.aqparat.ingest;

import io.micronaut.runtime.Micronaut;

public final class IngestApplication {

    private IngestApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(IngestApplication.class, args);
    }
}
