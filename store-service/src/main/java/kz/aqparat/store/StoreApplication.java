package kz.aqparat.store;

import io.micronaut.runtime.Micronaut;

public final class StoreApplication {

    private StoreApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(StoreApplication.class, args);
    }
}
