#!/bin/sh
# Check that the build is reproducible: build this commit twice with build_spec/build.sh and compare the file
# lists (they must be equal) and the bytes of every file and archive (reported).
set -eu
cd "$(dirname "$0")/.."
fingerprint() {
    VERSION=$(.venv/bin/python -c 'from desktop import __version__; print(__version__)')
    cp "dist/reply-ledger-$VERSION.files" "build/reproducible/$1.files"
    (cd dist && find "reply-ledger-$VERSION" -type f -exec sha256sum {} + | sort -k2 &&
        sha256sum reply-ledger-"$VERSION"-linux-*.tar.gz reply-ledger_"$VERSION"_*.deb) > "build/reproducible/$1.sha256"
}
mkdir -p build/reproducible
sh build_spec/build.sh && fingerprint first
sh build_spec/build.sh && fingerprint second
if ! diff build/reproducible/first.files build/reproducible/second.files; then
    echo "not reproducible: the two builds have different file lists" >&2
    exit 1
fi
echo "same file list: $(wc -l < build/reproducible/first.files) entries"
if diff build/reproducible/first.sha256 build/reproducible/second.sha256; then
    echo "same bytes: every file, the .tar.gz and the .deb"
else
    echo "the files above differ in content between the two builds" >&2
    exit 1
fi
