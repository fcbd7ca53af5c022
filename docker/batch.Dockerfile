# syntax=docker/dockerfile:1.7
# Needs BuildKit (RUN --mount caches ~/.m2): `docker compose` and `docker build` use it by default; with the old
# docker-compose 1.x set DOCKER_BUILDKIT=1 COMPOSE_DOCKER_CLI_BUILD=1.
# Sonority batch-worker: RabbitMQ consumers for scan, vacuum, analyze, ... Reads the library under MUSIC_DIR
# (mount it read-only), decodes with the FFmpeg natives inside the jar, calls inference-service over HTTP.
# Build from the repository root:  docker build -f docker/batch.Dockerfile -t sonority/batch .
# Run as many as you like: docker compose -f docker-compose.batch.yaml up -d --scale batch-worker=4
# Images are linux/amd64 only: the FFmpeg natives are resolved for linux-x86_64 (javacpp.platform).

# ---- build ----
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl batch-worker -am -DskipTests package \
 && cp batch-worker/target/batch-worker-0.1.0-SNAPSHOT.jar /app.jar

# ---- run ----
FROM eclipse-temurin:25-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 sonority \
 && useradd --system --uid 10001 --gid sonority --create-home --home-dir /home/sonority --shell /usr/sbin/nologin sonority \
 && mkdir -p /music
WORKDIR /app
COPY --from=build /app.jar /app/app.jar

# JavaCPP unpacks the FFmpeg libraries into ~/.javacpp/cache, hence the real home directory above.
ENV WORKER_PORT=8002 \
    MUSIC_DIR=/music \
    DATABASE_URL=jdbc:postgresql://postgres:5432/sonority \
    DATABASE_USERNAME=sonority \
    RABBITMQ_URL=amqp://guest:guest@rabbitmq:5672 \
    SONORITY_QUEUE_PREFIX=sonority \
    INFERENCE_URL=http://inference:8001 \
    QDRANT_URL="" \
    WORKER_CONCURRENCY=2 \
    ANALYZE_BATCH_SIZE=8 \
    DECODE_TIMEOUT=120s \
    ANALYZE_MAX_DURATION=10m \
    TASK_HEARTBEAT=10s \
    TASK_STALE_AFTER=60s \
    LOG_FORMAT=json \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"

USER sonority:sonority
# Actuator only (health, metrics); the worker serves no public API.
EXPOSE 8002
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
  CMD curl -fsS "http://127.0.0.1:${WORKER_PORT}/actuator/health" >/dev/null || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar \"$@\"", "sonority-batch"]
