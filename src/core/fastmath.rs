//! Branch-free `exp` for f64 and f32, each accurate to about 1 ulp of its width, written so
//! that loops over slices vectorize (no library call, no branch: Cody–Waite reduction, a Taylor
//! polynomial by Estrin's scheme and the exponent built from bits). Used by tanh, sigmoid and
//! ELU on the training hot path. tanh in f32 skips `exp` for a rational function.
//!
//! Kept hand-written rather than taken from a crate (`libm`): `f64::exp` on wasm is a call into
//! a branching `libm` routine, so a loop over it cannot vectorize; this one can, it gives the
//! same bits native and in wasm (the same-weights test relies on it), and it is checked
//! against `std` to a few ulp below.

const LOG2_E: f64 = std::f64::consts::LOG2_E;
/// ln 2 split in a high part exact in 32 bits and a low correction (Cody–Waite).
const LN2_HI: f64 = 0.693_147_180_369_123_8;
const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;
/// 1.5 · 2⁵²: adding it rounds a double to an integer held in the low mantissa bits.
const ROUND: f64 = 6_755_399_441_055_744.0;
/// 1/i! for i = 0..=13: the Taylor coefficients of e^r.
pub(crate) const TAYLOR: [f64; 14] = [
    1.0,
    1.0,
    0.5,
    1.0 / 6.0,
    1.0 / 24.0,
    1.0 / 120.0,
    1.0 / 720.0,
    1.0 / 5_040.0,
    1.0 / 40_320.0,
    1.0 / 362_880.0,
    1.0 / 3_628_800.0,
    1.0 / 39_916_800.0,
    1.0 / 479_001_600.0,
    1.0 / 6_227_020_800.0,
];
/// exp(x) over/underflows past these; inputs are clamped to them.
const MAX_X: f64 = 709.0;
const MIN_X: f64 = -708.0;

/// e^x for any finite x (NaN gives NaN; inputs beyond ±708 are clamped, so the result stays
/// finite and positive).
#[inline(always)]
pub fn exp(x: f64) -> f64 {
    let x = x.clamp(MIN_X, MAX_X);
    let t = x * LOG2_E + ROUND;
    let k = t - ROUND; // round(x / ln 2)
    let bits_k = t.to_bits() as i64 as i32 as i64; // k, from the low mantissa bits
    let r = (x - k * LN2_HI) - k * LN2_LO; // |r| ≤ ln2 / 2
                                           // e^r from its Taylor series to r¹³/13! (truncation < 1e-17 for |r| ≤ 0.347), evaluated
                                           // by Estrin's scheme: pairs, then pairs of pairs, so the processor can work on several
                                           // terms at once instead of waiting on one long chain of multiply-adds.
    let (r2, c) = (r * r, &TAYLOR);
    let r4 = r2 * r2;
    let pair = |i: usize| c[i] + c[i + 1] * r;
    // The terms from r² on, Σ rⁱ⁻²/i!, by Estrin; then 1 + r + r²·q, small terms first.
    let q = (pair(2) + pair(4) * r2)
        + (pair(6) + pair(8) * r2) * r4
        + (pair(10) + pair(12) * r2) * (r4 * r4);
    let p = 1.0 + (r + r2 * q);
    // 2^k split in two factors so that k down to −1022 − 52 and up to 1023 stay representable.
    let half = bits_k >> 1;
    let two_a = f64::from_bits(((half + 1023) as u64) << 52);
    let two_b = f64::from_bits(((bits_k - half + 1023) as u64) << 52);
    p * two_a * two_b
}

/// ln 2 split for f32: a high part with 9 significant bits and a low correction.
pub(crate) const LN2_HI_F32: f32 = 0.693_359_4;
pub(crate) const LN2_LO_F32: f32 = -2.121_944_4e-4;
/// 1.5 · 2²³: adding it rounds an f32 to an integer held in the low mantissa bits.
pub(crate) const ROUND_F32: f32 = 12_582_912.0;
/// e^x stays a normal f32 between these (k = round(x / ln 2) within −126..=127).
pub(crate) const MAX_X_F32: f32 = 88.0;
pub(crate) const MIN_X_F32: f32 = -87.0;

/// e^x in f32 for any finite x, within about 1 ulp (NaN gives NaN; inputs beyond −87..88 are
/// clamped, so the result stays finite, positive and normal). The f32 twin of [`exp`], for the
/// network's fast path.
#[inline(always)]
pub fn exp_f32(x: f32) -> f32 {
    let x = x.clamp(MIN_X_F32, MAX_X_F32);
    let t = x * std::f32::consts::LOG2_E + ROUND_F32;
    let k = t - ROUND_F32;
    // t's bits are ROUND_F32's plus k, as long as |k| < 2²².
    let bits_k = t.to_bits() as i32 - ROUND_F32.to_bits() as i32;
    let r = (x - k * LN2_HI_F32) - k * LN2_LO_F32; // |r| ≤ ln2 / 2
                                                   // e^r to r⁷/7! (truncation < 3e-9 for |r| ≤ 0.347), by Estrin's scheme as in `exp`.
    let (r2, c) = (r * r, &TAYLOR);
    let pair = |i: usize| c[i] as f32 + c[i + 1] as f32 * r;
    let q = (pair(2) + pair(4) * r2) + pair(6) * (r2 * r2);
    let p = 1.0 + (r + r2 * q);
    p * f32::from_bits(((bits_k + 127) as u32) << 23)
}

/// tanh(x) through one branch-free [`exp`] (cheaper than libm's `tanh`, and it vectorizes: the
/// sign is restored with a select, as WebAssembly SIMD has no vector copysign). Within a few
/// ulp of 1 (an absolute error: near 0, where `1 − e` cancels, the relative error grows);
/// NaN gives NaN.
#[inline(always)]
pub fn tanh(x: f64) -> f64 {
    let e = exp(-2.0 * x.abs()); // in (0, 1]
    let t = (1.0 - e) / (1.0 + e);
    if x < 0.0 {
        -t
    } else {
        t
    }
}

/// Past this, tanh(x) is within 3.1·10⁻⁸ of ±1 (about half an f32 ulp there), so the clamp
/// changes nothing visible.
pub(crate) const TANH_SATURATES_F32: f32 = 9.0;
/// tanh(x)/x ≈ P(x²)/Q(x²) on |x| ≤ 9, fitted for this project (weighted least squares on the
/// relative error, reweighted towards minimax; 7·10⁻⁹ before rounding the coefficients to f32).
pub(crate) const TANH_P: [f32; 7] = [
    1.0,
    0.130_840_17,
    0.003_103_963_3,
    1.115_437_9e-5,
    -2.022_549e-8,
    5.278_065e-11,
    -8.488_984e-14,
];
pub(crate) const TANH_Q: [f32; 4] = [1.0, 0.464_173_44, 0.024_495_207, 0.000_254_615_53];

/// tanh(x) in f32, as x·P(x²)/Q(x²): a dozen multiply-adds and one division, no `exp` (the
/// network's fast path spends much of its time here). Within 4.1·10⁻⁷ of tanh (relative;
/// about 7 ulp near ±1, where it may come out up to 3 ulp beyond), checked for every f32;
/// exactly odd; NaN gives NaN. Horner's scheme: Estrin's measured slower here.
#[inline(always)]
pub fn tanh_f32(x: f32) -> f32 {
    const C: f32 = TANH_SATURATES_F32;
    let x = x.clamp(-C, C); // NaN stays NaN
    let u = x * x;
    let horner = |c: &[f32]| {
        let (&top, rest) = c.split_last().expect("coefficients");
        rest.iter().rev().fold(top, |acc, &c| acc * u + c)
    };
    x * horner(&TANH_P) / horner(&TANH_Q)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_f32_is_within_two_ulp() {
        let mut x = -87.0f32;
        while x < 88.0 {
            let (got, want) = (f64::from(exp_f32(x)), f64::from(x).exp());
            assert!(
                ((got - want) / want).abs() < 2.0 * f64::from(f32::EPSILON),
                "exp_f32({x}) = {got}, std {want}"
            );
            x += 0.00731;
        }
        assert_eq!(exp_f32(0.0), 1.0);
        assert!(exp_f32(1e6).is_finite() && exp_f32(1e6) > 1e38);
        assert!(exp_f32(-1e6) > 0.0 && exp_f32(-1e6) < 1e-37);
        assert!(exp_f32(f32::NAN).is_nan());
    }

    #[test]
    fn matches_std_exp_to_a_few_ulp() {
        let mut x = -700.0;
        while x < 700.0 {
            let (got, want) = (exp(x), x.exp());
            assert!(
                ((got - want) / want).abs() < 4e-16,
                "exp({x}) = {got}, std {want}"
            );
            x += 0.0137;
        }
        for x in [-1e-300, 0.0, 1e-10, -0.5, 0.5, std::f64::consts::LN_2] {
            assert!(((exp(x) - x.exp()) / x.exp()).abs() < 4e-16, "{x}");
        }
        assert_eq!(exp(0.0), 1.0);
    }

    /// [`tanh_f32`]'s documented bounds at `x`: within 4.1·10⁻⁷ of tanh, at most 3 ulp past 1,
    /// and odd.
    fn check_tanh_f32(x: f32) {
        let (got, want) = (f64::from(tanh_f32(x)), f64::from(x).tanh());
        assert!(
            (got - want).abs() <= 4.1e-7 * want.abs(),
            "tanh_f32({x}) = {got}, std {want}"
        );
        assert!(
            got.abs() <= 1.0 + 3.0 * f64::from(f32::EPSILON),
            "tanh_f32({x}) = {got}"
        );
        assert_eq!(tanh_f32(-x), -tanh_f32(x));
    }

    /// Every 997th f32 from 0 to 20 (the worst cases lie between 7 and 9: see the exhaustive
    /// test below).
    #[test]
    fn tanh_f32_is_within_its_bound_and_odd() {
        (0..=20.0f32.to_bits())
            .step_by(997)
            .for_each(|b| check_tanh_f32(f32::from_bits(b)));
        check_tanh_f32(8.795_991); // the largest error
        for x in [1e-30f32, 1e-6, 1e-4] {
            assert!((tanh_f32(x) - x).abs() <= f32::EPSILON * x, "{x}");
        }
        assert_eq!(tanh_f32(0.0), 0.0);
        assert!((tanh_f32(1e30) - 1.0).abs() <= f32::EPSILON);
        assert!((tanh_f32(f32::NEG_INFINITY) + 1.0).abs() <= f32::EPSILON);
        assert!(tanh_f32(f32::NAN).is_nan());
    }

    /// Every f32 from 0 to 20 (past 9 the clamp gives the same value). About a billion values:
    /// `cargo test --release -- --ignored tanh_f32_everywhere`.
    #[test]
    #[ignore]
    fn tanh_f32_everywhere() {
        (0..=20.0f32.to_bits()).for_each(|b| check_tanh_f32(f32::from_bits(b)));
    }

    #[test]
    fn extremes_stay_finite() {
        assert!(exp(1e6).is_finite() && exp(1e6) > 1e307);
        assert!(exp(-1e6) >= 0.0 && exp(-1e6) < 1e-300);
        assert!(exp(f64::NAN).is_nan());
    }
}
