# syntax=docker/dockerfile:1.7
# Needs BuildKit (RUN --mount caches ~/.m2): `docker compose` and `docker build` use it by default; with the old
# docker-compose 1.x set DOCKER_BUILDKIT=1 COMPOSE_DOCKER_CLI_BUILD=1.
# Sonority inference-service on CPU (ONNX Runtime's CPU build). Needs neither PostgreSQL nor RabbitMQ.
# Build from the repository root:  docker build -f docker/inference-cpu.Dockerfile -t sonority/inference:cpu .
# Model files go into the /models volume (MODELS_DIR); models/manifest.json is also inside the jar.

# ---- build ----
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl inference-service -am -DskipTests package \
 && cp inference-service/target/inference-service-0.1.0-SNAPSHOT.jar /app.jar

# ---- run ----
FROM eclipse-temurin:25-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 sonority \
 && useradd --system --uid 10001 --gid sonority --create-home --home-dir /home/sonority --shell /usr/sbin/nologin sonority \
 && mkdir -p /models \
 && chown sonority:sonority /models
WORKDIR /app
COPY --from=build /app.jar /app/app.jar

# /models is owned by the service user, so an empty named volume mounted there is writable (model downloads).
ENV INFERENCE_PORT=8001 \
    INFERENCE_PROVIDER=cpu \
    MODELS_DIR=/models \
    MODELS_PRELOAD="" \
    LOG_FORMAT=json \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"

USER sonority:sonority
EXPOSE 8001
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD curl -fsS "http://127.0.0.1:${INFERENCE_PORT}/actuator/health/readiness" >/dev/null || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar \"$@\"", "sonority-inference"]
