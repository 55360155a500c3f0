#!/bin/bash
nohup python3 -u -m smtpd -n -c DebuggingServer 127.0.0.1:2525 >> /tmp/faults/smtp.log 2>&1 &
echo $! > /tmp/faults/smtp.pid
