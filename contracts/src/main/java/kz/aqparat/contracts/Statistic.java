package kz.aqparat.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * A number an article reports: "более 400 сотрудников" is 400, MORE_THAN, "сотрудник", a COUNT. Dates, times of day,
 * durations ("в течение 15 лет"), ages ("в возрасте 67 лет"), ordinals, scores and address numbers are not
 * statistics and are not reported as such.
 *
 * @param value     the number, scaled ("5 тысяч" is 5000)
 * @param valueTo   upper bound of a range ("от 10 до 15"); null otherwise
 * @param unit      lemma of the counted noun, "%" for percentages; null if none
 * @param currency  ISO 4217 code for money ("KZT", "RUB", "USD"); null otherwise
 * @param kind      what the number measures; absent in records written before it existed, and then derived from
 *                  {@code currency} and {@code unit} (MONEY, PERCENT, else COUNT)
 */
public record Statistic(
        BigDecimal value,
        @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal valueTo,
        Qualifier qualifier,
        String unit,
        @JsonInclude(JsonInclude.Include.NON_NULL) String currency,
        Kind kind,
        String text,
        int start,
        int end) {

    /** What a statistic's number measures. */
    public enum Kind {
        /** A number of people or things: "400 сотрудников", "десятки людей", "трое погибших". */
        COUNT,
        /** An amount of money, with its {@link #currency()} where known: "1,5 млрд тенге", "$70 млн". */
        MONEY,
        /** A percentage: "52,1 %", "16 процентов". */
        PERCENT,
        /** An amount in a unit of measure: "50 км", "20 тонн", "30 градусов", "2 тыс. гектаров". */
        MEASURE
    }

    public Statistic {
        if (kind == null) {
            kind = currency != null ? Kind.MONEY : "%".equals(unit) ? Kind.PERCENT : Kind.COUNT;
        }
    }

    /** A statistic whose kind follows from its currency and unit (MONEY, PERCENT, else COUNT). */
    public Statistic(BigDecimal value, BigDecimal valueTo, Qualifier qualifier, String unit, String currency,
            String text, int start, int end) {
        this(value, valueTo, qualifier, unit, currency, null, text, start, end);
    }
}
