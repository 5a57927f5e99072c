/**
 * RFC 7807 problem bodies, one shape for every service: {@link kz.aqparat.service.problem.Problems} builds them,
 * {@link kz.aqparat.service.problem.ProblemResponseProcessor} gives Micronaut's own errors the same shape.
 */
package kz.aqparat.service.problem;
