# One image per service, from the service's shaded jar. Build the jars first:
#   mvn -B -DskipTests package
# then: docker compose up --build   (compose passes MODULE; see docs/compose.md)
FROM eclipse-temurin:17-jre

# curl for the compose health checks; the base image does not promise to ship it.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app aqparat \
 && mkdir -p /app /var/lib/aqparat/streams \
 && chown -R aqparat /app /var/lib/aqparat

# Declared after the shared layer above so that the three images share it.
ARG MODULE
RUN test -n "$MODULE" || (echo "build with --build-arg MODULE=<service module>" && false)
COPY ${MODULE}/target/${MODULE}-all.jar /app/service.jar

USER aqparat
WORKDIR /app
# /var/lib/aqparat/streams exists, owned by aqparat, so that a named volume mounted there (Streams state, see
# docker-compose.yml) starts writable: Docker copies the image directory's ownership into a new volume.
# The JVM's default heap is a quarter of the container's memory; the services hold little else.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
