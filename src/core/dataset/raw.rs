//! Data sets that are not the Playground's shapes: noisy points around a line (line mode's
//! (x, y) pairs), and the notes' admissions data in raw units.
use super::Point;
use crate::core::rng::Pcg32;

/// The line that line mode's points scatter around: y = 0.6·x + 1.
pub const LINE_TRUTH: (f64, f64) = (0.6, 1.0);

/// `n` points (x, y) with x uniform in [−5, 5] and y = 0.6·x + 1 plus Gaussian scatter of
/// standard deviation 0.5 (no noise) to 2 (50 % noise). Labels are 0.
pub fn line_points(n: usize, noise: f64, rng: &mut Pcg32) -> Vec<Point> {
    let sd = 0.5 + 3.0 * noise.clamp(0.0, 0.5);
    let (m, c) = LINE_TRUTH;
    (0..n)
        .map(|_| {
            let x = rng.range(-5.0, 5.0);
            Point::new(x, m * x + c + sd * rng.normal(), 0.0)
        })
        .collect()
}
