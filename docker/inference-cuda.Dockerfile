# syntax=docker/dockerfile:1.7
# Needs BuildKit (RUN --mount caches ~/.m2): `docker compose` and `docker build` use it by default; with the old
# docker-compose 1.x set DOCKER_BUILDKIT=1 COMPOSE_DOCKER_CLI_BUILD=1.
# Sonority inference-service on NVIDIA GPUs: built with -Pcuda (onnxruntime_gpu instead of onnxruntime).
# ONNX Runtime 1.29's GPU jar is built against CUDA 12.x and cuDNN 9.x, hence the CUDA 12 + cuDNN runtime base.
# The host needs the NVIDIA driver and the NVIDIA Container Toolkit; compose reserves the GPU (profile cuda).
# Build from the repository root:  docker build -f docker/inference-cuda.Dockerfile -t sonority/inference:cuda .
# The GPU jar is about 613 MB, so the first build downloads a lot; the Maven cache mount keeps it afterwards.
ARG CUDA_IMAGE=nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04

# ---- build ----
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -Pcuda -pl inference-service -am -DskipTests package \
 && cp inference-service/target/inference-service-0.1.0-SNAPSHOT.jar /app.jar

# The Temurin 25 JRE, copied into the CUDA image below.
FROM eclipse-temurin:25-jre AS jre

# ---- run ----
FROM ${CUDA_IMAGE}
ENV JAVA_HOME=/opt/java/openjdk
ENV PATH="${JAVA_HOME}/bin:${PATH}"
COPY --from=jre /opt/java/openjdk /opt/java/openjdk
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 sonority \
 && useradd --system --uid 10001 --gid sonority --create-home --home-dir /home/sonority --shell /usr/sbin/nologin sonority \
 && mkdir -p /models \
 && chown sonority:sonority /models \
 && java -version
WORKDIR /app
COPY --from=build /app.jar /app/app.jar

# NVIDIA_* tell the container toolkit which devices and driver parts to expose.
ENV INFERENCE_PORT=8001 \
    INFERENCE_PROVIDER=cuda \
    MODELS_DIR=/models \
    MODELS_PRELOAD="" \
    LOG_FORMAT=json \
    NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"

USER sonority:sonority
EXPOSE 8001
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
  CMD curl -fsS "http://127.0.0.1:${INFERENCE_PORT}/actuator/health/readiness" >/dev/null || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar \"$@\"", "sonority-inference"]
