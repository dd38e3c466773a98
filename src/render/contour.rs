//! The decision boundary as a line: where a two-class model's score of class 1 crosses 0.5
//! (p = 0.5 for the sigmoid), traced through the boundary grid by marching squares with
//! linear interpolation along the cells' edges. The heatmap shows how sure the model is; the
//! line shows where it decides, as the lecture draws it (w₁x₁ + w₂x₂ + b = 0).
//!
//! Kept hand-written rather than taken from a crate (`contour`, `isoline`): one threshold on a
//! small square grid needs only the 16-case table and the edge interpolation, with the
//! segments joined into polylines the way the canvas draws them (measured in the README), and
//! the crates bring general geometry types (GeoJSON, `geo`) the wasm does not need.
use crate::core::snapshot::Grid;

/// A piece of the line, from one point to another, in plot fractions: x from the left edge,
/// y from the top edge, both in [0, 1].
pub type Segment = [(f64, f64); 2];

/// The level the line follows: a score of 0.5, where the class changes.
pub const LEVEL: f64 = 0.5;

/// Writes into `out` the segments where the single-output `grid` crosses [`LEVEL`] (nothing
/// for a grid with several outputs per cell). Cell values sit at the cells' centres; a square
/// with a NaN corner is skipped.
pub fn boundary_segments(grid: &Grid, out: &mut Vec<Segment>) {
    out.clear();
    let res = grid.res;
    if grid.units != 1 || res < 2 || grid.outputs.len() < res * res {
        return;
    }
    for row in 0..res - 1 {
        for col in 0..res - 1 {
            square_segments(grid, row, col, out);
        }
    }
}

/// Adds the segments (none, one or, at a saddle, two) where the line crosses the square whose
/// top-left corner is the cell centre at (`row`, `col`).
fn square_segments(grid: &Grid, row: usize, col: usize, out: &mut Vec<Segment>) {
    let res = grid.res;
    let at = |row: f64, col: f64| ((col + 0.5) / res as f64, (row + 0.5) / res as f64);
    // Corners clockwise from the top left, and the edges that leave each of them.
    let corners = [
        (row, col),
        (row, col + 1),
        (row + 1, col + 1),
        (row + 1, col),
    ];
    let v = corners.map(|(r, c)| grid.outputs[r * res + c]);
    if v.iter().any(|x| x.is_nan()) {
        return;
    }
    let inside = v.map(|x| x >= LEVEL);
    // The crossing on edge e (from corner e to corner e + 1), if the line crosses it.
    let crossing = |e: usize| -> Option<(f64, f64)> {
        let f = (e + 1) % 4;
        if inside[e] == inside[f] {
            return None;
        }
        let t = (LEVEL - v[e]) / (v[f] - v[e]);
        let (r0, c0) = (corners[e].0 as f64, corners[e].1 as f64);
        let (r1, c1) = (corners[f].0 as f64, corners[f].1 as f64);
        Some(at(r0 + t * (r1 - r0), c0 + t * (c1 - c0)))
    };
    // Going round the square the side changes an even number of times: 0, 2 or 4.
    match [0, 1, 2, 3].map(crossing) {
        [Some(top), Some(right), Some(bottom), Some(left)] => {
            // A saddle: the centre decides which corners the line cuts off. If the top-left
            // corner is on the other side from the centre, it and the bottom-right one are
            // cut off; otherwise the other two are.
            let centre = v.iter().sum::<f64>() / 4.0 >= LEVEL;
            if inside[0] != centre {
                out.push([top, left]);
                out.push([right, bottom]);
            } else {
                out.push([top, right]);
                out.push([bottom, left]);
            }
        }
        cuts => {
            let mut ends = cuts.into_iter().flatten();
            if let (Some(a), Some(b)) = (ends.next(), ends.next()) {
                out.push([a, b]);
            }
        }
    }
}

/// A line through points in plot fractions, stroked in one go.
pub type Polyline = Vec<(f64, f64)>;

/// Joins `segments` that meet end to end into polylines (a closed loop ends where it
/// starts), written into `out`. A traced boundary is then stroked as a few long lines
/// instead of hundreds of short ones, which is what costs a browser's rasterizer (every
/// short line has its own two ends). Ends meet when they agree to 1e-9 of the plot; segments
/// of no length are left out.
pub fn chain(segments: &[Segment], out: &mut Vec<Polyline>) {
    use std::collections::{HashMap, VecDeque};
    out.clear();
    let key = |p: (f64, f64)| ((p.0 * 1e9).round() as i64, (p.1 * 1e9).round() as i64);
    let mut at: HashMap<(i64, i64), Vec<usize>> = HashMap::with_capacity(segments.len() * 2);
    for (i, seg) in segments.iter().enumerate() {
        for &p in seg {
            at.entry(key(p)).or_default().push(i);
        }
    }
    // A segment of no length (the line through a cell's corner) adds nothing to a line.
    let mut used: Vec<bool> = segments.iter().map(|[a, b]| key(*a) == key(*b)).collect();
    // The unused segment that meets `end`, and its other end.
    let next = |end: (f64, f64), used: &mut Vec<bool>| -> Option<(f64, f64)> {
        let k = key(end);
        let j = *at.get(&k)?.iter().find(|&&j| !used[j])?;
        used[j] = true;
        let [a, b] = segments[j];
        Some(if key(a) == k { b } else { a })
    };
    for start in 0..segments.len() {
        if used[start] {
            continue;
        }
        used[start] = true;
        let mut line: VecDeque<(f64, f64)> = segments[start].into_iter().collect();
        while let Some(p) = line.back().and_then(|&end| next(end, &mut used)) {
            line.push_back(p);
        }
        while let Some(p) = line.front().and_then(|&end| next(end, &mut used)) {
            line.push_front(p);
        }
        out.push(line.into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A single-output grid with `f(x, y)` at each cell centre (plot fractions, y down).
    fn grid(res: usize, f: impl Fn(f64, f64) -> f64) -> Grid {
        let mut g = Grid::default();
        (g.res, g.units) = (res, 1);
        for row in 0..res {
            for col in 0..res {
                let (x, y) = (
                    (col as f64 + 0.5) / res as f64,
                    (row as f64 + 0.5) / res as f64,
                );
                g.outputs.push(f(x, y));
            }
        }
        g
    }

    fn segments(g: &Grid) -> Vec<Segment> {
        let mut out = vec![[(9.0, 9.0); 2]]; // replaced, not added to
        boundary_segments(g, &mut out);
        out
    }

    #[test]
    fn a_linear_score_gives_the_straight_line_it_crosses_on() {
        // Score 0.5 on the line x + y = 0.8.
        let s = segments(&grid(40, |x, y| 0.5 + (x + y - 0.8)));
        assert!(s.len() > 40, "{} segments", s.len());
        for p in s.iter().flatten() {
            assert!((p.0 + p.1 - 0.8).abs() < 1e-9, "{p:?} is off the line");
        }
        // It runs from one edge of the grid's centres to the other.
        let xs: Vec<f64> = s.iter().flatten().map(|p| p.0).collect();
        let (lo, hi) = xs
            .iter()
            .fold((1.0f64, 0.0f64), |(l, h), &x| (l.min(x), h.max(x)));
        assert!(lo < 0.02 && hi > 0.78, "{lo}..{hi}");
    }

    #[test]
    fn a_circle_is_traced_all_round_and_closes() {
        let r = 0.3;
        let g = grid(100, |x, y| {
            let d = ((x - 0.5).powi(2) + (y - 0.5).powi(2)).sqrt();
            1.0 / (1.0 + (8.0 * (d - r)).exp()) // class 1 inside
        });
        let s = segments(&g);
        let mut length = 0.0;
        for [a, b] in &s {
            for p in [a, b] {
                let d = ((p.0 - 0.5).powi(2) + (p.1 - 0.5).powi(2)).sqrt();
                assert!((d - r).abs() < 2e-3, "{p:?} is {d} from the centre");
            }
            length += ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
        }
        let circumference = 2.0 * std::f64::consts::PI * r;
        assert!(
            (length - circumference).abs() < 0.01 * circumference,
            "{length}"
        );
        // Closed: every end point is shared by exactly two segments.
        let key = |p: &(f64, f64)| ((p.0 * 1e9).round() as i64, (p.1 * 1e9).round() as i64);
        let mut ends = std::collections::HashMap::new();
        for p in s.iter().flatten() {
            *ends.entry(key(p)).or_insert(0) += 1;
        }
        assert!(ends.values().all(|&n| n == 2), "an open end");
    }

    #[test]
    fn segments_chain_into_one_closed_loop_or_one_open_line() {
        let mut lines = Vec::new();
        let circle = grid(100, |x, y| {
            let d = ((x - 0.5).powi(2) + (y - 0.5).powi(2)).sqrt();
            1.0 / (1.0 + (8.0 * (d - 0.3)).exp())
        });
        let s = segments(&circle);
        chain(&s, &mut lines);
        assert_eq!(lines.len(), 1, "one loop");
        let loop_ = &lines[0];
        assert_eq!(
            loop_.len(),
            s.len() + 1,
            "every segment, and back to the start"
        );
        let (a, b) = (loop_[0], loop_[loop_.len() - 1]);
        assert!(
            (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9,
            "closed"
        );
        // Consecutive points are the ends of one segment.
        let key = |p: (f64, f64)| ((p.0 * 1e9).round() as i64, (p.1 * 1e9).round() as i64);
        let ends: std::collections::HashSet<_> = s
            .iter()
            .flat_map(|[a, b]| [(key(*a), key(*b)), (key(*b), key(*a))])
            .collect();
        assert!(loop_
            .windows(2)
            .all(|w| ends.contains(&(key(w[0]), key(w[1])))));

        chain(&segments(&grid(40, |x, y| 0.5 + (x + y - 0.8))), &mut lines);
        assert_eq!(lines.len(), 1, "one open line");
        let s = segments(&grid(2, |_, _| 0.0));
        chain(&s, &mut lines);
        assert!(lines.is_empty());
        let mut saddle = grid(2, |_, _| 0.0);
        saddle.outputs = vec![0.9, 0.2, 0.3, 0.8];
        chain(&segments(&saddle), &mut lines);
        assert_eq!(lines.len(), 2, "a saddle's two pieces stay apart");
    }

    #[test]
    fn saddles_follow_the_centre_and_nothing_is_drawn_without_a_crossing() {
        // A checkerboard square: high top-left and bottom-right.
        let mut g = grid(2, |_, _| 0.0);
        g.outputs = vec![0.9, 0.2, 0.3, 0.8];
        let s = segments(&g);
        assert_eq!(s.len(), 2);
        // The centre (mean 0.55) is inside, so the low corners (top right, bottom left) are
        // cut off: one segment joins the top and right edges.
        let near = |p: (f64, f64), x: f64, y: f64| (p.0 - x).abs() < 1e-9 && (p.1 - y).abs() < 1e-9;
        let top = (0.25 + 0.5 * (0.4 / 0.7), 0.25);
        assert!(
            s.iter()
                .any(|seg| seg.iter().any(|&p| near(p, top.0, top.1))),
            "{s:?}"
        );
        assert!(
            s.iter()
                .any(|[a, b]| a.1 == 0.25 && b.0 == 0.75 || b.1 == 0.25 && a.0 == 0.75),
            "top joined to right: {s:?}"
        );
        // Mean 0.475: the centre is outside, so the high corners (top left, bottom right) are
        // cut off instead: the top edge joins the left one.
        g.outputs = vec![0.9, 0.2, 0.3, 0.5];
        let s = segments(&g);
        assert_eq!(s.len(), 2);
        assert!(
            s.iter()
                .any(|[a, b]| a.1 == 0.25 && b.0 == 0.25 || b.1 == 0.25 && a.0 == 0.25),
            "top joined to left: {s:?}"
        );
        assert!(
            !s.iter()
                .any(|[a, b]| a.1 == 0.25 && b.0 == 0.75 || b.1 == 0.25 && a.0 == 0.75),
            "not top to right: {s:?}"
        );

        assert!(
            segments(&grid(10, |_, _| 0.5)).is_empty(),
            "0.5 everywhere: one side"
        );
        assert!(segments(&grid(10, |_, _| 0.1)).is_empty());
        let mut nan = grid(10, |x, _| x);
        nan.outputs.iter_mut().for_each(|v| *v = f64::NAN);
        assert!(segments(&nan).is_empty());
        let mut three = grid(10, |x, _| x);
        three.units = 3;
        assert!(
            segments(&three).is_empty(),
            "several classes: no single line"
        );
    }
}
