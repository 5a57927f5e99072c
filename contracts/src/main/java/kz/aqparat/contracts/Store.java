package kz.aqparat.contracts;

/** A Kafka Streams state store with the types of its keys and values. */
public record Store<K, V>(String name, Class<K> keyType, Class<V> valueType) {
    @Override
    public String toString() {
        return name;
    }
}
