# syntax=docker/dockerfile:1.7
# Needs BuildKit (RUN --mount caches ~/.m2): `docker compose` and `docker build` use it by default; with the old
# docker-compose 1.x set DOCKER_BUILDKIT=1 COMPOSE_DOCKER_CLI_BUILD=1.
# Sonority inference-service on AMD GPUs (ROCm base image; compose passes /dev/kfd and /dev/dri, profile rocm).
#
# IMPORTANT: ONNX Runtime publishes NO ROCm build of its Java artifact on Maven Central (only onnxruntime for
# CPU and onnxruntime_gpu for CUDA). This image therefore ships the CPU jar, and inference runs on the CPU
# until the operator supplies a ROCm-enabled ONNX Runtime:
#   1. build ONNX Runtime 1.29 from source with the Java bindings and the AMD execution provider, against the
#      ROCm version of this base image, e.g.  ./build.sh --config Release --build_shared_lib --build_java
#      --use_migraphx (or --use_rocm where that release still has the ROCm provider) --rocm_home /opt/rocm
#   2. put the resulting native libraries (libonnxruntime.so, libonnxruntime4j_jni.so and
#      libonnxruntime_providers_*.so) into a folder and mount it at /opt/onnxruntime (read-only is fine);
#   3. set JAVA_OPTS="-Donnxruntime.native.path=/opt/onnxruntime ..." so ONNX Runtime's Java classes load
#      those libraries instead of the CPU ones bundled in the jar (the Java classes must be the same version).
# Check the startup log of the service for the execution provider ONNX Runtime actually selected.
ARG ROCM_IMAGE=rocm/dev-ubuntu-24.04:6.4.1

# ---- build ----
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl inference-service -am -DskipTests package \
 && cp inference-service/target/inference-service-0.1.0-SNAPSHOT.jar /app.jar

FROM eclipse-temurin:25-jre AS jre

# ---- run ----
FROM ${ROCM_IMAGE}
ENV JAVA_HOME=/opt/java/openjdk
ENV PATH="${JAVA_HOME}/bin:${PATH}"
COPY --from=jre /opt/java/openjdk /opt/java/openjdk
# The service user joins the video and render groups where the image has them; /dev/kfd and /dev/dri belong to
# them on most hosts (compose adds the video group with group_add as well, since host and image ids may differ).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 sonority \
 && useradd --system --uid 10001 --gid sonority --create-home --home-dir /home/sonority --shell /usr/sbin/nologin sonority \
 && (getent group video >/dev/null && usermod -aG video sonority || true) \
 && (getent group render >/dev/null && usermod -aG render sonority || true) \
 && mkdir -p /models /opt/onnxruntime \
 && chown sonority:sonority /models \
 && java -version
WORKDIR /app
COPY --from=build /app.jar /app/app.jar

ENV INFERENCE_PORT=8001 \
    INFERENCE_PROVIDER=rocm \
    MODELS_DIR=/models \
    MODELS_PRELOAD="" \
    LOG_FORMAT=json \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"

USER sonority:sonority
EXPOSE 8001
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
  CMD curl -fsS "http://127.0.0.1:${INFERENCE_PORT}/actuator/health/readiness" >/dev/null || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar \"$@\"", "sonority-inference"]
