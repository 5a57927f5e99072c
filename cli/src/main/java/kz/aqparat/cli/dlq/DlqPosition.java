package kz.aqparat.cli.dlq;

/**
 * A dead letter's place in {@code articles.dlq}: {@code PARTITION:OFFSET} (as {@code dlq list} prints it), or just
 * {@code OFFSET} when the topic has one partition.
 */
public record DlqPosition(int partition, long offset) {

    public static DlqPosition parse(String text, int partitions) {
        String t = text.strip();
        int colon = t.indexOf(':');
        try {
            if (colon >= 0) {
                DlqPosition position = new DlqPosition(Integer.parseInt(t.substring(0, colon)),
                        Long.parseLong(t.substring(colon + 1)));
                if (position.partition() < 0 || position.partition() >= partitions || position.offset() < 0) {
                    throw new IllegalArgumentException("no position " + t + " in articles.dlq (partitions 0 to "
                            + (partitions - 1) + ")");
                }
                return position;
            }
            long offset = Long.parseLong(t);
            if (partitions != 1) {
                throw new IllegalArgumentException("articles.dlq has " + partitions
                        + " partitions: give PARTITION:OFFSET, as dlq list prints it");
            }
            return new DlqPosition(0, offset);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a position: '" + text + "' (PARTITION:OFFSET, e.g. 1:42)");
        }
    }

    @Override
    public String toString() {
        return partition + ":" + offset;
    }
}
