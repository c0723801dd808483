#!/bin/sh
# The workshop on one server: boot config, storage node, 1x1 deployment (template + sed),
# then the HTTP proxy in the foreground. A restarted container reuses its deployed store.
set -eu
kv() { java -Xmx384m -XX:+UseSerialGC -jar "$KVHOME/lib/kvstore.jar" "$@"; }
if [ ! -f "$KVROOT/.deployed" ]; then
  mkdir -p "$KVROOT"   # a real makebootconfig refuses a root that does not exist
  kv makebootconfig -root "$KVROOT" -port "$KVPORT" -host "$KVHOST" -harange 5010,5020 -store-security none -force
fi
kv start -root "$KVROOT" &
store=$!
trap 'kv stop -root "$KVROOT" || kill $store; exit 0' TERM INT
tries=0
until kv ping -host "$KVHOST" -port "$KVPORT" >/dev/null 2>&1; do
  tries=$((tries + 1))
  [ $tries -le 120 ] || { echo "store did not answer ping"; exit 1; }
  kill -0 $store 2>/dev/null || { echo "store exited"; exit 1; }
  sleep 0.5
done
if [ ! -f "$KVROOT/.deployed" ]; then
  cp /opt/mrtck/template_config1x1.kvs "/tmp/${KVSTORE}_config1x1.kvs"
  sed -i "s/<HERE>/$KVSTORE/g" "/tmp/${KVSTORE}_config1x1.kvs"
  sed -i "s/<HERE_HOST>/$KVHOST/g" "/tmp/${KVSTORE}_config1x1.kvs"
  kv runadmin -port "$KVPORT" -host "$KVHOST" load -file "/tmp/${KVSTORE}_config1x1.kvs"
  touch "$KVROOT/.deployed"
fi
java -Xmx256m -XX:+UseSerialGC -jar "$KVHOME/lib/httpproxy.jar" -storeName "$KVSTORE" -helperHosts "$KVHOST:$KVPORT" -httpPort "$HTTP_PORT" &
proxy=$!
echo "region $KVSTORE ready to deploy: store pid $store, proxy pid $proxy"
wait $proxy
