//! Each activation drawn: its formula, its derivative's, and the curves' points in a fixed
//! frame (z from −3 to 3 across, −1.5 to 3 up), for the small chart beside the activation menu
//! and in the activations lesson. The values come from [`Activation::value`] and
//! [`Activation::derivative`], the functions the networks train with.
use crate::core::activation::{Activation, ELU_ALPHA, LEAKY_SLOPE};

/// The frame every curve is drawn in: z across, f(z) and f′(z) up.
pub const Z_RANGE: (f64, f64) = (-3.0, 3.0);
pub const Y_RANGE: (f64, f64) = (-1.5, 3.0);

/// The z values labelled under the chart.
pub const Z_TICKS: [f64; 3] = [-3.0, 0.0, 3.0];
/// The y values labelled beside the chart (its range, −1.5 to 3, in whole numbers).
pub const Y_TICKS: [f64; 5] = [-1.0, 0.0, 1.0, 2.0, 3.0];

/// A tick's label, with a real minus sign: `−3`, `0`, `3`.
pub fn tick_label(v: f64) -> String {
    let text = format!("{v}");
    text.replace('-', "−")
}

/// The formulas of f and f′, as a lesson writes them.
pub fn formulas(a: Activation) -> (String, String) {
    let (f, d) = match a {
        Activation::Sigmoid => (
            "σ(z) = 1 / (1 + e⁻ᶻ)",
            "σ′(z) = σ(z)(1 − σ(z)), at most 0.25",
        ),
        Activation::Tanh => (
            "tanh(z) = (eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ)",
            "tanh′(z) = 1 − tanh²(z), at most 1",
        ),
        Activation::Relu => ("ReLU(z) = max(0, z)", "ReLU′(z) = 1 if z > 0, else 0"),
        Activation::LeakyRelu => {
            return (
                format!("f(z) = z if z > 0, else {LEAKY_SLOPE}·z"),
                format!("f′(z) = 1 if z > 0, else {LEAKY_SLOPE}"),
            )
        }
        Activation::Elu => {
            return (
                format!("f(z) = z if z > 0, else {ELU_ALPHA}·(eᶻ − 1)"),
                format!("f′(z) = 1 if z > 0, else f(z) + {ELU_ALPHA}"),
            )
        }
        Activation::Linear => ("f(z) = z", "f′(z) = 1"),
        Activation::Step => (
            "f(z) = 1 if z ≥ 0, else 0",
            "f′(z) = 0 (except at 0): no gradient",
        ),
    };
    (f.to_string(), d.to_string())
}

/// One sample of the curves: z, f(z) and f′(z).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sample {
    pub z: f64,
    pub f: f64,
    pub df: f64,
}

/// `n` (at least 2) samples of f and f′ evenly across [`Z_RANGE`].
pub fn samples(a: Activation, n: usize) -> Vec<Sample> {
    let n = n.max(2);
    let (lo, hi) = Z_RANGE;
    (0..n)
        .map(|i| {
            let z = lo + (hi - lo) * i as f64 / (n - 1) as f64;
            let f = a.value(z);
            Sample {
                z,
                f,
                df: a.derivative(z, f),
            }
        })
        .collect()
}

/// Where (z, y) falls on a `width × height` canvas (pixels, y down), in the frame; values off
/// the frame land off the canvas.
pub fn to_pixel(z: f64, y: f64, width: f64, height: f64) -> (f64, f64) {
    let (z0, z1) = Z_RANGE;
    let (y0, y1) = Y_RANGE;
    ((z - z0) / (z1 - z0) * width, (y1 - y) / (y1 - y0) * height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_curves_are_the_training_functions() {
        for a in Activation::ALL {
            let s = samples(a, 61);
            assert_eq!(s.len(), 61);
            assert_eq!((s[0].z, s[60].z), Z_RANGE);
            for p in &s {
                assert_eq!(p.f, a.value(p.z));
                assert_eq!(p.df, a.derivative(p.z, p.f));
            }
        }
    }

    #[test]
    fn known_values_of_the_notes() {
        let at = |a: Activation, z: f64| {
            samples(a, 61)
                .into_iter()
                .find(|s| (s.z - z).abs() < 1e-9)
                .unwrap()
        };
        // σ(2) = 0.88 (the notes), σ′(0) = 0.25.
        assert!((at(Activation::Sigmoid, 2.0).f - 0.8808).abs() < 1e-4);
        assert_eq!(at(Activation::Sigmoid, 0.0).df, 0.25);
        assert_eq!(at(Activation::Tanh, 0.0).df, 1.0);
        let relu = at(Activation::Relu, -1.0);
        assert_eq!((relu.f, relu.df), (0.0, 0.0));
        let leaky = at(Activation::LeakyRelu, -2.0);
        assert_eq!((leaky.f, leaky.df), (-0.02, 0.01));
        let elu = at(Activation::Elu, -1.0);
        assert!((elu.f - (-0.6321)).abs() < 1e-4 && (elu.df - 0.3679).abs() < 1e-4);
    }

    #[test]
    fn formulas_name_each_activation() {
        assert_eq!(formulas(Activation::Relu).0, "ReLU(z) = max(0, z)");
        assert_eq!(
            formulas(Activation::LeakyRelu).0,
            "f(z) = z if z > 0, else 0.01·z"
        );
        assert_eq!(
            formulas(Activation::Elu).1,
            "f′(z) = 1 if z > 0, else f(z) + 1"
        );
    }

    #[test]
    fn ticks_lie_in_the_frame_and_read_with_a_minus_sign() {
        for z in Z_TICKS {
            assert!((Z_RANGE.0..=Z_RANGE.1).contains(&z));
        }
        for y in Y_TICKS {
            assert!((Y_RANGE.0..=Y_RANGE.1).contains(&y));
        }
        let labels: Vec<String> = Z_TICKS.iter().map(|&z| tick_label(z)).collect();
        assert_eq!(labels, ["−3", "0", "3"]);
        assert_eq!(tick_label(-1.0), "−1");
    }

    #[test]
    fn the_frame_maps_corners_to_corners() {
        assert_eq!(to_pixel(-3.0, 3.0, 240.0, 150.0), (0.0, 0.0));
        assert_eq!(to_pixel(3.0, -1.5, 240.0, 150.0), (240.0, 150.0));
        assert_eq!(to_pixel(0.0, 0.0, 240.0, 150.0), (120.0, 100.0));
    }
}
