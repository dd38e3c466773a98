//! The module grid: function patterns (finders, separators, timing, alignment, the dark
//! module), format and version information, and the zigzag placement of codewords.
use super::tables::{alignment_positions, size, Ecc};

/// A square grid of modules (`true` is dark), with which ones belong to function patterns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grid {
    pub size: usize,
    pub dark: Vec<bool>,
    pub function: Vec<bool>,
}

impl Grid {
    /// An empty grid for `version` with every function pattern drawn and the format and
    /// version areas reserved.
    pub fn with_function_patterns(version: usize) -> Self {
        let n = size(version);
        let mut g = Grid {
            size: n,
            dark: vec![false; n * n],
            function: vec![false; n * n],
        };
        for i in 0..n {
            g.set_function(6, i, i % 2 == 0);
            g.set_function(i, 6, i % 2 == 0);
        }
        for (x, y) in [(3, 3), (n - 4, 3), (3, n - 4)] {
            g.finder(x, y);
        }
        let pos = alignment_positions(version);
        let last = pos.len().saturating_sub(1);
        for (i, &x) in pos.iter().enumerate() {
            for (j, &y) in pos.iter().enumerate() {
                // The three corners that hold finder patterns.
                let corner =
                    matches!((i, j), (0, 0)) || (i == 0 && j == last) || (i == last && j == 0);
                if !corner {
                    g.alignment(x, y);
                }
            }
        }
        g.draw_format(Ecc::Low, 0); // reserves the area; redrawn once the mask is chosen
        g.draw_version(version);
        g
    }

    /// Whether module (x, y) is dark (x is the column, y the row).
    pub fn get(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.size + x]
    }

    fn set_function(&mut self, x: usize, y: usize, dark: bool) {
        let i = y * self.size + x;
        self.dark[i] = dark;
        self.function[i] = true;
    }

    /// A finder pattern centred on (x, y), with its light separator.
    fn finder(&mut self, x: usize, y: usize) {
        for dy in -4i64..=4 {
            for dx in -4i64..=4 {
                let (xx, yy) = (x as i64 + dx, y as i64 + dy);
                if (0..self.size as i64).contains(&xx) && (0..self.size as i64).contains(&yy) {
                    let ring = dx.abs().max(dy.abs());
                    self.set_function(xx as usize, yy as usize, ring != 2 && ring != 4);
                }
            }
        }
    }

    /// An alignment pattern centred on (x, y).
    fn alignment(&mut self, x: usize, y: usize) {
        for dy in 0..5usize {
            for dx in 0..5usize {
                let ring = dx.abs_diff(2).max(dy.abs_diff(2));
                self.set_function(x + dx - 2, y + dy - 2, ring != 1);
            }
        }
    }

    /// Both copies of the 15 format bits for `ecc` and `mask`, and the dark module.
    pub fn draw_format(&mut self, ecc: Ecc, mask: u8) {
        let bits = format_bits(ecc, mask);
        let bit = |i: usize| (bits >> i) & 1 == 1;
        let n = self.size;
        for i in 0..6 {
            self.set_function(8, i, bit(i));
        }
        self.set_function(8, 7, bit(6));
        self.set_function(8, 8, bit(7));
        self.set_function(7, 8, bit(8));
        for i in 9..15 {
            self.set_function(14 - i, 8, bit(i));
        }
        for i in 0..8 {
            self.set_function(n - 1 - i, 8, bit(i));
        }
        for i in 8..15 {
            self.set_function(8, n - 15 + i, bit(i));
        }
        self.set_function(8, n - 8, true);
    }

    /// The two 6 × 3 blocks of version information (versions 7 and up).
    fn draw_version(&mut self, version: usize) {
        if version < 7 {
            return;
        }
        let bits = version_bits(version);
        for i in 0..18 {
            let dark = (bits >> i) & 1 == 1;
            let (a, b) = (self.size - 11 + i % 3, i / 3);
            self.set_function(a, b, dark);
            self.set_function(b, a, dark);
        }
    }

    /// Places `codewords` bit by bit (most significant first) in the two-column zigzag from
    /// the bottom right, skipping function modules and the vertical timing column.
    pub fn place(&mut self, codewords: &[u8]) {
        let n = self.size;
        let total = codewords.len() * 8;
        let mut i = 0;
        let mut right = n - 1;
        while right >= 1 {
            if right == 6 {
                right = 5;
            }
            let upward = (right + 1) & 2 == 0;
            for vert in 0..n {
                let y = if upward { n - 1 - vert } else { vert };
                for x in [right, right - 1] {
                    let k = y * n + x;
                    if !self.function[k] && i < total {
                        self.dark[k] = (codewords[i >> 3] >> (7 - (i & 7))) & 1 == 1;
                        i += 1;
                    }
                }
            }
            if right < 2 {
                break;
            }
            right -= 2;
        }
    }
}

/// The 15 format bits: level and mask, a BCH(15,5) code, XORed with 101010000010010.
pub fn format_bits(ecc: Ecc, mask: u8) -> u32 {
    let data = (ecc.format_bits() << 3) | u32::from(mask & 7);
    let mut rem = data;
    for _ in 0..10 {
        rem = (rem << 1) ^ ((rem >> 9) * 0x537);
    }
    ((data << 10) | rem) ^ 0x5412
}

/// The 18 version bits: the version and a Golay(18,6) code.
pub fn version_bits(version: usize) -> u32 {
    let v = version as u32;
    let mut rem = v;
    for _ in 0..12 {
        rem = (rem << 1) ^ ((rem >> 11) * 0x1F25);
    }
    (v << 12) | rem
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_bits_match_the_spec_table() {
        let low = [
            0b111011111000100,
            0b111001011110011,
            0b111110110101010,
            0b111100010011101,
            0b110011000101111,
            0b110001100011000,
            0b110110001000001,
            0b110100101110110,
        ];
        let medium = [
            0b101010000010010,
            0b101000100100101,
            0b101111001111100,
            0b101101101001011,
            0b100010111111001,
            0b100000011001110,
            0b100111110010111,
            0b100101010100000,
        ];
        for mask in 0..8u8 {
            assert_eq!(format_bits(Ecc::Low, mask), low[mask as usize], "L{mask}");
            assert_eq!(
                format_bits(Ecc::Medium, mask),
                medium[mask as usize],
                "M{mask}"
            );
        }
    }

    #[test]
    fn version_bits_match_the_spec_table() {
        assert_eq!(version_bits(7), 0x07C94);
        assert_eq!(version_bits(8), 0x085BC);
        assert_eq!(version_bits(21), 0x15683);
        assert_eq!(version_bits(40), 0x28C69);
    }

    #[test]
    fn function_patterns_leave_the_spec_count_of_data_modules() {
        for v in [1, 2, 6, 7, 14, 40] {
            let g = Grid::with_function_patterns(v);
            let free = g.function.iter().filter(|f| !**f).count();
            assert_eq!(
                free,
                super::super::tables::raw_data_modules(v),
                "version {v}"
            );
        }
    }
}
