package kz.aqparat.contracts;

public enum EntityType {
    PERSON,
    ORGANIZATION,
    LOCATION
}
