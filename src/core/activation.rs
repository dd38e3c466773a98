//! Activation functions, their derivatives and their stable URL names.

/// The slope of leaky ReLU for negative inputs.
pub const LEAKY_SLOPE: f64 = 0.01;
/// The α of ELU: `α (eˣ − 1)` for negative inputs.
pub const ELU_ALPHA: f64 = 1.0;

/// A neuron's non-linearity, applied element-wise to the pre-activation `z`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Activation {
    Linear,
    Sigmoid,
    #[default]
    Tanh,
    Relu,
    LeakyRelu,
    Elu,
    /// 1 if z ≥ 0, else 0: the perceptron's rule. Its derivative is 0 almost everywhere.
    Step,
}

impl Activation {
    /// Every activation, in the order the UI lists them.
    pub const ALL: [Activation; 7] = [
        Activation::Tanh,
        Activation::Sigmoid,
        Activation::Relu,
        Activation::LeakyRelu,
        Activation::Elu,
        Activation::Linear,
        Activation::Step,
    ];

    /// The name used in links (TensorFlow Playground's where it has one).
    pub fn name(self) -> &'static str {
        match self {
            Activation::Linear => "linear",
            Activation::Sigmoid => "sigmoid",
            Activation::Tanh => "tanh",
            Activation::Relu => "relu",
            Activation::LeakyRelu => "leakyrelu",
            Activation::Elu => "elu",
            Activation::Step => "step",
        }
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Activation::Linear => "Linear",
            Activation::Sigmoid => "Sigmoid",
            Activation::Tanh => "Tanh",
            Activation::Relu => "ReLU",
            Activation::LeakyRelu => "Leaky ReLU",
            Activation::Elu => "ELU",
            Activation::Step => "Step",
        }
    }

    /// Parses a link name; `None` for anything unknown.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.name() == name)
    }

    /// f(z).
    #[inline]
    pub fn value(self, z: f64) -> f64 {
        match self {
            Activation::Linear => z,
            Activation::Sigmoid => sigmoid(z),
            Activation::Tanh => tanh(z),
            Activation::Relu => z.max(0.0),
            Activation::LeakyRelu => {
                if z > 0.0 {
                    z
                } else {
                    LEAKY_SLOPE * z
                }
            }
            Activation::Elu => {
                if z > 0.0 {
                    z
                } else {
                    ELU_ALPHA * z.exp_m1()
                }
            }
            Activation::Step => {
                if z >= 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
        }
    }

    /// f'(z), given both the pre-activation `z` and the output `a = f(z)` (whichever is cheaper).
    #[inline]
    pub fn derivative(self, z: f64, a: f64) -> f64 {
        match self {
            Activation::Linear => 1.0,
            Activation::Sigmoid => a * (1.0 - a),
            Activation::Tanh => 1.0 - a * a,
            Activation::Relu => {
                if z > 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            Activation::LeakyRelu => {
                if z > 0.0 {
                    1.0
                } else {
                    LEAKY_SLOPE
                }
            }
            Activation::Elu => {
                if z > 0.0 {
                    1.0
                } else {
                    a + ELU_ALPHA
                }
            }
            Activation::Step => 0.0,
        }
    }
}

/// The logistic function 1 / (1 + e^−z), computed without overflow for any z.
#[inline]
pub fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// tanh(z) through one `exp_m1` (cheaper than the libm `tanh` in WASM, and exact near 0).
#[inline]
pub fn tanh(z: f64) -> f64 {
    let e = (-2.0 * z.abs()).exp_m1(); // e^(−2|z|) − 1, in (−1, 0]
    (-e / (2.0 + e)).copysign(z)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_is_none() {
        for a in Activation::ALL {
            assert_eq!(Activation::from_name(a.name()), Some(a));
        }
        assert_eq!(Activation::from_name("swish"), None);
    }

    #[test]
    fn values_match_the_textbook_definitions() {
        assert_eq!(Activation::Relu.value(-2.0), 0.0);
        assert_eq!(Activation::Relu.value(3.0), 3.0);
        assert_eq!(Activation::LeakyRelu.value(-2.0), -0.02);
        assert_eq!(Activation::Step.value(0.0), 1.0);
        assert_eq!(Activation::Step.value(-1e-12), 0.0);
        assert!((Activation::Elu.value(-1.0) - ((-1.0f64).exp() - 1.0)).abs() < 1e-15);
        // The notes: σ(2) = 0.88, σ(−2) = 0.12.
        assert!((sigmoid(2.0) - 0.8808).abs() < 1e-4);
        assert!((sigmoid(-2.0) - 0.1192).abs() < 1e-4);
        assert_eq!(sigmoid(-800.0), 0.0);
        assert_eq!(sigmoid(800.0), 1.0);
    }

    #[test]
    fn fast_tanh_agrees_with_std() {
        let mut z = -20.0;
        while z < 20.0 {
            assert!((tanh(z) - z.tanh()).abs() < 1e-14, "z = {z}");
            z += 0.0037;
        }
        assert_eq!(tanh(0.0), 0.0);
        assert_eq!(tanh(1e3), 1.0);
    }

    #[test]
    fn derivatives_match_central_differences() {
        let h = 1e-6;
        for act in Activation::ALL {
            for &z in &[-2.3, -0.7, 0.4, 1.9] {
                let numeric = (act.value(z + h) - act.value(z - h)) / (2.0 * h);
                let analytic = act.derivative(z, act.value(z));
                assert!(
                    (numeric - analytic).abs() < 1e-6,
                    "{act:?} at {z}: {numeric} vs {analytic}"
                );
            }
        }
    }
}
