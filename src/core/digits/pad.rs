//! The drawing pad: the strokes someone draws, and their downsampling to an 8×8 image the
//! way the data set's images were made (NIST's 32×32 bitmaps, counted in 4×4 blocks):
//!
//! 1. the drawing's bounding box is centred in a 32×32 bitmap and scaled, keeping its
//!    proportions, until its longer side fills it (as the data set's digits fill their height);
//! 2. the strokes are drawn into that bitmap with a pen of a fixed width *in the bitmap*, so a
//!    small drawing and a large one give the same image, with strokes as thick as the data's;
//! 3. each 4×4 block's on pixels are counted: 0–16.
use super::{PIXELS, SIDE};

/// The pad's side in its own units (the canvas's CSS pixels); points are clamped into it.
pub const PAD_SIDE: f64 = 280.0;
/// The bitmap's side: 32 pixels, as NIST's.
pub const BITMAP: usize = 32;
/// The pen's radius in bitmap pixels (about the data set's mean ink per image).
pub const PEN_RADIUS: f64 = 2.5;
/// The most points kept; later points of a very long drawing are dropped (Clear starts again).
pub const MAX_POINTS: usize = 4000;
/// Points closer than this to the previous point of a stroke add nothing (pad units).
const MIN_STEP: f64 = 1.5;

/// The strokes drawn on the pad, in pad units (0–[`PAD_SIDE`], y down).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pad {
    strokes: Vec<Vec<(f64, f64)>>,
    points: usize,
}

impl Pad {
    /// An empty pad.
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts a stroke at (x, y). Returns whether the point was kept.
    pub fn begin(&mut self, x: f64, y: f64) -> bool {
        let Some(p) = self.accept(x, y) else {
            return false;
        };
        self.strokes.push(vec![p]);
        self.points += 1;
        true
    }

    /// Continues the last stroke to (x, y) (starts one if there is none). Returns whether the
    /// point was kept (not when it is too close to the last one, or the pad is full).
    pub fn extend(&mut self, x: f64, y: f64) -> bool {
        let Some(p) = self.accept(x, y) else {
            return false;
        };
        let Some(stroke) = self.strokes.last_mut() else {
            return self.begin(x, y);
        };
        if let Some(&(lx, ly)) = stroke.last() {
            if (p.0 - lx).hypot(p.1 - ly) < MIN_STEP {
                return false;
            }
        }
        stroke.push(p);
        self.points += 1;
        true
    }

    /// Empties the pad.
    pub fn clear(&mut self) {
        self.strokes.clear();
        self.points = 0;
    }

    /// Whether nothing is drawn.
    pub fn is_empty(&self) -> bool {
        self.points == 0
    }

    /// The strokes, each a list of points.
    pub fn strokes(&self) -> &[Vec<(f64, f64)>] {
        &self.strokes
    }

    /// A finite point clamped into the pad, if there is room for it.
    fn accept(&self, x: f64, y: f64) -> Option<(f64, f64)> {
        let ok = x.is_finite() && y.is_finite() && self.points < MAX_POINTS;
        ok.then(|| (x.clamp(0.0, PAD_SIDE), y.clamp(0.0, PAD_SIDE)))
    }

    /// The drawing as the data set's 32×32 bitmap (row by row; all off when empty).
    pub fn bitmap(&self) -> Vec<bool> {
        let mut bits = vec![false; BITMAP * BITMAP];
        let Some(map) = Fit::of(&self.strokes) else {
            return bits;
        };
        for stroke in &self.strokes {
            let mapped: Vec<(f64, f64)> = stroke.iter().map(|&p| map.apply(p)).collect();
            match mapped.as_slice() {
                [one] => stamp(&mut bits, *one, *one),
                many => many.windows(2).for_each(|w| stamp(&mut bits, w[0], w[1])),
            }
        }
        bits
    }

    /// The drawing downsampled to 8×8: each pixel the count of on pixels in its 4×4 block of
    /// [`Pad::bitmap`], 0–16, row by row.
    pub fn downsample(&self) -> [u8; PIXELS] {
        let bits = self.bitmap();
        let block = BITMAP / SIDE;
        let mut out = [0u8; PIXELS];
        for (i, _) in bits.iter().enumerate().filter(|&(_, &on)| on) {
            let (x, y) = (i % BITMAP, i / BITMAP);
            out[(y / block) * SIDE + x / block] += 1;
        }
        out
    }
}

/// The map from pad units into the bitmap: the points' bounding box centred, its longer side
/// scaled to the bitmap less the pen's width.
struct Fit {
    centre: (f64, f64),
    scale: f64,
}

impl Fit {
    fn of(strokes: &[Vec<(f64, f64)>]) -> Option<Fit> {
        let mut points = strokes.iter().flatten();
        let &(x, y) = points.next()?;
        let (mut x0, mut x1, mut y0, mut y1) = (x, x, y, y);
        for &(x, y) in points {
            (x0, x1, y0, y1) = (x0.min(x), x1.max(x), y0.min(y), y1.max(y));
        }
        let side = (x1 - x0).max(y1 - y0);
        let room = BITMAP as f64 - 2.0 * PEN_RADIUS;
        Some(Fit {
            centre: ((x0 + x1) / 2.0, (y0 + y1) / 2.0),
            scale: if side > 0.0 { room / side } else { 0.0 },
        })
    }

    fn apply(&self, (x, y): (f64, f64)) -> (f64, f64) {
        let half = BITMAP as f64 / 2.0;
        (
            half + (x - self.centre.0) * self.scale,
            half + (y - self.centre.1) * self.scale,
        )
    }
}

/// Turns on every bitmap pixel whose centre is within [`PEN_RADIUS`] of the segment a–b.
fn stamp(bits: &mut [bool], a: (f64, f64), b: (f64, f64)) {
    let r = PEN_RADIUS;
    let last = (BITMAP - 1) as f64;
    let lo = |u: f64, v: f64| (u.min(v) - r).floor().clamp(0.0, last) as usize;
    let hi = |u: f64, v: f64| (u.max(v) + r).ceil().clamp(0.0, last) as usize;
    for py in lo(a.1, b.1)..=hi(a.1, b.1) {
        for px in lo(a.0, b.0)..=hi(a.0, b.0) {
            let c = (px as f64 + 0.5, py as f64 + 0.5);
            if distance_to_segment(c, a, b) <= r {
                bits[py * BITMAP + px] = true;
            }
        }
    }
}

/// The distance from `p` to the segment a–b.
fn distance_to_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (p.0 - a.0 - t * dx).hypot(p.1 - a.1 - t * dy)
}
