#!/usr/bin/env python3
"""Packs scikit-learn's copy of the UCI handwritten digits into src/core/digits/digits.bin.

The source is `sklearn/datasets/data/digits.csv.gz` from scikit-learn's wheel on PyPI: 1,797
rows of 64 pixels (8×8, row by row, each 0–16) and a label (0–9). A pixel has 17 levels, one
too many for 4 bits, so every value (the 64 pixels, then the label) takes 5 bits, packed
least significant bit first: 65 × 5 = 325 bits, 41 bytes an image, 73,677 bytes in all.
`src/core/digits.rs` decodes it.

    pip download --no-deps scikit-learn -d /tmp/sk
    unzip -j /tmp/sk/scikit_learn-*.whl sklearn/datasets/data/digits.csv.gz -d /tmp/sk
    python3 src/core/digits/pack_digits.py /tmp/sk/digits.csv.gz src/core/digits/digits.bin
"""
import gzip
import sys

PIXELS, BITS, BYTES = 64, 5, 41


def pack(values):
    acc = 0
    for i, v in enumerate(values):
        if not 0 <= v < 1 << BITS:
            raise ValueError(f"value {v} does not fit {BITS} bits")
        acc |= v << (i * BITS)
    return acc.to_bytes(BYTES, "little")


def main(src, dst):
    out = bytearray()
    with gzip.open(src, "rt") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            row = [int(v) for v in line.split(",")]
            if len(row) != PIXELS + 1 or not all(0 <= v <= 16 for v in row[:PIXELS]):
                raise ValueError(f"bad row: {line}")
            if not 0 <= row[PIXELS] <= 9:
                raise ValueError(f"bad label: {line}")
            out += pack(row)
    with open(dst, "wb") as f:
        f.write(out)
    print(f"{len(out) // BYTES} images, {len(out)} bytes -> {dst}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: pack_digits.py digits.csv.gz digits.bin")
    main(sys.argv[1], sys.argv[2])
