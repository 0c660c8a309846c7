#!/bin/sh
# A Kafka broker from the trendwatch image, for the compose smoke test on machines that cannot pull apache/kafka:
# the image carries Kafka's broker (`trendwatch run` embeds one), so this runs kafka.Kafka from it. Like the
# official image's entry point, it turns every KAFKA_FOO_BAR variable into the setting foo.bar (KAFKA_*_OPTS
# excepted) and formats the log directory with CLUSTER_ID on first start: docker-compose.yml's Kafka settings
# are used as they are.
set -eu

config=/tmp/server.properties
: > "$config"
env | grep '^KAFKA_' | grep -v -E '^KAFKA_[A-Z0-9]*_?OPTS=' | while IFS='=' read -r name value; do
  printf '%s=%s\n' "$(printf '%s' "${name#KAFKA_}" | tr 'A-Z_' 'a-z.')" "$value" >> "$config"
done

classpath='/app/trendwatch.jar:/app/lib/*'
java -Xmx128m -cp "$classpath" kafka.tools.StorageTool format --cluster-id "$CLUSTER_ID" --config "$config" \
  --ignore-formatted
# KAFKA_HEAP_OPTS holds several options: split on purpose
# shellcheck disable=SC2086
exec java ${KAFKA_HEAP_OPTS:-} -cp "$classpath" kafka.Kafka "$config"
