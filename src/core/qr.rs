//! QR codes (ISO/IEC 18004) for links, made by the `qrcodegen` crate (Project Nayuki's
//! reference implementation): byte mode, error-correction level L or M, versions 1–40, the
//! mask of lowest penalty.
//!
//! [`QrCode::encode`] picks the smallest version that holds the text at level L, and
//! raises the level to M when the text still fits that version.
use qrcodegen::{Mask, QrCodeEcc, QrSegment, Version};
#[cfg(test)]
mod tests;

/// The most bytes a QR code holds (version 40-L in byte mode).
pub const MAX_BYTES: usize = 2953;
/// The highest version.
pub const MAX_VERSION: usize = 40;
/// The largest version a phone reads from the back of a lecture hall: version 10 is 57×57
/// modules, so a code 1 m wide on the projector screen has modules of about 15 mm, which a
/// phone's camera resolves at 10 m. It holds 213 bytes at level M (271 at L).
pub const READABLE_VERSION: usize = 10;

/// Error-correction level: L recovers about 7 % of the codewords, M about 15 %.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ecc {
    Low,
    Medium,
}

/// A finished QR code: a square of dark and light modules, without its quiet zone.
#[derive(Clone, PartialEq, Eq)]
pub struct QrCode {
    /// 1 to 40.
    pub version: usize,
    pub ecc: Ecc,
    /// The mask pattern, 0 to 7.
    pub mask: u8,
    symbol: qrcodegen::QrCode,
}

impl std::fmt::Debug for QrCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "QrCode({}-{:?}, mask {})",
            self.version, self.ecc, self.mask
        )
    }
}

impl QrCode {
    /// Encodes `text` (as UTF-8 bytes). Errors if it is longer than a QR code holds.
    pub fn encode(text: &str) -> Result<QrCode, String> {
        let data = text.as_bytes();
        let too_long = || {
            format!(
                "{} characters is too long for a QR code (at most {MAX_BYTES})",
                data.len()
            )
        };
        if data.len() > MAX_BYTES {
            return Err(too_long());
        }
        let segments = [QrSegment::make_bytes(data)];
        // At each version M is tried before L: the first that fits is the smallest version at
        // L, at M if the text fits it too. A try that does not fit only costs a comparison.
        (1..=MAX_VERSION)
            .flat_map(|v| [(v, Ecc::Medium), (v, Ecc::Low)])
            .find_map(|(v, ecc)| Self::encode_at(&segments, v, ecc, None))
            .ok_or_else(too_long)
    }

    /// `segments` at `version` (1–40) and `ecc`, with `mask` (0–7) or, if `None`, the mask of
    /// lowest penalty; `None` if they do not fit.
    fn encode_at(
        segments: &[QrSegment],
        version: usize,
        ecc: Ecc,
        mask: Option<u8>,
    ) -> Option<QrCode> {
        let v = Version::new(u8::try_from(version).ok()?);
        let level = match ecc {
            Ecc::Low => QrCodeEcc::Low,
            Ecc::Medium => QrCodeEcc::Medium,
        };
        let mask = mask.map(Mask::new);
        let symbol =
            qrcodegen::QrCode::encode_segments_advanced(segments, level, v, v, mask, false).ok()?;
        Some(QrCode {
            version,
            ecc,
            mask: symbol.mask().value(),
            symbol,
        })
    }

    /// Whether a phone reads it across a room: version [`READABLE_VERSION`] or lower.
    pub fn readable(&self) -> bool {
        self.version <= READABLE_VERSION
    }

    /// Modules per side (21 to 177).
    pub fn size(&self) -> usize {
        4 * self.version + 17
    }

    /// Whether module (x, y) is dark; x is the column, y the row, both from 0 at the top left.
    /// Outside the symbol (the quiet zone) it is light.
    pub fn dark(&self, x: usize, y: usize) -> bool {
        match (i32::try_from(x), i32::try_from(y)) {
            (Ok(x), Ok(y)) => self.symbol.get_module(x, y),
            _ => false,
        }
    }
}
