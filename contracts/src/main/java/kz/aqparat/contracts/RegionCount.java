package kz.aqparat.contracts;

/**
 * A row of the regions view: how many articles concern a region, and how often its locations are mentioned. Also
 * one article's contribution to that row. Keyed by region name.
 */
public record RegionCount(String region, long articleCount, long mentionCount) {
}
