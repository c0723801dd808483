#!/usr/bin/env bash
# Builds the containers target's base image (JRE 17 + iproute2 for tc netem) without any
# container registry: debootstrap from this machine's own Debian mirror, then docker import.
# Reuses the image when it exists (pass --rebuild to force). Usage: build-base-image.sh [TAG]
set -euo pipefail
tag="${1:-mrtck/base:17}"
if [ "${2:-}" != "--rebuild" ] && docker image inspect "$tag" >/dev/null 2>&1; then
  echo "base image $tag present, reused"; exit 0
fi
command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap; }

# The mirror this machine already uses (deb822 .sources or one-line .list), never a host name of ours.
mirror=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -1 || true)
[ -n "$mirror" ] || mirror=$(grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
  | awk '{print $2}' | grep -v security | head -1 || true)
[ -n "$mirror" ] || { echo "no Debian mirror found in /etc/apt/sources.list.d/* or /etc/apt/sources.list"; exit 1; }
suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")

rootfs=$(mktemp -d)
trap 'rm -rf "$rootfs"' EXIT
start=$(date +%s)
echo "debootstrap $suite from $mirror ..."
debootstrap --variant=minbase --include=openjdk-17-jre-headless,iproute2,procps "$suite" "$rootfs" "$mirror" >"$rootfs.log" 2>&1 \
  || { tail -20 "$rootfs.log"; exit 1; }
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
tar -C "$rootfs" -c . | docker import -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$tag" >/dev/null
echo "built base image $tag in $(( $(date +%s) - start )) s"
