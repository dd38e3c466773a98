//! Curve mode's data: (x, y) points scattered around a curve y = f(x) that the network does
//! not know (a sine wave, a parabola, a cubic or a step).
use super::Point;
use crate::core::domain::DOMAIN;
use crate::core::rng::Pcg32;

/// The curves that curve mode's points scatter around.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum CurveKind {
    /// y = 3·sin x: two and a half bends across the points, out of reach of a straight line.
    #[default]
    Sine,
    /// y = x²/4 − 3.
    Parabola,
    /// y = (x³ − 16x)/12: up, down and up again.
    Cubic,
    /// y = −2 left of 0 and +2 from 0 on: a jump no smooth curve takes exactly.
    Step,
}

impl CurveKind {
    /// Every curve, in UI order.
    pub const ALL: [CurveKind; 4] = [
        CurveKind::Sine,
        CurveKind::Parabola,
        CurveKind::Cubic,
        CurveKind::Step,
    ];

    /// The link name (`curve=…`).
    pub fn name(self) -> &'static str {
        match self {
            CurveKind::Sine => "sine",
            CurveKind::Parabola => "parabola",
            CurveKind::Cubic => "cubic",
            CurveKind::Step => "step",
        }
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            CurveKind::Sine => "Sine wave",
            CurveKind::Parabola => "Parabola",
            CurveKind::Cubic => "Cubic",
            CurveKind::Step => "Step",
        }
    }

    /// The curve as the notes would write it.
    pub fn formula(self) -> &'static str {
        match self {
            CurveKind::Sine => "y = 3·sin x",
            CurveKind::Parabola => "y = x²/4 − 3",
            CurveKind::Cubic => "y = (x³ − 16x)/12",
            CurveKind::Step => "y = −2 for x < 0, +2 for x ≥ 0",
        }
    }

    /// Parses a link name; `None` for anything unknown.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The curve's y at `x`.
    pub fn y(self, x: f64) -> f64 {
        match self {
            CurveKind::Sine => 3.0 * x.sin(),
            CurveKind::Parabola => x * x / 4.0 - 3.0,
            CurveKind::Cubic => (x * x * x - 16.0 * x) / 12.0,
            CurveKind::Step if x < 0.0 => -2.0,
            CurveKind::Step => 2.0,
        }
    }
}

/// `n` points (x, y) with x uniform in [−5, 5] and y = f(x) plus Gaussian scatter of standard
/// deviation 0.3 (no noise) to 1.8 (50 % noise), kept inside the plot. As in line mode, even
/// "no noise" scatters the points a little, so that they show on both sides of a curve drawn
/// over them. Labels are 0: an (x, y) point has no class.
pub fn curve_points(kind: CurveKind, n: usize, noise: f64, rng: &mut Pcg32) -> Vec<Point> {
    let sd = 0.3 + 3.0 * noise.clamp(0.0, 0.5);
    (0..n)
        .map(|_| {
            let x = rng.range(-5.0, 5.0);
            let y = kind.y(x) + sd * rng.normal();
            Point::new(x, y.clamp(-DOMAIN, DOMAIN), 0.0)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_follow_their_curve_and_repeat_with_the_seed() {
        for kind in CurveKind::ALL {
            assert_eq!(CurveKind::from_name(kind.name()), Some(kind));
            let scatter = |points: &[Point]| {
                let off = points.iter().map(|p| (p.x2 - kind.y(p.x1)).powi(2));
                (off.sum::<f64>() / points.len() as f64).sqrt()
            };
            let clean = curve_points(kind, 200, 0.0, &mut Pcg32::new(3, 1));
            assert_eq!(clean.len(), 200);
            for p in &clean {
                assert!((-5.0..=5.0).contains(&p.x1), "{kind:?} {p:?}");
                assert!(
                    (p.x2 - kind.y(p.x1)).abs() < 1.5,
                    "{kind:?}: near the curve"
                );
                assert_eq!(p.label, 0.0);
            }
            let sd = scatter(&clean);
            assert!(
                (0.2..0.4).contains(&sd),
                "{kind:?}: scatter {sd}, about 0.3"
            );
            let noisy = curve_points(kind, 200, 0.3, &mut Pcg32::new(3, 1));
            assert_eq!(noisy, curve_points(kind, 200, 0.3, &mut Pcg32::new(3, 1)));
            assert_ne!(noisy, curve_points(kind, 200, 0.3, &mut Pcg32::new(4, 1)));
            let sd = scatter(&noisy);
            assert!(
                (0.9..1.5).contains(&sd),
                "{kind:?}: scatter {sd}, about 1.2"
            );
            assert!(noisy.iter().all(|p| p.x2.abs() <= DOMAIN));
        }
        assert_eq!(CurveKind::from_name("sin"), None);
        assert_eq!(CurveKind::Step.y(-0.01), -2.0);
        assert_eq!(CurveKind::Step.y(0.0), 2.0);
        assert!((CurveKind::Cubic.y(4.0)).abs() < 1e-12, "a root at x = 4");
    }
}
