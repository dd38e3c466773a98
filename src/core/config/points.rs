//! The user's points in a link: the plain form `x,y,label;x,y,label;…` and the compact form
//! (`~…`, see [`super::compact`]), and the notes about either.
use super::compact::{decode_compact, encode_compact_points, Compact, COMPACT_PREFIX};
use super::{limits, parser::shorten};
use crate::core::dataset::Point;
use crate::core::text::plural;
use std::fmt::Write;

/// At most this many notes about bad point entries; the rest are counted.
const MAX_POINT_NOTES: usize = 3;

/// The value of `points=` for `points`: the compact form when it is shorter and exact, else
/// the plain form. (Also how a tab keeps points aside across a reload: [`points_from_value`].)
pub fn points_value(points: &[Point]) -> String {
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
        write_number(&mut s, p.x1);
        s.push(',');
        write_number(&mut s, p.x2);
        s.push(',');
        write_number(&mut s, p.label);
    }
    s
}

/// Writes `v` as `{}` does, faster for whole hundredths (what clicks and most files hold): a
/// link of 5,000 points is 15,000 numbers, and the float formatting took most of its time.
pub(super) fn write_number(s: &mut String, v: f64) {
    let k = (v * 100.0).round();
    if v == 0.0 || v.abs() >= 1e9 || k / 100.0 != v {
        let _ = write!(s, "{v}"); // -0, large, or not a hundredth: the shortest exact digits
        return;
    }
    // v is the double nearest k/100, and no shorter decimal is: k/100's digits are v's.
    let k = k as i64;
    if k < 0 {
        s.push('-');
    }
    let (whole, cents) = (k.unsigned_abs() / 100, k.unsigned_abs() % 100);
    let _ = write!(s, "{whole}");
    match cents {
        0 => {}
        c if c % 10 == 0 => {
            let _ = write!(s, ".{}", c / 10);
        }
        c => {
            let _ = write!(s, ".{c:02}");
        }
    }
}

/// The points of a value [`points_value`] wrote; `None` if it is damaged.
pub fn points_from_value(text: &str) -> Option<Vec<Point>> {
    read_points("points", text, &mut Vec::new())
}

/// Reads either form of a `points` value (or of `key`'s, which holds points the same way).
/// Bad entries are skipped with a note; at most [`limits::MAX_POINTS`] points are kept.
/// `None` when the compact form is damaged.
pub(super) fn read_points(key: &str, text: &str, notes: &mut Vec<String>) -> Option<Vec<Point>> {
    let Some(compact) = text.strip_prefix(COMPACT_PREFIX) else {
        return Some(parse_points(text, notes));
    };
    match decode_compact(compact) {
        Ok(read) => Some(compact_notes(key, read, notes)),
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

/// The points of a compact form read, with a note for each thing the user should know: points
/// moved, a form cut short (fewer whole points than its count, part of a point at its end, or
/// no point at all), bits after its last point, more points than a link may hold.
fn compact_notes(key: &str, read: Compact, notes: &mut Vec<String>) -> Vec<Point> {
    let Compact {
        mut points,
        moved,
        count,
        whole,
        trailing,
    } = read;
    if moved > 0 {
        notes.push(moved_note(key, moved));
    }
    let kept = plural(points.len().min(limits::MAX_POINTS), "whole point");
    match count {
        Some(count) if whole < count => notes.push(format!(
            "{key}: the link says it holds {} but ends after {whole} (was it cut short?); kept the {kept}.",
            plural(count, "point")
        )),
        Some(count) if trailing => notes.push(format!(
            "{key}: the compact form goes on after its {}; ignored the rest.",
            plural(count, "point")
        )),
        None if trailing => notes.push(format!(
            "{key}: the compact form ends part-way through a point (was the link cut short?); kept the {kept}."
        )),
        None if whole == 0 => notes.push(format!(
            "{key}: the compact form holds no points (was the link cut short?); none were added."
        )),
        _ => {}
    }
    if points.len() > limits::MAX_POINTS {
        points.truncate(limits::MAX_POINTS);
        notes.push(format!(
            "{key}: only the first {} points were kept.",
            limits::MAX_POINTS
        ));
    }
    points
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
