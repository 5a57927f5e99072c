package kz.aqparat.service.problem;

import java.net.URI;

/**
 * One RFC 7807 problem, the body of every error answer of every service ({@code application/problem+json}). All
 * four fields are always present.
 *
 * @param type   {@code https://aqparat.kz/problems/<kind>}, e.g. {@code .../invalid-json}; stable, for programs
 * @param title  the HTTP reason phrase of {@code status}, e.g. "Bad Request"
 * @param status the HTTP status code, the same as the answer's
 * @param detail what went wrong and what to fix, for people
 */
public record Problem(URI type, String title, int status, String detail) {
}
