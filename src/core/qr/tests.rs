//! Whole-symbol tests: a known matrix, the structure every symbol must have, the version
//! choice and the length limit.
use super::*;

/// The symbol as rows of `#` (dark) and `.` (light).
fn picture(code: &QrCode) -> Vec<String> {
    (0..code.size())
        .map(|y| {
            (0..code.size())
                .map(|x| if code.dark(x, y) { '#' } else { '.' })
                .collect()
        })
        .collect()
}

/// "HELLO WORLD" in byte mode as version 1-M with mask 2. The data modules were checked by
/// decoding the picture with an independent reader (zxing-cpp), and the function patterns
/// and format bits agree with the segno library's symbol for the same settings.
const HELLO_WORLD_1M_MASK2: [&str; 21] = [
    "#######.....#.#######",
    "#.....#..#.#..#.....#",
    "#.###.#.###.#.#.###.#",
    "#.###.#.#.#.#.#.###.#",
    "#.###.#.#.#.#.#.###.#",
    "#.....#.##.#..#.....#",
    "#######.#.#.#.#######",
    "........#.#..........",
    "#.#####...##..#####..",
    ".##....#.#######.##..",
    "#.##..##....###..###.",
    ".###.#..######..###..",
    "#...#.##.##.##....#.#",
    "........###.#....#...",
    "#######..#.#..#...##.",
    "#.....#.###..#.#.####",
    "#.###.#.#..#...#..#.#",
    "#.###.#.#...######...",
    "#.###.#.##..#..#..#..",
    "#.....#...#.##..###..",
    "#######.#.###...#.##.",
];

#[test]
fn hello_world_matches_the_known_matrix() {
    let segments = [QrSegment::make_bytes(b"HELLO WORLD")];
    let code = QrCode::encode_at(&segments, 1, Ecc::Medium, Some(2)).unwrap();
    assert_eq!(picture(&code), HELLO_WORLD_1M_MASK2);
}

/// The 15 format bits of ISO/IEC 18004 for `ecc` and `mask`: the level (L = 01, M = 00) and
/// the mask, a BCH(15, 5) remainder, XOR 101010000010010.
fn format_bits(ecc: Ecc, mask: u8) -> u32 {
    let level = match ecc {
        Ecc::Low => 1,
        Ecc::Medium => 0,
    };
    let data = (level << 3) | u32::from(mask);
    let mut rem = data;
    for _ in 0..10 {
        rem = (rem << 1) ^ ((rem >> 9) * 0x537);
    }
    ((data << 10) | rem) ^ 0x5412
}

/// The 15 format bits as read from the copy around the top-left finder, and from the copy
/// split between the other two.
fn read_format(code: &QrCode) -> (u32, u32) {
    let n = code.size();
    let bit = |x: usize, y: usize| u32::from(code.dark(x, y));
    let mut first: Vec<(usize, usize)> = (0..6).map(|i| (8, i)).collect();
    first.extend([(8, 7), (8, 8), (7, 8)]);
    first.extend((9..15).map(|i| (14 - i, 8)));
    let mut second: Vec<(usize, usize)> = (0..8).map(|i| (n - 1 - i, 8)).collect();
    second.extend((8..15).map(|i| (8, n - 15 + i)));
    let read = |cells: &[(usize, usize)]| {
        cells
            .iter()
            .enumerate()
            .fold(0, |acc, (i, &(x, y))| acc | (bit(x, y) << i))
    };
    (read(&first), read(&second))
}

#[test]
fn every_symbol_has_finders_timing_dark_module_and_format_bits() {
    let text: String = "https://teach.example/#networkShape=4,2&".repeat(40);
    for len in [1, 20, 100, 400, 1000] {
        let code = QrCode::encode(&text[..len]).unwrap();
        let n = code.size();
        assert_eq!(n, 4 * code.version + 17);
        for (cx, cy) in [(3, 3), (n - 4, 3), (3, n - 4)] {
            assert!(code.dark(cx, cy) && !code.dark(cx - 2, cy) && code.dark(cx - 3, cy));
        }
        for i in 8..n - 8 {
            assert_eq!(code.dark(i, 6), i % 2 == 0);
            assert_eq!(code.dark(6, i), i % 2 == 0);
        }
        assert!(code.dark(8, n - 8), "the dark module");
        let expected = format_bits(code.ecc, code.mask);
        assert_eq!(read_format(&code), (expected, expected), "{len} bytes");
        assert!(
            !code.dark(n, 0) && !code.dark(0, n),
            "the quiet zone is light"
        );
    }
}

#[test]
fn the_smallest_version_is_chosen_and_m_when_it_fits() {
    let empty = QrCode::encode("").unwrap();
    assert_eq!((empty.version, empty.ecc), (1, Ecc::Medium));
    // 17 bytes fill 1-L; 14 fill 1-M.
    assert_eq!(QrCode::encode(&"a".repeat(14)).unwrap().ecc, Ecc::Medium);
    let full = QrCode::encode(&"a".repeat(17)).unwrap();
    assert_eq!((full.version, full.ecc), (1, Ecc::Low));
    assert_eq!(QrCode::encode(&"a".repeat(18)).unwrap().version, 2);
    let largest = QrCode::encode(&"a".repeat(MAX_BYTES)).unwrap();
    assert_eq!((largest.version, largest.ecc), (40, Ecc::Low));
}

#[test]
fn too_long_a_text_is_refused_with_a_message() {
    let err = QrCode::encode(&"a".repeat(MAX_BYTES + 1)).unwrap_err();
    assert!(err.contains("too long"), "{err}");
}
