//! The user's points in a link: the plain form `x,y,label;x,y,label;…` and a compact form
//! `~` + URL-safe base64 of bit-packed, quantized values.
//!
//! The compact form keeps what the user drew exactly: points are stored at the link's
//! resolution, [`POINT_RESOLUTION`] (0.01), which is what [`clamp_point`] rounds every point
//! to. Its bytes are a format byte, then each point as
//! - x₁ and x₂: 11 bits each, `round(v / 0.01) + 600` (0–1200 for −6 to 6);
//! - the label: 3 bits for a class index 0–5 (format 1), or 11 bits for a regression value,
//!   `round(v / 0.01) + 1000` (0–2000 for −10 to 10; format 2),
//!
//! most significant bit first, the last byte padded with zeros. 500 points of two classes take
//! about 2,100 characters (2,750 for regression), against 5,000–7,000 in the plain form.
use super::{limits, parser::shorten};
use crate::core::base64;
use crate::core::dataset::Point;
use crate::core::domain::DOMAIN;
use crate::core::text::plural;
use std::fmt::Write;

/// The spacing of the grid points are kept on, in links and in the compact form.
pub const POINT_RESOLUTION: f64 = 0.01;
/// The first character of the compact form (it cannot start a plain number).
pub const COMPACT_PREFIX: char = '~';
/// At most this many notes about bad point entries; the rest are counted.
const MAX_POINT_NOTES: usize = 3;

/// Bits per coordinate, and the offset that makes −6 zero.
const COORD_BITS: u32 = 11;
const COORD_OFFSET: i64 = 600;
/// Format 1: class labels in 3 bits. Format 2: values in 11 bits, offset so that −10 is zero.
const FORMAT_CLASSES: u8 = 1;
const FORMAT_VALUES: u8 = 2;
const CLASS_BITS: u32 = 3;
const VALUE_BITS: u32 = 11;
const VALUE_OFFSET: i64 = 1000;

/// The value of `points=` for `points`: the compact form when it is shorter and exact, else
/// the plain form.
pub(super) fn points_value(points: &[Point]) -> String {
    let plain = format_points(points);
    match encode_compact_points(points) {
        Some(compact) if compact.len() < plain.len() => compact,
        _ => plain,
    }
}

fn format_points(points: &[Point]) -> String {
    let mut s = String::with_capacity(points.len() * 12);
    for (i, p) in points.iter().enumerate() {
        if i > 0 {
            s.push(';');
        }
        let _ = write!(s, "{},{},{}", p.x1, p.x2, p.label);
    }
    s
}

/// Reads either form of a `points` value (or of `key`'s, which holds points the same way).
/// Bad entries are skipped with a note; at most [`limits::MAX_POINTS`] points are kept.
/// `None` when the compact form is damaged.
pub(super) fn read_points(key: &str, text: &str, notes: &mut Vec<String>) -> Option<Vec<Point>> {
    let Some(compact) = text.strip_prefix(COMPACT_PREFIX) else {
        return Some(parse_points(text, notes));
    };
    match decode_compact_points(compact) {
        Ok((mut points, moved)) => {
            if moved > 0 {
                notes.push(moved_note(key, moved));
            }
            if cut_short(compact) {
                notes.push(format!(
                    "{key}: the compact form ends part-way through a point (was the link cut short?); kept the {}.",
                    plural(points.len(), "whole point")
                ));
            }
            if points.len() > limits::MAX_POINTS {
                points.truncate(limits::MAX_POINTS);
                notes.push(format!(
                    "{key}: only the first {} points were kept.",
                    limits::MAX_POINTS
                ));
            }
            Some(points)
        }
        Err(why) => {
            notes.push(format!(
                "{key}: the compact form is damaged ({why}); {}.",
                if key == "points" {
                    "using the generated data"
                } else {
                    "no points added"
                }
            ));
            None
        }
    }
}

/// The note for `moved` points of `key` that were outside the plot or had a label that is not
/// allowed.
pub(super) fn moved_note(key: &str, moved: usize) -> String {
    let were = if moved == 1 { "was" } else { "were" };
    format!(
        "{key}: {} {were} outside the plot or its labels; moved to the nearest allowed value.",
        plural(moved, "point")
    )
}

/// Whether a compact form (without its `~`) stops part-way through a point: more bits are
/// left after its last whole point than the padding of one byte.
fn cut_short(compact: &str) -> bool {
    let Ok(bytes) = base64::decode(compact) else {
        return false;
    };
    let per_point = match bytes.first() {
        Some(&FORMAT_CLASSES) => 2 * COORD_BITS + CLASS_BITS,
        Some(&FORMAT_VALUES) => 2 * COORD_BITS + VALUE_BITS,
        _ => return false,
    } as usize;
    (bytes.len() - 1) * 8 % per_point >= 8
}

/// Parses `x,y,label;x,y,label…`. Bad entries are skipped with a note; at most
/// [`limits::MAX_POINTS`] points are kept.
pub fn parse_points(text: &str, notes: &mut Vec<String>) -> Vec<Point> {
    let mut points = Vec::new();
    let mut bad = 0;
    for (i, entry) in text.split(';').filter(|e| !e.trim().is_empty()).enumerate() {
        if points.len() == limits::MAX_POINTS {
            notes.push(format!(
                "points: only the first {} points were kept.",
                limits::MAX_POINTS
            ));
            break;
        }
        let mut nums = entry.split(',').map(|v| v.trim().parse::<f64>());
        match (nums.next(), nums.next(), nums.next(), nums.next()) {
            (Some(Ok(x1)), Some(Ok(x2)), Some(Ok(label)), None)
                if x1.is_finite() && x2.is_finite() && label.is_finite() =>
            {
                points.push(Point::new(x1, x2, label))
            }
            _ => {
                bad += 1;
                if bad <= MAX_POINT_NOTES {
                    notes.push(format!(
                        "points: point {} ('{}') is not x,y,label; skipped.",
                        i + 1,
                        shorten(entry)
                    ));
                }
            }
        }
    }
    if bad > MAX_POINT_NOTES {
        let more = bad - MAX_POINT_NOTES;
        let were = if more == 1 { "was" } else { "were" };
        notes.push(format!(
            "points: {} more bad {} {were} skipped.",
            more,
            if more == 1 { "point" } else { "points" }
        ));
    }
    points
}

/// Grid steps per unit (1 / [`POINT_RESOLUTION`]).
const STEPS_PER_UNIT: f64 = 100.0;

/// `v` as a whole number of grid steps, if it is exactly on the grid (as [`round2`] leaves it).
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

/// The compact form (with its `~`), or `None` when a point is off the grid, outside the plot,
/// or has a label neither a class 0–7 nor a value on the grid in −10 to 10.
pub fn encode_compact_points(points: &[Point]) -> Option<String> {
    let classes = points
        .iter()
        .all(|p| p.label.fract() == 0.0 && (0.0..8.0).contains(&p.label));
    let format = if classes {
        FORMAT_CLASSES
    } else {
        FORMAT_VALUES
    };
    let mut bits = BitWriter::default();
    bits.push(u32::from(format), 8);
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
    let bytes = base64::decode(text)?;
    let Some((&format, body)) = bytes.split_first() else {
        return Err("it is empty".into());
    };
    let label_bits = match format {
        FORMAT_CLASSES => CLASS_BITS,
        FORMAT_VALUES => VALUE_BITS,
        other => return Err(format!("unknown format {other}")),
    };
    let count = body.len() * 8 / (2 * COORD_BITS + label_bits) as usize;
    let coord_max = (DOMAIN * STEPS_PER_UNIT) as i64;
    let class_max = (crate::core::dataset::MAX_CLASSES - 1) as i64;
    let mut moved = 0;
    let mut reader = BitReader { bytes: body, at: 0 };
    let mut points = Vec::with_capacity(count.min(limits::MAX_POINTS + 1));
    for _ in 0..count.min(limits::MAX_POINTS + 1) {
        let (x1, a) = on_grid(reader.take(COORD_BITS), COORD_OFFSET, -coord_max, coord_max);
        let (x2, b) = on_grid(reader.take(COORD_BITS), COORD_OFFSET, -coord_max, coord_max);
        let raw = reader.take(label_bits);
        let (label, c) = if format == FORMAT_CLASSES {
            let class = i64::from(raw).min(class_max);
            (class as f64, class != i64::from(raw))
        } else {
            on_grid(raw, VALUE_OFFSET, -VALUE_OFFSET, VALUE_OFFSET)
        };
        moved += usize::from(a || b || c);
        points.push(Point::new(x1, x2, label));
    }
    Ok((points, moved))
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
