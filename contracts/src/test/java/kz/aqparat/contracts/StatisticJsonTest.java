package kz.aqparat.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A statistic's JSON says its kind, and records written before the kind existed still read, with it derived. */
class StatisticJsonTest {

    @Test
    void theKindIsWritten() throws Exception {
        Statistic s = new Statistic(new BigDecimal("20"), null, Qualifier.ABOUT, "тонна", null,
                Statistic.Kind.MEASURE, "около 20 тонн", 0, 13);
        JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(s));
        assertEquals("MEASURE", json.get("kind").asText());
        assertEquals(s, Json.mapper().treeToValue(json, Statistic.class));
    }

    @Test
    void oldRecordsWithoutAKindReadWithTheKindTheirCurrencyAndUnitGive() throws Exception {
        assertEquals(Statistic.Kind.MONEY, read("{\"value\":5,\"qualifier\":\"EXACT\",\"unit\":\"тенге\","
                + "\"currency\":\"KZT\",\"text\":\"5 тенге\",\"start\":0,\"end\":7}").kind());
        assertEquals(Statistic.Kind.PERCENT, read("{\"value\":5,\"qualifier\":\"EXACT\",\"unit\":\"%\","
                + "\"text\":\"5 %\",\"start\":0,\"end\":3}").kind());
        assertEquals(Statistic.Kind.COUNT, read("{\"value\":400,\"qualifier\":\"MORE_THAN\",\"unit\":\"сотрудник\","
                + "\"text\":\"более 400 сотрудников\",\"start\":0,\"end\":21}").kind());
    }

    private static Statistic read(String json) throws Exception {
        return Json.mapper().readValue(json, Statistic.class);
    }
}
