#!/usr/bin/env bash
# Makes the self-signed key store Tributary's RTSPS port and WildFly's HTTPS listener share, for trying TLS
# out: $1 the key store file (PKCS#12), $2 its password. An existing file is kept, so a real certificate put
# there (docs/OPERATIONS.md, TLS) survives a rebuild. Needs only the JDK's keytool: works offline.
set -euo pipefail
store=${1:?usage: make-tls-keystore.sh KEYSTORE PASSWORD}
password=${2:?usage: make-tls-keystore.sh KEYSTORE PASSWORD}
if [ -s "$store" ]; then
    exit 0
fi
keytool=keytool
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/keytool" ]; then
    keytool=$JAVA_HOME/bin/keytool
fi
mkdir -p "$(dirname "$store")"
"$keytool" -genkeypair -alias tributary -keyalg RSA -keysize 2048 -validity 825 \
    -dname "CN=localhost, O=Tributary self-signed" -ext "SAN=dns:localhost,ip:127.0.0.1" \
    -storetype PKCS12 -keystore "$store" -storepass "$password" -keypass "$password" >/dev/null 2>&1
echo "[tls] made a self-signed certificate for localhost in $store (replace it for production: docs/OPERATIONS.md)"
