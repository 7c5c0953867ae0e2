# HENK hub container image.
#   docker build -t henk-hub .        (docker-compose.yml does this for you)
# Stage 1 builds target/henk-hub.jar with Maven on JDK 17 (the project's bytecode level); stage 2 runs it on a
# Java 21 JRE so the hub serves HTTP on virtual threads.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# Dependencies first: this layer is reused as long as pom.xml does not change.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
COPY routes ./routes
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:21-jre
# A fixed, unprivileged account; uid 10001 stays clear of the base image's own users.
RUN groupadd --system --gid 10001 henk \
 && useradd --system --uid 10001 --gid henk --home-dir /app --no-create-home --shell /usr/sbin/nologin henk \
 && mkdir -p /app/data \
 && chown henk:henk /app/data
WORKDIR /app
COPY --from=build /build/target/henk-hub.jar /app/henk-hub.jar
# The jar carries every default (classpath application.yml) and its routes (classpath routes/). To override,
# mount a config/application.yml into /app/config/ or a folder of *.camel.yaml files onto /app/routes/
# (it wins over the jar's routes), or set environment variables.
# Generated keys (when HENK_JWT_SECRET is empty), .eml mail (when no SMTP host) and, without PostgreSQL,
# the embedded database live here.
ENV HENK_DATA_DIR=/app/data
VOLUME ["/app/data"]
USER henk
EXPOSE 8000
# The temurin image ships wget. Shell form so a changed SERVER_PORT is honoured. Readiness: the database answers
# and the routes are loaded and started; otherwise 503 and the container is unhealthy.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD wget -q -O /dev/null "http://127.0.0.1:${SERVER_PORT:-8000}/actuator/health/readiness" || exit 1
# Extra JVM flags: set JAVA_TOOL_OPTIONS (the JVM reads it itself).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/henk-hub.jar"]
