//! The handwritten digits of digits mode: the UCI "Optical Recognition of Handwritten Digits"
//! images as scikit-learn ships them (1,797 images of 8×8 pixels, each 0–16, labels 0–9),
//! embedded in the build, and their seeded split into training and test images.
//!
//! `digits/digits.bin` holds each image as 65 five-bit values (its 64 pixels row by row, then
//! its label), least significant bit first, in 41 bytes; `src/core/digits/pack_digits.py` made it.
use crate::core::dataset::is_test_point;
use crate::core::features::Standardizer;
use crate::core::mlp::Mlp;
use std::sync::OnceLock;

pub mod pad;
#[cfg(test)]
mod tests;
mod view;

pub use view::DigitsView;

/// Pixels along each side of an image.
pub const SIDE: usize = 8;
/// Pixels in an image: the network's inputs.
pub const PIXELS: usize = SIDE * SIDE;
/// The classes, 0–9: the network's outputs.
pub const CLASSES: usize = 10;
/// The most ink a pixel holds: the data set counts the on pixels of a 4×4 block.
pub const MAX_INK: u8 = 16;
/// Images in the data set.
pub const COUNT: usize = 1797;

const BITS: usize = 5;
const BYTES_PER_IMAGE: usize = 41;
const PACKED: &[u8] = include_bytes!("digits/digits.bin");

/// One 8×8 image and its label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Digit {
    /// Ink per pixel, 0–[`MAX_INK`], row by row from the top left.
    pub pixels: [u8; PIXELS],
    /// The digit written, 0–9.
    pub label: u8,
}

impl Digit {
    /// The pixels as the network's inputs: ink / 16, in 0–1.
    pub fn inputs(&self) -> [f64; PIXELS] {
        scaled(&self.pixels)
    }
}

/// Ink 0–16 per pixel → network inputs in 0–1.
pub fn scaled(pixels: &[u8; PIXELS]) -> [f64; PIXELS] {
    pixels.map(|p| f64::from(p.min(MAX_INK)) / f64::from(MAX_INK))
}

/// Decodes packed images (see the module's notes). Errs on a length that is not whole
/// images, a pixel above 16 or a label above 9.
pub fn decode(bytes: &[u8]) -> Result<Vec<Digit>, String> {
    if !bytes.len().is_multiple_of(BYTES_PER_IMAGE) {
        return Err(format!(
            "{} bytes is not a whole number of {BYTES_PER_IMAGE}-byte images",
            bytes.len()
        ));
    }
    bytes
        .chunks_exact(BYTES_PER_IMAGE)
        .enumerate()
        .map(|(n, chunk)| {
            let value = |i: usize| -> u8 {
                let bit = i * BITS;
                let pair = u16::from(chunk[bit / 8])
                    | chunk.get(bit / 8 + 1).map_or(0, |&b| u16::from(b) << 8);
                ((pair >> (bit % 8)) & 0x1f) as u8
            };
            let mut pixels = [0; PIXELS];
            for (i, p) in pixels.iter_mut().enumerate() {
                *p = value(i);
            }
            let label = value(PIXELS);
            if pixels.iter().any(|&p| p > MAX_INK) || usize::from(label) >= CLASSES {
                return Err(format!("image {n} is out of range"));
            }
            Ok(Digit { pixels, label })
        })
        .collect()
}

/// Every image of the data set, decoded once.
pub fn all() -> &'static [Digit] {
    static DIGITS: OnceLock<Vec<Digit>> = OnceLock::new();
    // The embedded file is checked by the tests; a bad one would give no images, not a panic.
    DIGITS.get_or_init(|| decode(PACKED).unwrap_or_default())
}

/// Whether image `index` is a test image for `seed` and the training share `perc_train`
/// (the same seeded split as the points').
pub fn is_test(seed: u64, index: usize, perc_train: u32) -> bool {
    is_test_point(seed, index, perc_train)
}

/// The indices of the test images, in data-set order.
pub fn test_indices(seed: u64, perc_train: u32) -> Vec<usize> {
    (0..all().len())
        .filter(|&i| is_test(seed, i, perc_train))
        .collect()
}

/// How many images there are of each digit in `digits`.
pub fn label_counts(digits: &[Digit]) -> [usize; CLASSES] {
    let mut counts = [0; CLASSES];
    for d in digits {
        counts[usize::from(d.label)] += 1;
    }
    counts
}

/// The class probabilities `net` (64 inputs, 10 softmax outputs) gives an image of ink 0–16
/// per pixel (as the pad makes), its inputs standardized as the training rows were. `None`
/// for a network of another shape.
pub fn predict(
    net: &Mlp,
    standardizer: &Standardizer,
    pixels: &[u8; PIXELS],
) -> Option<[f64; CLASSES]> {
    if net.n_inputs() != PIXELS || net.output().units() != CLASSES {
        return None;
    }
    let mut input = scaled(pixels);
    if standardizer.mean().len() == PIXELS {
        standardizer.apply(&mut input);
    }
    let mut net = net.clone();
    let out = net.forward(&input);
    let mut probabilities = [0.0; CLASSES];
    probabilities.copy_from_slice(&out[..CLASSES]);
    Some(probabilities)
}

/// For each unit of the second hidden layer, the `top` first-layer units it weighs most (by
/// |weight|, the largest first), with those weights. Empty without a second hidden layer.
pub fn strongest_inputs(net: &Mlp, top: usize) -> Vec<Vec<(usize, f64)>> {
    let layers = net.layers();
    if layers.len() < 3 {
        return Vec::new();
    }
    let second = &layers[1];
    (0..second.fan_out)
        .map(|j| {
            let mut weights: Vec<(usize, f64)> = (0..second.fan_in)
                .map(|i| (i, net.weight(1, j, i)))
                .collect();
            weights.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
            weights.truncate(top);
            weights
        })
        .collect()
}
