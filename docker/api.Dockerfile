# syntax=docker/dockerfile:1.7
# Needs BuildKit (RUN --mount caches ~/.m2): `docker compose` and `docker build` use it by default; with the old
# docker-compose 1.x set DOCKER_BUILDKIT=1 COMPOSE_DOCKER_CLI_BUILD=1.
# Sonority api-service: the public REST API (Lainbow-compatible /api/v1/..., OpenAPI, web UI).
# Build from the repository root:  docker build -f docker/api.Dockerfile -t sonority/api .
# Images are linux/amd64 only: the FFmpeg natives are resolved for linux-x86_64 (javacpp.platform).

# ---- build: the Maven wrapper on a JDK 25 (./mvnw keeps JAVA_HOME=/opt/java/openjdk, which is 25) ----
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
# The whole tree: Maven reads every module's pom even for -pl; .dockerignore keeps target/, .git and weights out.
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl api-service -am -DskipTests package \
 && cp api-service/target/api-service-0.1.0-SNAPSHOT.jar /app.jar

# ---- run: JRE 25, non-root ----
FROM eclipse-temurin:25-jre
# curl is used by HEALTHCHECK only (installed explicitly: the base image does not promise it). OpenBLAS is Smile's
# linear algebra (artist mixtures, alchemy's projection), which opens it as libopenblas.so: the runtime library and
# that link, not the -dev package.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl libopenblas0 \
 && ln -s "$(find /usr/lib -name 'libopenblas.so.0' | head -n 1)" /usr/lib/x86_64-linux-gnu/libopenblas.so \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 sonority \
 && useradd --system --uid 10001 --gid sonority --create-home --home-dir /home/sonority --shell /usr/sbin/nologin sonority
WORKDIR /app
COPY --from=build /app.jar /app/app.jar

ENV API_PORT=8000 \
    DATABASE_URL=jdbc:postgresql://postgres:5432/sonority \
    DATABASE_USERNAME=sonority \
    RABBITMQ_URL=amqp://guest:guest@rabbitmq:5672 \
    SONORITY_QUEUE_PREFIX=sonority \
    INFERENCE_URL=http://inference:8001 \
    QDRANT_URL="" \
    LOG_FORMAT=json \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError --add-modules jdk.incubator.vector"

USER sonority:sonority
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
  CMD curl -fsS "http://127.0.0.1:${API_PORT}/actuator/health" >/dev/null || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar \"$@\"", "sonority-api"]
