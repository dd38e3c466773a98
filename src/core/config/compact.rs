//! The compact form of a link's points: `~` + URL-safe base64 of bit-packed, quantized values.
//!
//! Points are stored at the link's resolution, [`POINT_RESOLUTION`] (0.01), which is what
//! `clamp_point` rounds every point to. The bytes are a format byte, then (formats 3 and 4)
//! the number of points in 16 bits, then each point as
//! - x₁ and x₂: 11 bits each, `round(v / 0.01) + 600` (0–1200 for −6 to 6);
//! - the label: 3 bits for a class index 0–5 (formats 1 and 3), or 11 bits for a regression
//!   value, `round(v / 0.01) + 1000` (0–2000 for −10 to 10; formats 2 and 4),
//!
//! most significant bit first, the last byte padded with zeros. The count lets a reader tell
//! a link cut short on a point's boundary from a whole one; links written before it (formats
//! 1 and 2, no count) are still read. 500 points of two classes take about 2,100 characters
//! (2,750 for regression), against 5,000–7,000 in the plain form.
use super::limits;
use crate::core::base64;
use crate::core::dataset::Point;
use crate::core::domain::DOMAIN;

/// The spacing of the grid points are kept on, in links and in the compact form.
pub const POINT_RESOLUTION: f64 = 0.01;
/// The first character of the compact form (it cannot start a plain number).
pub const COMPACT_PREFIX: char = '~';

/// Bits per coordinate, and the offset that makes −6 zero.
const COORD_BITS: u32 = 11;
const COORD_OFFSET: i64 = 600;
/// Formats 1 and 2, without a count: class labels in 3 bits, values in 11 bits offset so
/// that −10 is zero. Formats 3 and 4: the same with the count of points first.
const FORMAT_CLASSES: u8 = 1;
const FORMAT_VALUES: u8 = 2;
const FORMAT_CLASSES_COUNTED: u8 = 3;
const FORMAT_VALUES_COUNTED: u8 = 4;
const COUNT_BITS: u32 = 16;
const CLASS_BITS: u32 = 3;
const VALUE_BITS: u32 = 11;
const VALUE_OFFSET: i64 = 1000;
/// Grid steps per unit (1 / [`POINT_RESOLUTION`]).
const STEPS_PER_UNIT: f64 = 100.0;

/// A compact form read: its points, and what the reader should be told.
#[derive(Clone, Debug, PartialEq)]
pub struct Compact {
    /// The points read (at most [`limits::MAX_POINTS`] + 1, so that a cut can be noted).
    pub points: Vec<Point>,
    /// How many had a value outside its range (moved to the nearest allowed value).
    pub moved: usize,
    /// The number of points the form says it holds (`None` for the forms without a count).
    pub count: Option<usize>,
    /// How many whole points its bytes hold.
    pub whole: usize,
    /// Whether more bits follow the last point read than one byte's padding: part of a point
    /// (a link cut short), or, after the count's last point, bits that belong to none.
    pub trailing: bool,
}

/// `v` as a whole number of grid steps, if it is exactly on the grid (as `round2` leaves it).
fn steps(v: f64) -> Option<i64> {
    let k = (v * STEPS_PER_UNIT).round();
    (k.abs() < 1e9 && k / STEPS_PER_UNIT == v).then_some(k as i64)
}

/// The label's bits and their number, for the format of a point set.
fn label_code(label: f64, classes: bool) -> Option<(u32, u32)> {
    if classes {
        return Some((label as u32, CLASS_BITS));
    }
    let q = steps(label)? + VALUE_OFFSET;
    (0..=2 * VALUE_OFFSET)
        .contains(&q)
        .then_some((q as u32, VALUE_BITS))
}

/// The compact form (with its `~` and its count), or `None` when a point is off the grid,
/// outside the plot, or has a label neither a class 0–7 nor a value on the grid in −10 to 10,
/// or there are more points than the count can say.
pub fn encode_compact_points(points: &[Point]) -> Option<String> {
    let classes = points
        .iter()
        .all(|p| p.label.fract() == 0.0 && (0.0..8.0).contains(&p.label));
    let format = if classes {
        FORMAT_CLASSES_COUNTED
    } else {
        FORMAT_VALUES_COUNTED
    };
    let count = u32::try_from(points.len())
        .ok()
        .filter(|&n| n < 1 << COUNT_BITS)?;
    let mut bits = BitWriter::default();
    bits.push(u32::from(format), 8);
    bits.push(count, COUNT_BITS);
    let coord_max = 2 * COORD_OFFSET;
    for p in points {
        let q1 = steps(p.x1)? + COORD_OFFSET;
        let q2 = steps(p.x2)? + COORD_OFFSET;
        if !(0..=coord_max).contains(&q1) || !(0..=coord_max).contains(&q2) {
            return None;
        }
        let (label, label_bits) = label_code(p.label, classes)?;
        bits.push(q1 as u32, COORD_BITS);
        bits.push(q2 as u32, COORD_BITS);
        bits.push(label, label_bits);
    }
    let mut out = String::from(COMPACT_PREFIX);
    out.push_str(&base64::encode(&bits.bytes));
    Some(out)
}

/// Decodes the compact form (without its `~`). Returns the points and how many had a value
/// outside its range (moved to the nearest allowed value), or what is wrong.
pub fn decode_compact_points(text: &str) -> Result<(Vec<Point>, usize), String> {
    decode_compact(text).map(|c| (c.points, c.moved))
}

/// Decodes the compact form (without its `~`) with what a reader should be told about it.
pub fn decode_compact(text: &str) -> Result<Compact, String> {
    let bytes = base64::decode(text)?;
    let Some((&format, body)) = bytes.split_first() else {
        return Err("it is empty".into());
    };
    let (label_bits, counted) = match format {
        FORMAT_CLASSES => (CLASS_BITS, false),
        FORMAT_VALUES => (VALUE_BITS, false),
        FORMAT_CLASSES_COUNTED => (CLASS_BITS, true),
        FORMAT_VALUES_COUNTED => (VALUE_BITS, true),
        other => return Err(format!("unknown format {other}")),
    };
    let mut reader = BitReader { bytes: body, at: 0 };
    let count = if counted {
        if body.len() * 8 < COUNT_BITS as usize {
            return Err("it ends before its number of points".into());
        }
        Some(reader.take(COUNT_BITS) as usize)
    } else {
        None
    };
    let per_point = (2 * COORD_BITS + label_bits) as usize;
    let whole = (body.len() * 8 - reader.at) / per_point;
    let n = count.map_or(whole, |c| c.min(whole));
    let coord_max = (DOMAIN * STEPS_PER_UNIT) as i64;
    let class_max = (crate::core::dataset::MAX_CLASSES - 1) as i64;
    let mut moved = 0;
    let mut points = Vec::with_capacity(n.min(limits::MAX_POINTS + 1));
    for _ in 0..n.min(limits::MAX_POINTS + 1) {
        let (x1, a) = on_grid(reader.take(COORD_BITS), COORD_OFFSET, -coord_max, coord_max);
        let (x2, b) = on_grid(reader.take(COORD_BITS), COORD_OFFSET, -coord_max, coord_max);
        let raw = reader.take(label_bits);
        let (label, c) = if label_bits == CLASS_BITS {
            let class = i64::from(raw).min(class_max);
            (class as f64, class != i64::from(raw))
        } else {
            on_grid(raw, VALUE_OFFSET, -VALUE_OFFSET, VALUE_OFFSET)
        };
        moved += usize::from(a || b || c);
        points.push(Point::new(x1, x2, label));
    }
    let header = if counted { COUNT_BITS as usize } else { 0 };
    let trailing = body.len() * 8 - (header + n * per_point) >= 8;
    Ok(Compact {
        points,
        moved,
        count,
        whole,
        trailing,
    })
}

/// A quantized value back on the grid: `q − offset` steps, kept in `lo..=hi` steps. Also
/// says whether it had to be moved.
fn on_grid(q: u32, offset: i64, lo: i64, hi: i64) -> (f64, bool) {
    let k = i64::from(q) - offset;
    let kept = k.clamp(lo, hi);
    (kept as f64 / STEPS_PER_UNIT, kept != k)
}

/// Packs values most significant bit first.
#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    /// Bits used in the last byte (0 means a new byte is needed).
    used: u32,
}

impl BitWriter {
    fn push(&mut self, value: u32, bits: u32) {
        for i in (0..bits).rev() {
            if self.used == 0 {
                self.bytes.push(0);
            }
            let bit = ((value >> i) & 1) as u8;
            if let Some(last) = self.bytes.last_mut() {
                *last |= bit << (7 - self.used);
            }
            self.used = (self.used + 1) % 8;
        }
    }
}

/// Reads what [`BitWriter`] wrote; reads past the end give zeros.
struct BitReader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl BitReader<'_> {
    fn take(&mut self, bits: u32) -> u32 {
        let mut v = 0;
        for _ in 0..bits {
            let bit = self
                .bytes
                .get(self.at / 8)
                .map_or(0, |b| (b >> (7 - self.at % 8)) & 1);
            v = (v << 1) | u32::from(bit);
            self.at += 1;
        }
        v
    }
}
