//! QR codes (ISO/IEC 18004) for links: byte mode, error-correction level L or M, versions
//! 1–40, Reed–Solomon over GF(256), the mask chosen by the standard penalty rules.
//!
//! [`QrCode::encode`] picks the smallest version that holds the text at level L, and
//! raises the level to M when the text still fits that version.
mod mask;
mod matrix;
mod rs;
mod tables;
#[cfg(test)]
mod tests;

use matrix::Grid;
pub use tables::{Ecc, MAX_VERSION};

/// The most bytes a QR code holds (version 40-L in byte mode).
pub const MAX_BYTES: usize = 2953;

/// A finished QR code: a square of dark and light modules, without its quiet zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrCode {
    pub version: usize,
    pub ecc: Ecc,
    pub mask: u8,
    grid: Grid,
}

impl QrCode {
    /// Encodes `text` (as UTF-8 bytes). Errors if it is longer than a QR code holds.
    pub fn encode(text: &str) -> Result<QrCode, String> {
        let data = text.as_bytes();
        let version = (1..=MAX_VERSION)
            .find(|&v| fits(data.len(), v, Ecc::Low))
            .ok_or_else(|| {
                format!(
                    "{} characters is too long for a QR code (at most {MAX_BYTES})",
                    data.len()
                )
            })?;
        let ecc = if fits(data.len(), version, Ecc::Medium) {
            Ecc::Medium
        } else {
            Ecc::Low
        };
        Ok(Self::encode_at(data, version, ecc, None))
    }

    /// Encodes `data`, which must fit, at `version` and `ecc`, with `mask` or (if `None`) the
    /// mask of lowest penalty.
    fn encode_at(data: &[u8], version: usize, ecc: Ecc, mask: Option<u8>) -> QrCode {
        let codewords = codewords(data, version, ecc);
        let mut grid = Grid::with_function_patterns(version);
        grid.place(&codewords);
        let mask = mask.unwrap_or_else(|| {
            (0..8u8)
                .min_by_key(|&m| {
                    let mut g = grid.clone();
                    mask::apply(&mut g, m);
                    g.draw_format(ecc, m);
                    mask::penalty(&g)
                })
                .unwrap_or(0)
        });
        mask::apply(&mut grid, mask);
        grid.draw_format(ecc, mask);
        QrCode {
            version,
            ecc,
            mask,
            grid,
        }
    }

    /// Modules per side (21 to 177).
    pub fn size(&self) -> usize {
        self.grid.size
    }

    /// Whether module (x, y) is dark; x is the column, y the row, both from 0 at the top left.
    /// Outside the symbol (the quiet zone) it is light.
    pub fn dark(&self, x: usize, y: usize) -> bool {
        x < self.size() && y < self.size() && self.grid.get(x, y)
    }
}

/// Whether `len` bytes fit `version` at `ecc` in byte mode.
fn fits(len: usize, version: usize, ecc: Ecc) -> bool {
    4 + tables::count_bits(version) + 8 * len <= 8 * tables::data_codewords(version, ecc)
}

/// The data bit stream: mode 0100, the count, the bytes, a terminator, and pad codewords
/// 0xEC 0x11 up to the version's data capacity.
fn data_codewords(data: &[u8], version: usize, ecc: Ecc) -> Vec<u8> {
    let capacity = tables::data_codewords(version, ecc);
    let mut bits: Vec<bool> = Vec::with_capacity(capacity * 8);
    let mut push = |value: usize, n: usize| {
        for i in (0..n).rev() {
            bits.push((value >> i) & 1 == 1);
        }
    };
    push(0b0100, 4);
    push(data.len(), tables::count_bits(version));
    for &b in data {
        push(usize::from(b), 8);
    }
    let terminator = (capacity * 8 - bits.len()).min(4);
    bits.extend(std::iter::repeat_n(false, terminator));
    bits.resize(bits.len().div_ceil(8) * 8, false);
    let mut out: Vec<u8> = bits
        .chunks(8)
        .map(|c| c.iter().fold(0u8, |acc, &b| (acc << 1) | u8::from(b)))
        .collect();
    for pad in [0xEC, 0x11].into_iter().cycle() {
        if out.len() >= capacity {
            break;
        }
        out.push(pad);
    }
    out
}

/// Data split into blocks, each with its Reed–Solomon codewords, interleaved: first the data
/// codewords column by column across the blocks, then the error-correction codewords.
fn codewords(data: &[u8], version: usize, ecc: Ecc) -> Vec<u8> {
    let stream = data_codewords(data, version, ecc);
    let (n_blocks, ecc_len) = tables::blocks(version, ecc);
    let raw = tables::raw_data_modules(version) / 8;
    let short_len = raw / n_blocks - ecc_len;
    let n_short = n_blocks - raw % n_blocks;
    let generator = rs::generator(ecc_len);
    let mut blocks: Vec<(&[u8], Vec<u8>)> = Vec::with_capacity(n_blocks);
    let mut start = 0;
    for b in 0..n_blocks {
        let len = short_len + usize::from(b >= n_short);
        let block = &stream[start..start + len];
        blocks.push((block, rs::remainder(block, &generator)));
        start += len;
    }
    let mut out = Vec::with_capacity(raw);
    for i in 0..=short_len {
        out.extend(blocks.iter().filter_map(|(d, _)| d.get(i)));
    }
    for i in 0..ecc_len {
        out.extend(blocks.iter().map(|(_, e)| e[i]));
    }
    out
}
