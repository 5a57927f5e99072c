package kz.aqparat.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * A numeric count reported by an article: "более 400 сотрудников" is 400, MORE_THAN, "сотрудник".
 *
 * @param value     the number, scaled ("5 тысяч" is 5000)
 * @param valueTo   upper bound of a range ("от 10 до 15"); null otherwise
 * @param unit      lemma of the counted noun, "%" for percentages; null if none
 * @param currency  ISO 4217 code for money ("KZT", "RUB", "USD"); null otherwise
 */
public record Statistic(
        BigDecimal value,
        @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal valueTo,
        Qualifier qualifier,
        String unit,
        @JsonInclude(JsonInclude.Include.NON_NULL) String currency,
        String text,
        int start,
        int end) {
}
