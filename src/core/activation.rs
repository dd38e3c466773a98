//! Activation functions, their derivatives and their stable URL names.
use crate::core::real::Real;

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
                    elu_negative(z)
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

/// The logistic function 1 / (1 + e^−z), branch-free and finite for any z, in either width.
#[inline(always)]
pub fn sigmoid<F: Real>(z: F) -> F {
    F::ONE / (F::ONE + (-z).exp())
}

/// tanh(z): through `exp` in f64, by a rational function in f32 (see [`crate::core::fastmath`]).
#[inline(always)]
pub fn tanh<F: Real>(z: F) -> F {
    z.tanh()
}

/// ELU's negative branch, α (eᶻ − 1).
#[inline(always)]
fn elu_negative<F: Real>(z: F) -> F {
    F::of(ELU_ALPHA) * (z.exp() - F::ONE)
}

/// 1 where `condition`, else 0.
#[inline(always)]
fn indicator<F: Real>(condition: bool) -> F {
    if condition {
        F::ONE
    } else {
        F::ZERO
    }
}

/// Something to run with an activation as a function `z ↦ (f(z), f'(z))` (see
/// [`Activation::with_pair`]): each activation's function is its own type, so the code it is
/// given is compiled once per activation with the function inlined.
pub trait PairUser<F: Real> {
    /// What the use gives back.
    type Output;
    /// Uses `pair`, which maps a pre-activation to the output and the derivative.
    fn run<P: Fn(F) -> (F, F) + Copy>(self, pair: P) -> Self::Output;
}

impl Activation {
    /// Runs `user` with this activation as `z ↦ (f(z), f'(z))`. Written branch-free (selects),
    /// so that a block of values becomes vector arithmetic.
    #[inline(always)]
    pub fn with_pair<F: Real, U: PairUser<F>>(self, user: U) -> U::Output {
        match self {
            Activation::Linear => user.run(|z| (z, F::ONE)),
            Activation::Sigmoid => user.run(|z| {
                let s = sigmoid(z);
                (s, s * (F::ONE - s))
            }),
            Activation::Tanh => user.run(|z| {
                let t = tanh(z);
                (t, F::ONE - t * t)
            }),
            Activation::Relu => user.run(|z| (z.max(F::ZERO), indicator(z > F::ZERO))),
            Activation::LeakyRelu => user.run(|z| {
                let d = if z > F::ZERO {
                    F::ONE
                } else {
                    F::of(LEAKY_SLOPE)
                };
                (z * d, d)
            }),
            Activation::Elu => user.run(|z| {
                let neg = elu_negative(z);
                if z > F::ZERO {
                    (z, F::ONE)
                } else {
                    (neg, neg + F::of(ELU_ALPHA))
                }
            }),
            Activation::Step => user.run(|z| (indicator(z >= F::ZERO), F::ZERO)),
        }
    }
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
        assert!(sigmoid(-800.0) < 1e-300);
        assert_eq!(sigmoid(800.0), 1.0);
    }

    #[test]
    fn fast_tanh_agrees_with_std() {
        let mut z: f64 = -20.0;
        while z < 20.0 {
            assert!((tanh(z) - z.tanh()).abs() < 1e-14, "z = {z}");
            z += 0.0037;
        }
        assert_eq!(tanh(0.0), 0.0);
        assert_eq!(tanh(1e3), 1.0);
    }

    /// Applies an activation's pair to `.0` in place, writing the derivatives into `.1`.
    struct Slices<'a, F>(&'a mut [F], &'a mut [F]);

    impl<F: Real> PairUser<F> for Slices<'_, F> {
        type Output = ();
        fn run<P: Fn(F) -> (F, F) + Copy>(self, pair: P) {
            for (v, d) in self.0.iter_mut().zip(self.1.iter_mut()) {
                (*v, *d) = pair(*v);
            }
        }
    }

    #[test]
    fn the_pair_form_matches_value_and_derivative() {
        let zs: Vec<f64> = (-40..=40).map(|i| f64::from(i) * 0.173).collect();
        for act in Activation::ALL {
            let mut values = zs.clone();
            let mut grads = vec![0.0; zs.len()];
            act.with_pair(Slices(&mut values, &mut grads));
            for ((&z, &v), &d) in zs.iter().zip(&values).zip(&grads) {
                assert_eq!(v, act.value(z), "{act:?} at {z}");
                assert_eq!(d, act.derivative(z, v), "{act:?}' at {z}");
            }
        }
    }

    /// The fast (f32) path computes what the exact one does, to f32's precision.
    #[test]
    fn the_f32_path_agrees_with_f64() {
        let zs: Vec<f64> = (-400..=400).map(|i| f64::from(i) * 0.0377).collect();
        for act in Activation::ALL {
            let (mut exact, mut exact_d) = (zs.clone(), vec![0.0; zs.len()]);
            act.with_pair(Slices(&mut exact, &mut exact_d));
            let mut fast: Vec<f32> = zs.iter().map(|&z| z as f32).collect();
            let mut fast_d = vec![0.0f32; zs.len()];
            act.with_pair(Slices(&mut fast, &mut fast_d));
            for i in 0..zs.len() {
                // Step flips where rounding z to f32 moves it across 0; no z here is that close.
                let close = |a: f64, b: f32| (a - f64::from(b)).abs() <= 4e-7 * a.abs().max(1.0);
                assert!(close(exact[i], fast[i]), "{act:?}({})", zs[i]);
                assert!(close(exact_d[i], fast_d[i]), "{act:?}'({})", zs[i]);
            }
        }
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
