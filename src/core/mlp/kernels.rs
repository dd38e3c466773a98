//! The three loops the network spends its time in. A batch is held in blocks of [`LANES`]
//! points, and each kernel keeps one block of sums in registers while it runs over a layer's
//! inputs, so the compiler emits vector arithmetic with no store in the inner loop. They are
//! written once for both widths ([`Real`]): a block of f32 is one 128-bit vector.
use crate::core::real::Real;

/// Points per block.
pub const LANES: usize = 4;
/// One unit's values for [`LANES`] points of a batch.
pub type Block<F> = [F; LANES];

/// A layer's shape in a batch: its inputs, its outputs and the blocks per unit. The kernels
/// are told the shape rather than working it out from slice lengths: a division per call
/// costs more than a small layer's arithmetic.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    pub fan_in: usize,
    pub fan_out: usize,
    pub blocks: usize,
}

/// Calls `tile(g, T)` for tiles of `T` blocks starting at block `g`, covering all `blocks`:
/// tiles of 4, then one of 3, 2 or 1. Several blocks at once give the processor independent
/// sums to overlap, and a mini-batch of up to 16 points takes a single tile.
macro_rules! for_tiles {
    ($blocks:expr, |$g:ident, $t:ident| $tile:expr) => {{
        let blocks = $blocks;
        let mut $g = 0;
        while $g + 4 <= blocks {
            {
                const $t: usize = 4;
                $tile;
            }
            $g += 4;
        }
        match blocks - $g {
            3 => {
                const $t: usize = 3;
                $tile
            }
            2 => {
                const $t: usize = 2;
                $tile
            }
            1 => {
                const $t: usize = 1;
                $tile
            }
            _ => {}
        }
    }};
}

/// One dense layer forward with its activation: `out[j] = f(b[j] + Σᵢ w[j][i]·x[i])` for
/// every block, and `dact[j] = f'(…)` where `dact` is given. `pair` is the activation as
/// `z ↦ (f(z), f'(z))`, applied to each tile of sums while they are still in registers. `x`
/// holds the `fan_in` input units and `out` the `fan_out` output units, `blocks` blocks
/// each; `w` is row-major `fan_out × fan_in`. The sums run in input order, from the bias.
/// The weights are the network's own f64s, each rounded to `F` where it is used: cheaper
/// than a copy of them all in `F` before every batch.
#[inline]
pub fn dense_forward<F: Real>(
    w: &[f64],
    b: &[f64],
    x: &[Block<F>],
    out: &mut [Block<F>],
    mut dact: Option<&mut [Block<F>]>,
    shape: Shape,
    pair: impl Fn(F) -> (F, F) + Copy,
) {
    let Shape {
        fan_in,
        fan_out,
        blocks,
    } = shape;
    let units = x[..fan_in * blocks].chunks_exact(blocks);
    let rows = w[..fan_out * fan_in].chunks_exact(fan_in);
    for (j, (row, &bias)) in rows.zip(b).enumerate() {
        let o = &mut out[j * blocks..(j + 1) * blocks];
        let mut d = dact
            .as_deref_mut()
            .map(|d| &mut d[j * blocks..(j + 1) * blocks]);
        for_tiles!(blocks, |g, T| {
            let mut sums = forward_tile::<F, T>(row, F::of(bias), units.clone(), g);
            // A flat loop over the tile's values, which the compiler vectorizes.
            let mut ds = [[F::ZERO; LANES]; T];
            for (v, d) in sums
                .as_flattened_mut()
                .iter_mut()
                .zip(ds.as_flattened_mut())
            {
                (*v, *d) = pair(*v);
            }
            o[g..g + T].copy_from_slice(&sums);
            if let Some(d) = &mut d {
                d[g..g + T].copy_from_slice(&ds);
            }
        });
    }
}

/// `bias + Σᵢ row[i]·x[i]` for blocks `g..g + T`, `units` giving each input unit's blocks.
#[inline(always)]
fn forward_tile<'a, F: Real, const T: usize>(
    row: &[f64],
    bias: F,
    units: impl Iterator<Item = &'a [Block<F>]>,
    g: usize,
) -> [Block<F>; T] {
    let mut acc = [[bias; LANES]; T];
    for (&wi, xi) in row.iter().zip(units) {
        let wi = F::of(wi);
        for (acc, xs) in acc.iter_mut().zip(&xi[g..g + T]) {
            for k in 0..LANES {
                acc[k] += wi * xs[k];
            }
        }
    }
    acc
}

/// Writes ∂/∂w and ∂/∂b of one dense layer: `gw[j][i] = Σₛ δⱼ·xᵢ`, `gb[j] = Σₛ δⱼ`. Padding
/// lanes must have δ = 0. Each sum keeps one partial sum per lane, added pairwise at the end.
/// Inputs go four at a time, so each block of δ is loaded once for four sums and the four
/// lane sums finish together.
#[inline]
pub fn dense_grads<F: Real>(
    delta: &[Block<F>],
    x: &[Block<F>],
    gw: &mut [F],
    gb: &mut [F],
    shape: Shape,
) {
    let Shape {
        fan_in,
        fan_out,
        blocks,
    } = shape;
    let (quads, rest) = x[..fan_in * blocks].split_at(fan_in / 4 * 4 * blocks);
    let rows = gw[..fan_out * fan_in].chunks_exact_mut(fan_in);
    for ((grow, d), gb) in rows.zip(delta.chunks_exact(blocks)).zip(gb) {
        *gb = lane_sum(d.iter().fold([F::ZERO; LANES], |acc, d| add(acc, *d)));
        let (gquads, grest) = grow.split_at_mut(fan_in / 4 * 4);
        for (g, x) in gquads
            .chunks_exact_mut(4)
            .zip(quads.chunks_exact(4 * blocks))
        {
            let (x01, x23) = x.split_at(2 * blocks);
            let ((x0, x1), (x2, x3)) = (x01.split_at(blocks), x23.split_at(blocks));
            g.copy_from_slice(&F::grad_sums4(d, [x0, x1, x2, x3]));
        }
        for (g, xi) in grest.iter_mut().zip(rest.chunks_exact(blocks)) {
            let acc = d
                .iter()
                .zip(xi)
                .fold([F::ZERO; LANES], |acc, (d, x)| add(acc, mul(*d, *x)));
            *g = lane_sum(acc);
        }
    }
}

/// Backpropagates δ through one dense layer: `prev[i] = dact[i] · Σⱼ w[j][i]·δⱼ`, summing in
/// output order (the weights in f64, as for [`dense_forward`]).
#[inline]
pub fn dense_backward<F: Real>(
    w: &[f64],
    delta: &[Block<F>],
    dact: &[Block<F>],
    prev: &mut [Block<F>],
    shape: Shape,
) {
    let Shape {
        fan_in,
        fan_out,
        blocks,
    } = shape;
    let deltas = delta[..fan_out * blocks].chunks_exact(blocks);
    let w = &w[..fan_out * fan_in];
    let units = prev.chunks_exact_mut(blocks).zip(dact.chunks_exact(blocks));
    for (i, (p, da)) in units.take(fan_in).enumerate() {
        // Column i, row by row (a stepped iterator costs more than the multiply-adds).
        let column = w.chunks_exact(fan_in).map(move |row| &row[i]);
        for_tiles!(blocks, |g, T| {
            let sums = backward_tile::<F, T>(column.clone(), deltas.clone(), g);
            for ((p, da), sum) in p[g..g + T].iter_mut().zip(&da[g..g + T]).zip(sums) {
                *p = mul(sum, *da);
            }
        });
    }
}

/// `Σⱼ column[j]·δⱼ` for blocks `g..g + T`, `deltas` giving each output unit's blocks.
#[inline(always)]
fn backward_tile<'a, F: Real, const T: usize>(
    column: impl Iterator<Item = &'a f64>,
    deltas: impl Iterator<Item = &'a [Block<F>]>,
    g: usize,
) -> [Block<F>; T] {
    let mut acc = [[F::ZERO; LANES]; T];
    for (&wji, dj) in column.zip(deltas) {
        let wji = F::of(wji);
        for (acc, ds) in acc.iter_mut().zip(&dj[g..g + T]) {
            for k in 0..LANES {
                acc[k] += wji * ds[k];
            }
        }
    }
    acc
}

/// `Σₛ δₛ·xᵣₛ` for four inputs `x` over the blocks of `delta`, each sum kept per lane and
/// the lanes then added pairwise as [`lane_sum`] does: the weight gradients of four inputs.
/// The four lane sums are a transpose: each pair of sums gives its lanes' pairs
/// (`[a₀+a₁, a₂+a₃, b₀+b₁, b₂+b₃]`), and the pairs' pairs give the four sums (the same
/// additions, so the same bits).
#[inline(always)]
pub fn grad_sums4<F: Real>(delta: &[Block<F>], x: [&[Block<F>]; 4]) -> Block<F> {
    let mut acc = [[F::ZERO; LANES]; 4];
    let [x0, x1, x2, x3] = x;
    for ((((d, x0), x1), x2), x3) in delta.iter().zip(x0).zip(x1).zip(x2).zip(x3) {
        acc[0] = add(acc[0], mul(*d, *x0));
        acc[1] = add(acc[1], mul(*d, *x1));
        acc[2] = add(acc[2], mul(*d, *x2));
        acc[3] = add(acc[3], mul(*d, *x3));
    }
    let pairs = |x: Block<F>, y: Block<F>| add([x[0], x[2], y[0], y[2]], [x[1], x[3], y[1], y[3]]);
    pairs(pairs(acc[0], acc[1]), pairs(acc[2], acc[3]))
}

#[inline(always)]
fn add<F: Real>(a: Block<F>, b: Block<F>) -> Block<F> {
    std::array::from_fn(|k| a[k] + b[k])
}

#[inline(always)]
fn mul<F: Real>(a: Block<F>, b: Block<F>) -> Block<F> {
    std::array::from_fn(|k| a[k] * b[k])
}

/// The lanes' sum, pairwise (a fixed order, so every platform gives the same bits).
#[inline(always)]
fn lane_sum<F: Real>(a: Block<F>) -> F {
    (a[0] + a[1]) + (a[2] + a[3])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(fan_in: usize, fan_out: usize, blocks: usize) -> Shape {
        Shape {
            fan_in,
            fan_out,
            blocks,
        }
    }

    #[test]
    fn kernels_by_hand() {
        // Two inputs, one output, two blocks (8 lanes; the last 3 are padding).
        let x = [
            [1.0, 2.0, 3.0, 4.0],
            [5.0, 0.0, 0.0, 0.0],
            [-1.0, 0.5, 0.0, 2.0],
            [1.0, 0.0, 0.0, 0.0],
        ];
        let mut out = [[0.0; LANES]; 2];
        let linear = |z| (z, 1.0);
        dense_forward(
            &[2.0, 3.0],
            &[1.0],
            &x,
            &mut out,
            None,
            shape(2, 1, 2),
            linear,
        );
        assert_eq!(out[0], [0.0, 6.5, 7.0, 15.0]);
        assert_eq!(out[1][0], 14.0);
        let delta = [[1.0, 1.0, 0.0, 2.0], [1.0, 0.0, 0.0, 0.0]];
        let (mut gw, mut gb) = ([0.0; 2], [0.0]);
        dense_grads(&delta, &x, &mut gw, &mut gb, shape(2, 1, 2));
        assert_eq!(gb, [5.0]);
        assert_eq!(gw, [1.0 + 2.0 + 8.0 + 5.0, -1.0 + 0.5 + 4.0 + 1.0]);
        let mut prev = [[0.0; LANES]; 4];
        let dact = [[1.0; LANES]; 4];
        dense_backward(&[2.0, 3.0], &delta, &dact, &mut prev, shape(2, 1, 2));
        assert_eq!(prev[0], [2.0, 2.0, 0.0, 4.0]);
        assert_eq!(prev[3], [3.0, 0.0, 0.0, 0.0]);
    }

    /// The weight gradients are, to the bit, each input's per-lane sums over the blocks in
    /// order, then `lane_sum`: for 1 to 13 inputs (groups of four and 0 to 3 left over), 1 to
    /// 9 blocks, and values that give ±0, infinities, NaN, overflow and subnormals.
    #[test]
    fn weight_gradients_are_the_per_input_sums_to_the_bit() {
        let awkward = [
            0.0,
            -0.0,
            1.0,
            -3.5,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::MAX,
            1e-40,
            -2e-39,
            1e20,
            0.1,
            7.0e-3,
        ];
        let mut rng = crate::core::rng::Pcg32::new(3, 11);
        let mut value = || -> f32 {
            if rng.uniform() < 0.3 {
                awkward[(rng.uniform() * awkward.len() as f64) as usize % awkward.len()]
            } else {
                rng.range(-2.0, 2.0) as f32
            }
        };
        for fan_in in 1..=13 {
            for blocks in 1..=9 {
                let fan_out = 3;
                let mut block = |_| std::array::from_fn(|_| value());
                let x: Vec<Block<f32>> = (0..fan_in * blocks).map(&mut block).collect();
                let delta: Vec<Block<f32>> = (0..fan_out * blocks).map(&mut block).collect();
                let (mut gw, mut gb) = (vec![9.0; fan_in * fan_out], vec![9.0; fan_out]);
                dense_grads(&delta, &x, &mut gw, &mut gb, shape(fan_in, fan_out, blocks));
                for j in 0..fan_out {
                    let d = &delta[j * blocks..(j + 1) * blocks];
                    let bias = lane_sum(d.iter().fold([0.0; LANES], |acc, d| add(acc, *d)));
                    assert_eq!(gb[j].to_bits(), bias.to_bits(), "bias {j}");
                    for i in 0..fan_in {
                        let xi = &x[i * blocks..(i + 1) * blocks];
                        let mut acc = [0.0f32; LANES];
                        for (d, x) in d.iter().zip(xi) {
                            for k in 0..LANES {
                                acc[k] += d[k] * x[k];
                            }
                        }
                        let want = lane_sum(acc);
                        let got = gw[j * fan_in + i];
                        assert_eq!(
                            got.to_bits(),
                            want.to_bits(),
                            "{fan_in} inputs, {blocks} blocks, weight {j},{i}: {got} against {want}"
                        );
                    }
                }
            }
        }
    }

    /// Every tiling (1 to 9 blocks: tiles of 4, 2 and 1) gives what a plain loop gives.
    #[test]
    fn kernels_match_plain_loops_for_every_tiling() {
        let mut rng = crate::core::rng::Pcg32::new(7, 7);
        // Fan-ins below, at and past a whole group of four inputs (the gradient kernel's).
        for (fan_in, fan_out) in [(3, 5), (4, 2), (9, 3)] {
            for blocks in 1..=9 {
                let mut block = |_| std::array::from_fn(|_| rng.range(-1.0, 1.0));
                let x: Vec<Block<f64>> = (0..fan_in * blocks).map(&mut block).collect();
                let delta: Vec<Block<f64>> = (0..fan_out * blocks).map(&mut block).collect();
                let dact: Vec<Block<f64>> = (0..fan_in * blocks).map(&mut block).collect();
                let w: Vec<f64> = (0..fan_in * fan_out)
                    .map(|i| i as f64 * 0.25 - 1.0)
                    .collect();
                let b: Vec<f64> = (0..fan_out).map(|j| j as f64).collect();
                let shape = shape(fan_in, fan_out, blocks);
                let mut out = vec![[0.0; LANES]; fan_out * blocks];
                let mut dact_out = vec![[0.0; LANES]; fan_out * blocks];
                let square = |z: f64| (z * z, 2.0 * z);
                dense_forward(&w, &b, &x, &mut out, Some(&mut dact_out), shape, square);
                let mut prev = vec![[0.0; LANES]; fan_in * blocks];
                dense_backward(&w, &delta, &dact, &mut prev, shape);
                // The gradients replace what is there.
                let (mut gw, mut gb) = (vec![1.0; fan_in * fan_out], vec![2.0; fan_out]);
                dense_grads(&delta, &x, &mut gw, &mut gb, shape);
                let at =
                    |v: &[Block<f64>], unit: usize, g: usize, k: usize| v[unit * blocks + g][k];
                for j in 0..fan_out {
                    let lanes = |f: &dyn Fn(usize, usize) -> f64| {
                        let sums: Vec<f64> = (0..LANES)
                            .map(|k| (0..blocks).map(|g| f(g, k)).sum())
                            .collect();
                        (sums[0] + sums[1]) + (sums[2] + sums[3])
                    };
                    let want_b = lanes(&|g, k| at(&delta, j, g, k));
                    assert!((gb[j] - want_b).abs() < 1e-12, "bias grad {j}");
                    for i in 0..fan_in {
                        let want = lanes(&|g, k| at(&delta, j, g, k) * at(&x, i, g, k));
                        let got = gw[j * fan_in + i];
                        assert!(
                            (got - want).abs() < 1e-12,
                            "weight grad {j},{i}: {got} {want}"
                        );
                    }
                }
                for g in 0..blocks {
                    for k in 0..LANES {
                        for j in 0..fan_out {
                            let mut sum = b[j];
                            for i in 0..fan_in {
                                sum += w[j * fan_in + i] * at(&x, i, g, k);
                            }
                            let (o, d) = (out[j * blocks + g][k], dact_out[j * blocks + g][k]);
                            assert_eq!(o, sum * sum, "forward, {blocks} blocks");
                            assert_eq!(d, 2.0 * sum, "forward's derivative, {blocks} blocks");
                        }
                        for i in 0..fan_in {
                            let mut sum = 0.0;
                            for j in 0..fan_out {
                                sum += w[j * fan_in + i] * at(&delta, j, g, k);
                            }
                            let want = sum * at(&dact, i, g, k);
                            assert_eq!(prev[i * blocks + g][k], want, "backward, {blocks} blocks");
                        }
                    }
                }
            }
        }
    }
}

/// Kernels written in WebAssembly SIMD where the compiler's own vectorization goes astray:
/// given [`grad_sums4`] as it is, it vectorizes across the four sums instead of along them,
/// with a shuffle for every multiply-add.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
pub mod simd {
    use std::arch::wasm32::{f32x4_add, f32x4_mul, f32x4_splat, i32x4_shuffle, v128, v128_load};

    /// [`super::grad_sums4`] for f32, the same operations in the same order.
    #[inline(always)]
    pub fn grad_sums4(delta: &[[f32; 4]], x: [&[[f32; 4]]; 4]) -> [f32; 4] {
        // SAFETY: a block is 16 readable bytes, and v128_load needs no alignment.
        let load = |b: &[f32; 4]| unsafe { v128_load(b as *const [f32; 4] as *const v128) };
        let mut acc = [f32x4_splat(0.0); 4];
        let [x0, x1, x2, x3] = x;
        for ((((d, x0), x1), x2), x3) in delta.iter().zip(x0).zip(x1).zip(x2).zip(x3) {
            let d = load(d);
            acc[0] = f32x4_add(acc[0], f32x4_mul(d, load(x0)));
            acc[1] = f32x4_add(acc[1], f32x4_mul(d, load(x1)));
            acc[2] = f32x4_add(acc[2], f32x4_mul(d, load(x2)));
            acc[3] = f32x4_add(acc[3], f32x4_mul(d, load(x3)));
        }
        let pairs = |x: v128, y: v128| {
            f32x4_add(
                i32x4_shuffle::<0, 2, 4, 6>(x, y),
                i32x4_shuffle::<1, 3, 5, 7>(x, y),
            )
        };
        let sums = pairs(pairs(acc[0], acc[1]), pairs(acc[2], acc[3]));
        // SAFETY: a v128 is four f32s.
        unsafe { std::mem::transmute::<v128, [f32; 4]>(sums) }
    }
}
