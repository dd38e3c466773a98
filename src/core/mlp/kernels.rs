//! The two loops the network spends its time in, written so that they vectorize.

/// `y += a · x`, element-wise.
#[inline(always)]
pub fn axpy(a: f64, x: &[f64], y: &mut [f64]) {
    for (y, &x) in y.iter_mut().zip(x) {
        *y += a * x;
    }
}

/// Σ xᵢ·yᵢ, with four partial sums (a fixed order, so the result is the same on every platform).
#[inline(always)]
pub fn dot(x: &[f64], y: &[f64]) -> f64 {
    let mut acc = [0.0f64; 4];
    let (xc, yc) = (x.chunks_exact(4), y.chunks_exact(4));
    let (xr, yr) = (xc.remainder(), yc.remainder());
    for (a, b) in xc.zip(yc) {
        for k in 0..4 {
            acc[k] += a[k] * b[k];
        }
    }
    let mut tail = 0.0;
    for (a, b) in xr.iter().zip(yr) {
        tail += a * b;
    }
    (acc[0] + acc[1]) + (acc[2] + acc[3]) + tail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axpy_and_dot_by_hand() {
        let mut y = [1.0, 2.0, 3.0];
        axpy(2.0, &[1.0, 0.5, -1.0], &mut y);
        assert_eq!(y, [3.0, 3.0, 1.0]);
        let x: Vec<f64> = (1..=7).map(f64::from).collect();
        assert_eq!(dot(&x, &x), 140.0);
        assert_eq!(dot(&[], &[]), 0.0);
    }
}
