package kz.aqparat.cli.dlq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DlqArgumentsTest {

    @Test
    void aPositionIsPartitionAndOffsetOrAnOffsetOnOnePartition() {
        assertEquals(new DlqPosition(1, 42), DlqPosition.parse("1:42", 3));
        assertEquals(new DlqPosition(0, 42), DlqPosition.parse("42", 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DlqPosition.parse("42", 3)).getMessage()
                .contains("PARTITION:OFFSET"));
        assertThrows(IllegalArgumentException.class, () -> DlqPosition.parse("3:1", 3));
        assertThrows(IllegalArgumentException.class, () -> DlqPosition.parse("a:b", 3));
    }

    @Test
    void messagesAreGroupedByTheirFirstLineWithoutNumbers() {
        assertEquals("Unexpected character at line #, column #",
                DlqGroups.messageKey("Unexpected character at line 3, column 17\n at [Source: ...]"));
        assertEquals("", DlqGroups.messageKey(null));
        String cut = DlqGroups.messageKey("x".repeat(100));
        assertEquals(DlqGroups.MESSAGE_CHARS + 1, cut.length());
        assertTrue(cut.endsWith("…"));
    }
}
