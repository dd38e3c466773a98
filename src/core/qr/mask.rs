//! The eight data masks and the penalty rules that choose between them (ISO/IEC 18004 §7.8).
use super::matrix::Grid;

/// Penalty weights N1–N4.
const N1: usize = 3;
const N2: usize = 3;
const N3: usize = 40;
const N4: usize = 10;

/// Whether `mask` (0–7) inverts module (x, y) (x the column, y the row).
pub fn inverts(mask: u8, x: usize, y: usize) -> bool {
    match mask {
        0 => (x + y).is_multiple_of(2),
        1 => y.is_multiple_of(2),
        2 => x.is_multiple_of(3),
        3 => (x + y).is_multiple_of(3),
        4 => (x / 3 + y / 2).is_multiple_of(2),
        5 => x * y % 2 + x * y % 3 == 0,
        6 => (x * y % 2 + x * y % 3).is_multiple_of(2),
        _ => ((x + y) % 2 + x * y % 3).is_multiple_of(2),
    }
}

/// XORs `mask` over every non-function module (applying it twice undoes it).
pub fn apply(grid: &mut Grid, mask: u8) {
    let n = grid.size;
    for y in 0..n {
        for x in 0..n {
            let k = y * n + x;
            if !grid.function[k] && inverts(mask, x, y) {
                grid.dark[k] = !grid.dark[k];
            }
        }
    }
}

/// The total penalty of a finished symbol: runs, 2 × 2 blocks, finder-like patterns and the
/// balance of dark and light.
pub fn penalty(grid: &Grid) -> usize {
    let n = grid.size;
    let row = |y: usize| -> Vec<bool> { (0..n).map(|x| grid.get(x, y)).collect() };
    let col = |x: usize| -> Vec<bool> { (0..n).map(|y| grid.get(x, y)).collect() };
    let mut total = 0;
    for i in 0..n {
        for line in [row(i), col(i)] {
            total += runs(&line) + finder_like(&line);
        }
    }
    total + blocks(grid) + balance(grid)
}

/// Rule 1: N1 + (length − 5) for each run of five or more modules of one colour.
pub fn runs(line: &[bool]) -> usize {
    let mut total = 0;
    let mut start = 0;
    for i in 1..=line.len() {
        if i == line.len() || line[i] != line[start] {
            let len = i - start;
            if len >= 5 {
                total += N1 + len - 5;
            }
            start = i;
        }
    }
    total
}

/// Rule 3: N3 for each dark-light-dark³-light-dark pattern with four light modules on one
/// side (1011101 0000 or 0000 1011101) within the line.
pub fn finder_like(line: &[bool]) -> usize {
    const PATTERN: [bool; 11] = [
        true, false, true, true, true, false, true, false, false, false, false,
    ];
    let mut reversed = PATTERN;
    reversed.reverse();
    line.windows(11)
        .map(|w| usize::from(w == PATTERN) + usize::from(w == reversed))
        .sum::<usize>()
        * N3
}

/// Rule 2: N2 for each 2 × 2 block of one colour (blocks may overlap).
fn blocks(grid: &Grid) -> usize {
    let n = grid.size;
    let mut total = 0;
    for y in 0..n - 1 {
        for x in 0..n - 1 {
            let c = grid.get(x, y);
            if c == grid.get(x + 1, y) && c == grid.get(x, y + 1) && c == grid.get(x + 1, y + 1) {
                total += N2;
            }
        }
    }
    total
}

/// Rule 4: N4 for each full 5 % that the dark share is away from 50 %.
fn balance(grid: &Grid) -> usize {
    let total = grid.dark.len();
    let dark = grid.dark.iter().filter(|d| **d).count();
    let off = (dark * 20).abs_diff(total * 10);
    off.div_ceil(total).saturating_sub(1) * N4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_score_three_plus_the_excess() {
        let line: Vec<bool> = "111110000000101".chars().map(|c| c == '1').collect();
        // Five dark (3) and seven light (3 + 2).
        assert_eq!(runs(&line), 8);
        assert_eq!(runs(&[true, false, true, false]), 0);
    }

    #[test]
    fn finder_like_patterns_score_forty_each() {
        let line: Vec<bool> = "0000101110100001".chars().map(|c| c == '1').collect();
        assert_eq!(finder_like(&line), 80);
        assert_eq!(finder_like(&[true; 20]), 0);
    }

    #[test]
    fn masks_invert_the_spec_positions() {
        assert!(inverts(0, 0, 0) && !inverts(0, 1, 0));
        assert!(inverts(1, 5, 2) && !inverts(1, 5, 3));
        assert!(inverts(2, 3, 1) && !inverts(2, 4, 1));
        assert!(inverts(5, 0, 7) && !inverts(5, 1, 1));
    }
}
