# The trendwatch image: one image for every stage, the subcommand picks the stage.
#
#   docker build -t trendwatch .
#   docker run --rm trendwatch label --help
#   docker run --rm trendwatch classify --bootstrap-servers broker:9092 --data-dir /app/data
#
# docker-compose.yml builds it with the ingest service; classify and publish run the same image.

# The base images, replaceable where Docker Hub is out of reach (a mirror, or deploy/docker/debian-base-images):
#   docker build --build-arg BUILD_IMAGE=… --build-arg RUNTIME_IMAGE=… -t trendwatch .
# (docker-compose.yml passes $TRENDWATCH_BUILD_IMAGE and $TRENDWATCH_RUNTIME_IMAGE when set). The build image needs
# Maven and a JDK 17 on the PATH, the runtime image a JRE 17 (java on the PATH), curl, groupadd and useradd.
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

# ---- build: the runnable jar and its dependencies --------------------------------------------------------------
FROM ${BUILD_IMAGE} AS build
WORKDIR /build

# The poms (and the checkstyle config the build validates against) first: building the modules with no sources
# downloads every plugin and dependency the package phase needs, into a layer that only changes with a pom.
# bench/ is a module of the parent pom, so its pom must be here, but it is not built (-pl app -am).
COPY pom.xml ./
COPY config/ config/
COPY model/pom.xml model/
COPY ingest/pom.xml ingest/
COPY classify/pom.xml classify/
COPY publish/pom.xml publish/
COPY app/pom.xml app/
COPY bench/pom.xml bench/
RUN mvn -B -q -pl app -am -DskipTests package && rm -rf model/target ingest/target classify/target publish/target app/target

# Then the sources, built offline from the layer above.
COPY model/src/ model/src/
COPY ingest/src/ ingest/src/
COPY classify/src/ classify/src/
COPY publish/src/ publish/src/
COPY app/src/ app/src/
RUN mvn -B -q -o -pl app -am -DskipTests package

# ---- runtime ----------------------------------------------------------------------------------------------------
FROM ${RUNTIME_IMAGE}

# A non-root user that owns only the data directory (Kafka Streams state, ingest's inbox).
RUN groupadd --system --gid 10001 trendwatch \
    && useradd --system --uid 10001 --gid trendwatch --home-dir /app --no-create-home --shell /usr/sbin/nologin trendwatch \
    && mkdir -p /app/data \
    && chown trendwatch:trendwatch /app/data

WORKDIR /app
# The jar's manifest classpath is lib/…: the jar and lib/ stay side by side.
COPY --from=build /build/app/target/lib/ /app/lib/
COPY --from=build /build/app/target/trendwatch.jar /app/trendwatch.jar
# --seeds defaults to "seeds" (relative to WORKDIR): the seed article and the default sources file.
COPY seeds/ /app/seeds/

USER trendwatch
# A volume mounted here starts with the image's (empty, trendwatch-owned) /app/data.
VOLUME ["/app/data"]
# The HTTP server of every stage (/metrics, /health; publish adds the dashboard and /api, ingest its submit
# endpoint); --port changes it.
EXPOSE 8080

# /health answers 200 when every stage of the process runs; every stage serves it on --port (8080 by default): a
# container started with another --port must override this check. curl is part of the eclipse-temurin base image.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS -o /dev/null http://localhost:8080/health || exit 1

ENTRYPOINT ["java", "-jar", "/app/trendwatch.jar"]
CMD ["--help"]
