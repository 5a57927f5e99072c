package kz.aqparat.contracts;

/** A Kafka topic with the types of its keys and values. */
public record Topic<K, V>(String name, Class<K> keyType, Class<V> valueType) {
    @Override
    public String toString() {
        return name;
    }
}
