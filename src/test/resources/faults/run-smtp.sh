#!/bin/bash
# SMTP sink on 127.0.0.1:$SMTP_PORT -> $FAULTS_DIR/smtp.log (python3.11's smtpd DebuggingServer; gone in 3.12)
source "$(dirname "$0")/env.sh"
nohup python3 -u -m smtpd -n -c DebuggingServer "127.0.0.1:$SMTP_PORT" >> "$FAULTS_DIR/smtp.log" 2>&1 &
echo $! > "$FAULTS_DIR/smtp.pid"
