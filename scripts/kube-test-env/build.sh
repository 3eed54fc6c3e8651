#!/usr/bin/env bash
# Yields the kube-apiserver and etcd binaries that the end-to-end tests run against.
#
# Why this way: no package ships kube-apiserver here and the Go module proxy is not reachable, so we build
# Kubernetes 1.20.2 from Debian's own `kubernetes` source package (it carries a full vendor/ tree) with
# Debian's Go 1.15, and take etcd 3.4 from Debian's etcd-server package. Go 1.15 matters: built with
# Go >= 1.18 the vendored reflect2 crashes the server the first time a custom object is created.
#
# Nothing is installed system-wide: apt runs with a private configuration under the cache directory and
# packages are unpacked with dpkg-deb. The result is cached; a second run is a no-op.
# Output: $KUBE_DIR/bin/{kube-apiserver,etcd}, KUBE_DIR defaulting to ${XDG_CACHE_HOME:-~/.cache}/kube-apiserver-1.20.
# Takes about 6 minutes on 2 cores and about 3 GB of disk.
set -euo pipefail

root=${KUBE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kube-apiserver-1.20}
bin=$root/bin

if [ -x "$bin/kube-apiserver" ] && [ -x "$bin/etcd" ]; then
  echo "kube-apiserver and etcd already built in $bin"
  exit 0
fi

k8s_source_version=1.20.5+really1.20.2-1.1+deb12u1
k8s_tree=kubernetes-1.20.2
apt_dir=$root/apt
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/etc" \
  "$root/debs" "$root/root" "$root/go115" "$root/src" "$bin" "$root/home"

# --- a private apt: bookworm for etcd and the kubernetes sources, bullseye for Go 1.15 ---
cat > "$apt_dir/etc/sources.list" <<SOURCES
deb http://deb.debian.org/debian bookworm main
deb-src http://deb.debian.org/debian bookworm main
deb http://deb.debian.org/debian bullseye main
SOURCES
cat > "$apt_dir/apt.conf" <<CONF
Dir::Etc::SourceList "$apt_dir/etc/sources.list";
Dir::Etc::SourceParts "/nonexistent";
Dir::State::Lists "$apt_dir/lists";
Dir::Cache "$apt_dir/cache";
CONF
export APT_CONFIG=$apt_dir/apt.conf

echo "fetching Debian package lists"
apt-get update -qq

echo "downloading etcd-server, rsync (the Kubernetes build needs it) and golang-1.15"
(cd "$root/debs" && apt-get download -qq \
  etcd-server/bookworm rsync/bookworm libpopt0/bookworm golang-1.15-go/bullseye golang-1.15-src/bullseye)
for deb in "$root"/debs/etcd-server_*.deb "$root"/debs/rsync_*.deb "$root"/debs/libpopt0_*.deb; do
  dpkg-deb -x "$deb" "$root/root"
done
for deb in "$root"/debs/golang-1.15-*.deb; do
  dpkg-deb -x "$deb" "$root/go115"
done

# rsync is unpacked, not installed: point it at its unpacked libpopt.
cat > "$bin/rsync" <<WRAPPER
#!/bin/sh
LD_LIBRARY_PATH=$root/root/usr/lib/x86_64-linux-gnu exec $root/root/usr/bin/rsync "\$@"
WRAPPER
chmod +x "$bin/rsync"

echo "downloading the kubernetes $k8s_source_version source package"
cd "$root/src"
[ -d "$k8s_tree" ] || {
  apt-get source -qq --download-only "kubernetes=$k8s_source_version"
  tar xzf kubernetes_1.20.5+really1.20.2.orig.tar.gz
}
cd "$k8s_tree"

echo "building kube-apiserver with Go 1.15 (log: $root/build.log)"
export GOROOT=$root/go115/usr/lib/go-1.15
export PATH=$bin:$GOROOT/bin:$PATH
export GOCACHE=$root/gocache GOPATH=$PWD/.go HOME=$root/home GOPROXY=off GOFLAGS=-mod=vendor CGO_ENABLED=0
mkdir -p .go/src/k8s.io
ln -sfn ../../.. .go/src/k8s.io/kubernetes
if ! make WHAT=cmd/kube-apiserver >"$root/build.log" 2>&1; then
  tail -30 "$root/build.log"
  exit 1
fi

cp _output/bin/kube-apiserver "$bin/kube-apiserver.tmp"
mv "$bin/kube-apiserver.tmp" "$bin/kube-apiserver"
ln -sfn "$root/root/usr/bin/etcd" "$bin/etcd"
"$bin/kube-apiserver" --version
echo "kube-apiserver and etcd are in $bin"
