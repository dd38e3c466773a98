//! The two floating-point widths the network computes in: f64 (exact: gradient checks, the
//! numerical derivative, measured losses) and f32 (fast: training steps and the heatmaps,
//! twice as many values per vector instruction). The kernels are written once, over [`Real`].
use std::fmt::Debug;
use std::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Sub};

/// A floating-point type the network can compute in.
pub trait Real:
    Copy
    + Debug
    + Default
    + PartialOrd
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
    + AddAssign
    + MulAssign
    + DivAssign
    + 'static
{
    const ZERO: Self;
    const ONE: Self;
    /// The nearest value of this type.
    fn of(v: f64) -> Self;
    /// The value as f64 (exact).
    fn f64(self) -> f64;
    /// e^self, branch-free (see [`crate::core::fastmath`]).
    fn exp(self) -> Self;
    /// The larger of the two, `other` if `self` is NaN. A compare and a select, which
    /// vectorizes in WebAssembly (`f64::max` does not: SIMD's `max` propagates NaN).
    #[inline(always)]
    fn max(self, other: Self) -> Self {
        if self > other {
            self
        } else {
            other
        }
    }
    fn abs(self) -> Self;
    /// tanh(self), branch-free (see [`crate::core::fastmath`]).
    fn tanh(self) -> Self;
    /// The weight gradients of four inputs (`grad_sums4` in `core::mlp::kernels`), a method
    /// so that a width can have its own.
    #[inline(always)]
    fn grad_sums4(delta: &[[Self; 4]], x: [&[[Self; 4]]; 4]) -> [Self; 4] {
        crate::core::mlp::kernels::grad_sums4(delta, x)
    }
}

macro_rules! real {
    ($t:ty, $exp:path, $tanh:path $(, $extra:item)*) => {
        impl Real for $t {
            const ZERO: Self = 0.0;
            const ONE: Self = 1.0;
            #[inline(always)]
            fn of(v: f64) -> Self {
                v as $t
            }
            #[inline(always)]
            fn f64(self) -> f64 {
                self as f64
            }
            #[inline(always)]
            fn exp(self) -> Self {
                $exp(self)
            }
            #[inline(always)]
            fn abs(self) -> Self {
                <$t>::abs(self)
            }
            #[inline(always)]
            fn tanh(self) -> Self {
                $tanh(self)
            }
            $($extra)*
        }
    };
}

real!(f64, crate::core::fastmath::exp, crate::core::fastmath::tanh);
real!(
    f32,
    crate::core::fastmath::exp_f32,
    crate::core::fastmath::tanh_f32,
    /// [`Real::grad_sums4`] in WebAssembly SIMD (`core::mlp::kernels::simd`).
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    #[inline(always)]
    fn grad_sums4(delta: &[[f32; 4]], x: [&[[f32; 4]]; 4]) -> [f32; 4] {
        crate::core::mlp::kernels::simd::grad_sums4(delta, x)
    }
);
