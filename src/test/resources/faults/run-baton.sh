#!/bin/bash
# Start Baton (external Zeebe, PostgreSQL, SMTP sink) in the background; log appended to $LOG.
LOG=${LOG:-/tmp/faults/baton.log}
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export CAMUNDA_CLIENT_MODE=self-managed CAMUNDA_CLIENT_GRPCADDRESS=http://127.0.0.1:26500 CAMUNDA_CLIENT_PREFERRESTOVERGRPC=false
export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/baton SPRING_DATASOURCE_USERNAME=baton SPRING_DATASOURCE_PASSWORD=baton
export BATON_DEMO_DATA_ENABLED=true SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=2525 PORT=8095
echo "=== start $(date -u +%FT%TZ)" >> "$LOG"
nohup $JAVA_HOME/bin/java -jar /tmp/baton-fault.jar >> "$LOG" 2>&1 &
echo $! > /tmp/faults/baton.pid
echo "baton pid $(cat /tmp/faults/baton.pid)"
for i in $(seq 1 120); do
  curl -sf -u ada:demo -o /dev/null http://127.0.0.1:8095/api/people/me && { echo "up after ${i}s"; exit 0; }
  sleep 1
done
echo "not up after 120s"; exit 1
