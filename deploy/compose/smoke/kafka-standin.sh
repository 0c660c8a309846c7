#!/bin/sh
# A Kafka broker from the trendwatch image, for the compose smoke test on machines that cannot pull apache/kafka:
# the image carries Kafka's broker (`trendwatch run` embeds one; the app's Kafka version, not the image's), so
# this runs kafka.Kafka from it. Like the official image's entry point, it turns every KAFKA_FOO_BAR variable
# into the setting foo.bar (___ into -, __ into _), except the variables the image reads itself, and formats the
# log directory with CLUSTER_ID on first start: docker-compose.yml's Kafka settings are used as they are.
set -eu

config=/tmp/server.properties
: > "$config"
env | grep '^KAFKA_' \
  | grep -v -E '^KAFKA_(VERSION|HEAP_OPTS|LOG4J_OPTS|OPTS|JMX_OPTS|JVM_PERFORMANCE_OPTS|GC_LOG_OPTS|LOG4J_ROOT_LOGLEVEL|LOG4J_LOGGERS|TOOLS_LOG4J_LOGLEVEL|JMX_HOSTNAME)=' \
  | while IFS='=' read -r name value; do
      key="$(printf '%s' "${name#KAFKA_}" | tr 'A-Z_' 'a-z.' | sed 's/\.\.\./-/g; s/\.\./_/g')"
      printf '%s=%s\n' "$key" "$value" >> "$config"
    done

classpath='/app/trendwatch.jar:/app/lib/*'
java -Xmx128m -cp "$classpath" kafka.tools.StorageTool format --cluster-id "$CLUSTER_ID" --config "$config" \
  --ignore-formatted
# the options variables hold several options each: split on purpose
# shellcheck disable=SC2086
exec java ${KAFKA_HEAP_OPTS:--Xmx1G -Xms1G} ${KAFKA_JVM_PERFORMANCE_OPTS:-} ${KAFKA_OPTS:-} -cp "$classpath" \
  kafka.Kafka "$config"
