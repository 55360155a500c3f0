#!/bin/bash
# Start Baton (the separate engine, PostgreSQL, the SMTP sink) in the background from $BATON_JAR;
# log appended to $FAULTS_DIR/baton.log, pid in $FAULTS_DIR/baton.pid.
# INSTANCE=b (with BATON_PORT/BATON_URL of its own): a second instance, files baton-b.log / baton-b.pid.
source "$(dirname "$0")/env.sh"
name=baton${INSTANCE:+-$INSTANCE}
[ -f "$BATON_JAR" ] || { echo "no $BATON_JAR: ./mvnw -B package -DskipTests && cp target/baton-*-SNAPSHOT.jar $BATON_JAR" >&2; exit 1; }
[ -x "${JAVA_HOME:-}/bin/java" ] || { echo "set JAVA_HOME to a JDK 21+" >&2; exit 1; }
export CAMUNDA_CLIENT_MODE=self-managed CAMUNDA_CLIENT_GRPCADDRESS=http://127.0.0.1:$ENGINE_PORT CAMUNDA_CLIENT_PREFERRESTOVERGRPC=false
export SPRING_DATASOURCE_URL=jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB SPRING_DATASOURCE_USERNAME=baton SPRING_DATASOURCE_PASSWORD=$PGPASSWORD
export BATON_DEMO_DATA_ENABLED=true SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=$SMTP_PORT PORT=$BATON_PORT
# the driver signs in with Basic on every request, thousands of times: no throttle for these runs
export BATON_SIGN_IN_MAX_FAILURES_PER_USER=1000000 BATON_SIGN_IN_MAX_FAILURES_PER_ADDRESS=1000000
echo "=== start $(ts)" >> "$FAULTS_DIR/$name.log"
nohup "$JAVA_HOME/bin/java" -jar "$BATON_JAR" >> "$FAULTS_DIR/$name.log" 2>&1 &
echo $! > "$FAULTS_DIR/$name.pid"
echo "$name pid $(cat "$FAULTS_DIR/$name.pid")"
# seconds by the clock ($SECONDS), not by turns of the loop: on a loaded machine a turn takes longer than 1 s.
# BATON_START_WAIT: how long to wait; at load 30 on 2 cores (session 47) a start took 10 min 19 s
wait_s=${BATON_START_WAIT:-1200}
SECONDS=0
while [ $SECONDS -lt "$wait_s" ]; do
  # readiness asks nobody to sign in (a sign-in before the demo people exist would count as failed)
  curl -sf -o /dev/null "$BATON_URL/actuator/health/readiness" && { echo "$(ts) up after ${SECONDS}s"; exit 0; }
  sleep 1
done
echo "not up after ${wait_s}s (BATON_START_WAIT)"; exit 1
