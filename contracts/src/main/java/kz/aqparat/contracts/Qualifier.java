package kz.aqparat.contracts;

/** How a statistic's value relates to the true count: "более 400" is MORE_THAN 400. */
public enum Qualifier {
    EXACT,
    ABOUT,
    MORE_THAN,
    LESS_THAN,
    AT_LEAST,
    AT_MOST
}
