/**
 * What the three services do the same way, in one place: Kafka client configuration ({@code kafka.*} settings for
 * every client), topic creation and checks, the Kafka Streams health indicator, RFC 7807 problem bodies and the
 * authentication filter. Packages by feature: {@code kafka}, {@code health}, {@code problem}, {@code auth}.
 */
package kz.aqparat.service;
