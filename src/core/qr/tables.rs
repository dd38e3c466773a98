//! Capacity tables of ISO/IEC 18004 for the levels L and M, versions 1–40.

/// Error-correction level: L recovers about 7 % of the codewords, M about 15 %.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ecc {
    Low,
    Medium,
}

impl Ecc {
    /// The two format bits of the level (L = 01, M = 00).
    pub fn format_bits(self) -> u32 {
        match self {
            Ecc::Low => 1,
            Ecc::Medium => 0,
        }
    }

    fn row(self) -> usize {
        match self {
            Ecc::Low => 0,
            Ecc::Medium => 1,
        }
    }
}

/// The highest version.
pub const MAX_VERSION: usize = 40;

/// Error-correction codewords per block, by level and version (index 0 unused).
const ECC_PER_BLOCK: [[u8; 41]; 2] = [
    [
        0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28,
        30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ],
    [
        0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28,
        28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    ],
];

/// Error-correction blocks, by level and version (index 0 unused).
const BLOCKS: [[u8; 41]; 2] = [
    [
        0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13,
        14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25,
    ],
    [
        0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21,
        23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
    ],
];

/// The side of a symbol of `version` (1–40), in modules: 21 to 177.
pub fn size(version: usize) -> usize {
    4 * version + 17
}

/// Modules left for codewords (data and error correction) once the function patterns and
/// format/version information are placed; may not be a multiple of 8 (the rest stay light).
pub fn raw_data_modules(version: usize) -> usize {
    let v = version;
    let mut n = (16 * v + 128) * v + 64;
    if v >= 2 {
        let align = v / 7 + 2;
        n -= (25 * align - 10) * align - 55;
        if v >= 7 {
            n -= 36;
        }
    }
    n
}

/// (blocks, error-correction codewords per block) at `version` and `ecc`.
pub fn blocks(version: usize, ecc: Ecc) -> (usize, usize) {
    let r = ecc.row();
    (
        usize::from(BLOCKS[r][version]),
        usize::from(ECC_PER_BLOCK[r][version]),
    )
}

/// Data codewords at `version` and `ecc`.
pub fn data_codewords(version: usize, ecc: Ecc) -> usize {
    let (n, per) = blocks(version, ecc);
    raw_data_modules(version) / 8 - n * per
}

/// Bits of the character count in byte mode: 8 up to version 9, 16 from version 10.
pub fn count_bits(version: usize) -> usize {
    if version < 10 {
        8
    } else {
        16
    }
}

/// The centres of the alignment patterns along one axis (empty for version 1).
pub fn alignment_positions(version: usize) -> Vec<usize> {
    if version == 1 {
        return Vec::new();
    }
    let count = version / 7 + 2;
    let step = (version * 8 + count * 3 + 5) / (count * 4 - 4) * 2;
    let mut out: Vec<usize> = (0..count - 1)
        .map(|i| size(version) - 7 - i * step)
        .collect();
    out.push(6);
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Byte-mode capacity (the spec's table 7): data bits less the mode and count fields.
    fn byte_capacity(version: usize, ecc: Ecc) -> usize {
        (data_codewords(version, ecc) * 8 - 4 - count_bits(version)) / 8
    }

    /// Byte-mode capacities of versions 1–40 (the spec's table 7, as the segno library
    /// computes them).
    const LOW: [usize; 40] = [
        17, 32, 53, 78, 106, 134, 154, 192, 230, 271, 321, 367, 425, 458, 520, 586, 644, 718, 792,
        858, 929, 1003, 1091, 1171, 1273, 1367, 1465, 1528, 1628, 1732, 1840, 1952, 2068, 2188,
        2303, 2431, 2563, 2699, 2809, 2953,
    ];
    const MEDIUM: [usize; 40] = [
        14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624,
        666, 711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809,
        1911, 1989, 2099, 2213, 2331,
    ];

    #[test]
    fn byte_capacities_match_the_spec() {
        for v in 1..=MAX_VERSION {
            assert_eq!(byte_capacity(v, Ecc::Low), LOW[v - 1], "{v}-L");
            assert_eq!(byte_capacity(v, Ecc::Medium), MEDIUM[v - 1], "{v}-M");
        }
    }

    #[test]
    fn alignment_positions_match_the_spec() {
        assert_eq!(alignment_positions(2), vec![6, 18]);
        assert_eq!(alignment_positions(7), vec![6, 22, 38]);
        assert_eq!(alignment_positions(32), vec![6, 34, 60, 86, 112, 138]);
        assert_eq!(alignment_positions(40), vec![6, 30, 58, 86, 114, 142, 170]);
    }

    #[test]
    fn every_version_has_whole_blocks() {
        for v in 1..=MAX_VERSION {
            for ecc in [Ecc::Low, Ecc::Medium] {
                let (n, per) = blocks(v, ecc);
                assert!(n >= 1 && per >= 7 && data_codewords(v, ecc) > n);
            }
        }
    }
}
