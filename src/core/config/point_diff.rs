//! Points edited on a generated data set, written as a difference from the set: the generated
//! points removed, by index (`pointsRemoved=3,17,40-45`), and the points after them
//! (`pointsAdded=`, in either form of `points`). Drawing one point on 500 generated ones then
//! adds about 30 characters to a link instead of 2,100, so the QR code stays small.
//!
//! The generated set is regenerated from the link's own seed, data set, samples, noise and
//! classes, and put on the link's grid as drawn points are ([`clamp_point_in`]); the same
//! link always gives the same points, in the same order (which decides the training/test
//! split).
use super::parser::shorten;
use super::points::{points_value, read_points};
use super::{clamp_point_in, limits, ExperimentConfig, Model};
use crate::core::dataset::{curve_points, line_points, Point};
use crate::core::rng::{Pcg32, Stream};
use std::fmt::Write;

/// The key of the points added after the generated ones that are kept.
pub(super) const ADDED_KEY: &str = "pointsAdded";
/// The key of the generated points removed, by index from 0.
pub(super) const REMOVED_KEY: &str = "pointsRemoved";
/// At most this many notes about bad indexes.
const MAX_INDEX_NOTES: usize = 3;

impl ExperimentConfig {
    /// The data set's own points for this config, as the generator makes them (its seed,
    /// data set, samples, noise and classes; line and curve mode's own sets), whatever
    /// `points` holds.
    pub fn generated_points(&self) -> Vec<Point> {
        let mut rng = Pcg32::stream(self.seed, Stream::Data);
        let noise = f64::from(self.noise) / 100.0;
        match self.model {
            Model::Line => line_points(self.samples.min(limits::LINE_SAMPLES), noise, &mut rng),
            Model::Curve => {
                let n = self.samples.min(limits::CURVE_SAMPLES);
                curve_points(self.curve, n, noise, &mut rng)
            }
            _ => self
                .active_dataset()
                .generate(self.samples, noise, self.classes, &mut rng),
        }
    }

    /// How many of the user's points are the generated set's, kept when the user edited it
    /// (the points [`PointDiff::between`] the set and them keeps); 0 without own points.
    pub fn generated_kept(&self) -> usize {
        self.points.as_ref().map_or(0, |points| {
            points.len()
                - PointDiff::between(&self.generated_on_grid(), points)
                    .added
                    .len()
        })
    }

    /// [`ExperimentConfig::generated_points`] on the link's grid, as a point edit keeps them.
    pub fn generated_on_grid(&self) -> Vec<Point> {
        let domain = self.domain();
        self.generated_points()
            .into_iter()
            .map(|p| clamp_point_in(p, self.problem, domain))
            .collect()
    }
}

/// How a list of points differs from a base list: the base's points at `removed` (ascending
/// indexes) are gone, and `added` come after the rest.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PointDiff {
    pub removed: Vec<usize>,
    pub added: Vec<Point>,
}

impl PointDiff {
    /// The difference that turns `base` into `points`: the longest run of `points` from the
    /// start that is `base` with some points left out (matched greedily, in order), and the
    /// rest of `points` added. [`PointDiff::apply`] gives `points` back exactly.
    pub fn between(base: &[Point], points: &[Point]) -> PointDiff {
        let mut removed = Vec::new();
        let mut next = 0;
        let mut kept = 0;
        for p in points {
            let Some(offset) = base[next..].iter().position(|b| b == p) else {
                break;
            };
            removed.extend(next..next + offset);
            next += offset + 1;
            kept += 1;
        }
        removed.extend(next..base.len());
        PointDiff {
            removed,
            added: points[kept..].to_vec(),
        }
    }

    /// `base` without the removed points, then the added ones. Indexes past the end are
    /// ignored.
    pub fn apply(&self, base: &[Point]) -> Vec<Point> {
        let mut gone = vec![false; base.len()];
        for &i in &self.removed {
            if let Some(g) = gone.get_mut(i) {
                *g = true;
            }
        }
        base.iter()
            .zip(gone)
            .filter_map(|(p, gone)| (!gone).then_some(*p))
            .chain(self.added.iter().copied())
            .collect()
    }
}

/// The link's pairs for `points` (without a trailing `&`): `points=…`, or the difference from
/// the generated set when that is shorter.
pub(super) fn points_pairs(cfg: &ExperimentConfig, points: &[Point]) -> String {
    let plain = format!("points={}", points_value(points));
    let diff = PointDiff::between(&cfg.generated_on_grid(), points);
    let mut pairs = Vec::new();
    if !diff.removed.is_empty() {
        pairs.push(format!("{REMOVED_KEY}={}", format_indexes(&diff.removed)));
    }
    if !diff.added.is_empty() || diff.removed.is_empty() {
        pairs.push(format!("{ADDED_KEY}={}", points_value(&diff.added)));
    }
    let pairs = pairs.join("&");
    if pairs.len() < plain.len() {
        pairs
    } else {
        plain
    }
}

/// Ascending indexes as `a,b,c-d`: runs of two or more as a range.
pub fn format_indexes(indexes: &[usize]) -> String {
    let mut s = String::new();
    let mut i = 0;
    while i < indexes.len() {
        let start = indexes[i];
        let mut end = start;
        while i + 1 < indexes.len() && indexes[i + 1] == end + 1 {
            end += 1;
            i += 1;
        }
        if !s.is_empty() {
            s.push(',');
        }
        let _ = if end > start {
            write!(s, "{start}-{end}")
        } else {
            write!(s, "{start}")
        };
        i += 1;
    }
    s
}

/// The two keys of a point edit as a link gave them (each value percent-decoded), until
/// every other key is read.
#[derive(Clone, Debug, Default)]
pub(super) struct PointEditKeys {
    pub removed: Option<String>,
    pub added: Option<String>,
}

impl PointEditKeys {
    /// Whether the link had either key.
    pub fn given(&self) -> bool {
        self.removed.is_some() || self.added.is_some()
    }

    /// The points of `cfg` (its own, or else the generated set on the grid) with this edit
    /// applied. Bad indexes and points are skipped with a note.
    pub fn apply(&self, cfg: &ExperimentConfig, notes: &mut Vec<String>) -> Vec<Point> {
        let base = cfg
            .points
            .clone()
            .unwrap_or_else(|| cfg.generated_on_grid());
        let removed = self
            .removed
            .as_deref()
            .map_or_else(Vec::new, |text| read_indexes(text, base.len(), notes));
        let added = self.added.as_deref().map_or_else(Vec::new, |text| {
            read_points(ADDED_KEY, text, notes).unwrap_or_default()
        });
        let mut points = PointDiff { removed, added }.apply(&base);
        if points.len() > limits::MAX_POINTS {
            points.truncate(limits::MAX_POINTS);
            notes.push(format!(
                "Only the first {} points were kept.",
                limits::MAX_POINTS
            ));
        }
        points
    }
}

/// Reads `a,b,c-d` into indexes below `len`. Bad entries and indexes past the end are
/// skipped with a note. Never allocates more than `len` flags, whatever the ranges say.
pub fn read_indexes(text: &str, len: usize, notes: &mut Vec<String>) -> Vec<usize> {
    let mut gone = vec![false; len];
    let (mut bad, mut past_end) = (0, 0);
    for entry in text.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        let range = match entry.split_once('-') {
            Some((a, b)) => a.trim().parse::<usize>().ok().zip(b.trim().parse().ok()),
            None => entry.parse::<usize>().ok().map(|i| (i, i)),
        };
        match range {
            Some((a, b)) if a <= b => {
                past_end += usize::from(b >= len);
                for g in gone.iter_mut().take(b.saturating_add(1)).skip(a) {
                    *g = true;
                }
            }
            _ => {
                bad += 1;
                if bad <= MAX_INDEX_NOTES {
                    notes.push(format!(
                        "{REMOVED_KEY}: '{}' is not an index or a range a-b; skipped.",
                        shorten(entry)
                    ));
                }
            }
        }
    }
    if bad > MAX_INDEX_NOTES {
        notes.push(format!(
            "{REMOVED_KEY}: {} more bad entries were skipped.",
            bad - MAX_INDEX_NOTES
        ));
    }
    if past_end > 0 {
        notes.push(format!(
            "{REMOVED_KEY}: there are {len} points to remove from (0 to {}); {past_end} entries reach past them.",
            len.saturating_sub(1)
        ));
    }
    gone.iter()
        .enumerate()
        .filter_map(|(i, &g)| g.then_some(i))
        .collect()
}
