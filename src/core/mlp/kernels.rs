//! The three loops the network spends its time in. A batch is held in blocks of [`LANES`]
//! points, and each kernel keeps one block of sums in registers while it runs over a layer's
//! inputs, so the compiler emits vector arithmetic with no store in the inner loop. They are
//! written once for both widths ([`Real`]): a block of f32 is one 128-bit vector.
use crate::core::real::Real;

/// Points per block.
pub const LANES: usize = 4;
/// One unit's values for [`LANES`] points of a batch.
pub type Block<F> = [F; LANES];

/// One dense layer forward: `out[j] = b[j] + Σᵢ w[j][i]·x[i]` for every block. `x` holds
/// `fan_in` units and `out` `fan_out` units, `blocks` blocks each; `w` is row-major
/// `fan_out × fan_in`. The sums run in input order, from the bias.
#[inline]
pub fn dense_forward<F: Real>(
    w: &[F],
    b: &[F],
    x: &[Block<F>],
    out: &mut [Block<F>],
    blocks: usize,
) {
    let fan_in = x.len() / blocks.max(1);
    for ((o, row), &bias) in out
        .chunks_exact_mut(blocks)
        .zip(w.chunks_exact(fan_in))
        .zip(b)
    {
        for_tiles(blocks, |g, tile| match tile {
            4 => o[g..g + 4].copy_from_slice(&forward_tile::<F, 4>(row, bias, x, g, blocks)),
            2 => o[g..g + 2].copy_from_slice(&forward_tile::<F, 2>(row, bias, x, g, blocks)),
            _ => o[g..g + 1].copy_from_slice(&forward_tile::<F, 1>(row, bias, x, g, blocks)),
        });
    }
}

/// Calls `f(g, t)` for tiles of `t` ∈ {4, 2, 1} blocks starting at block `g`, covering all
/// `blocks`. Several blocks at once give the processor independent sums to overlap.
#[inline(always)]
fn for_tiles(blocks: usize, mut f: impl FnMut(usize, usize)) {
    let mut g = 0;
    while g + 4 <= blocks {
        f(g, 4);
        g += 4;
    }
    if g + 2 <= blocks {
        f(g, 2);
        g += 2;
    }
    if g < blocks {
        f(g, 1);
    }
}

/// `bias + Σᵢ row[i]·x[i]` for blocks `g..g + T`.
#[inline(always)]
fn forward_tile<F: Real, const T: usize>(
    row: &[F],
    bias: F,
    x: &[Block<F>],
    g: usize,
    blocks: usize,
) -> [Block<F>; T] {
    let mut acc = [[bias; LANES]; T];
    for (i, &wi) in row.iter().enumerate() {
        let xs = &x[i * blocks + g..i * blocks + g + T];
        for (acc, xs) in acc.iter_mut().zip(xs) {
            for k in 0..LANES {
                acc[k] += wi * xs[k];
            }
        }
    }
    acc
}

/// Adds ∂/∂w and ∂/∂b of one dense layer: `gw[j][i] += Σₛ δⱼ·xᵢ`, `gb[j] += Σₛ δⱼ`. Padding
/// lanes must have δ = 0. Each sum keeps one partial sum per lane, added pairwise at the end.
#[inline]
pub fn dense_grads<F: Real>(
    delta: &[Block<F>],
    x: &[Block<F>],
    gw: &mut [F],
    gb: &mut [F],
    blocks: usize,
) {
    let fan_in = x.len() / blocks.max(1);
    for ((grow, d), gb) in gw
        .chunks_exact_mut(fan_in)
        .zip(delta.chunks_exact(blocks))
        .zip(gb)
    {
        *gb += lane_sum(d.iter().fold([F::ZERO; LANES], |acc, d| add(acc, *d)));
        for (g, xi) in grow.iter_mut().zip(x.chunks_exact(blocks)) {
            let acc = d
                .iter()
                .zip(xi)
                .fold([F::ZERO; LANES], |acc, (d, x)| add(acc, mul(*d, *x)));
            *g += lane_sum(acc);
        }
    }
}

/// Backpropagates δ through one dense layer: `prev[i] = dact[i] · Σⱼ w[j][i]·δⱼ`, summing in
/// output order.
#[inline]
pub fn dense_backward<F: Real>(
    w: &[F],
    delta: &[Block<F>],
    dact: &[Block<F>],
    prev: &mut [Block<F>],
    blocks: usize,
) {
    let fan_in = prev.len() / blocks.max(1);
    for (i, (p, da)) in prev
        .chunks_exact_mut(blocks)
        .zip(dact.chunks_exact(blocks))
        .enumerate()
    {
        let column = w[i..].iter().step_by(fan_in);
        for_tiles(blocks, |g, tile| {
            let sums: &[Block<F>] = match tile {
                4 => &backward_tile::<F, 4>(column.clone(), delta, g, blocks),
                2 => &backward_tile::<F, 2>(column.clone(), delta, g, blocks),
                _ => &backward_tile::<F, 1>(column.clone(), delta, g, blocks),
            };
            for ((p, da), sum) in p[g..].iter_mut().zip(&da[g..]).zip(sums) {
                *p = mul(*sum, *da);
            }
        });
    }
}

/// `Σⱼ column[j]·δⱼ` for blocks `g..g + T`.
#[inline(always)]
fn backward_tile<'a, F: Real, const T: usize>(
    column: impl Iterator<Item = &'a F>,
    delta: &[Block<F>],
    g: usize,
    blocks: usize,
) -> [Block<F>; T] {
    let mut acc = [[F::ZERO; LANES]; T];
    for (j, &wji) in column.enumerate() {
        let ds = &delta[j * blocks + g..j * blocks + g + T];
        for (acc, ds) in acc.iter_mut().zip(ds) {
            for k in 0..LANES {
                acc[k] += wji * ds[k];
            }
        }
    }
    acc
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
        dense_forward(&[2.0, 3.0], &[1.0], &x, &mut out, 2);
        assert_eq!(out[0], [0.0, 6.5, 7.0, 15.0]);
        assert_eq!(out[1][0], 14.0);
        let delta = [[1.0, 1.0, 0.0, 2.0], [1.0, 0.0, 0.0, 0.0]];
        let (mut gw, mut gb) = ([0.0; 2], [0.0]);
        dense_grads(&delta, &x, &mut gw, &mut gb, 2);
        assert_eq!(gb, [5.0]);
        assert_eq!(gw, [1.0 + 2.0 + 8.0 + 5.0, -1.0 + 0.5 + 4.0 + 1.0]);
        let mut prev = [[0.0; LANES]; 4];
        let dact = [[1.0; LANES]; 4];
        dense_backward(&[2.0, 3.0], &delta, &dact, &mut prev, 2);
        assert_eq!(prev[0], [2.0, 2.0, 0.0, 4.0]);
        assert_eq!(prev[3], [3.0, 0.0, 0.0, 0.0]);
    }

    /// Every tiling (1 to 9 blocks: tiles of 4, 2 and 1) gives what a plain loop gives.
    #[test]
    fn kernels_match_plain_loops_for_every_tiling() {
        let mut rng = crate::core::rng::Pcg32::new(7, 7);
        let (fan_in, fan_out) = (3, 5);
        for blocks in 1..=9 {
            let mut block = |_| std::array::from_fn(|_| rng.range(-1.0, 1.0));
            let x: Vec<Block<f64>> = (0..fan_in * blocks).map(&mut block).collect();
            let delta: Vec<Block<f64>> = (0..fan_out * blocks).map(&mut block).collect();
            let dact: Vec<Block<f64>> = (0..fan_in * blocks).map(&mut block).collect();
            let w: Vec<f64> = (0..fan_in * fan_out)
                .map(|i| i as f64 * 0.25 - 1.0)
                .collect();
            let b: Vec<f64> = (0..fan_out).map(|j| j as f64).collect();
            let mut out = vec![[0.0; LANES]; fan_out * blocks];
            dense_forward(&w, &b, &x, &mut out, blocks);
            let mut prev = vec![[0.0; LANES]; fan_in * blocks];
            dense_backward(&w, &delta, &dact, &mut prev, blocks);
            for g in 0..blocks {
                for k in 0..LANES {
                    for j in 0..fan_out {
                        let mut sum = b[j];
                        for i in 0..fan_in {
                            sum += w[j * fan_in + i] * x[i * blocks + g][k];
                        }
                        assert_eq!(out[j * blocks + g][k], sum, "forward, {blocks} blocks");
                    }
                    for i in 0..fan_in {
                        let mut sum = 0.0;
                        for j in 0..fan_out {
                            sum += w[j * fan_in + i] * delta[j * blocks + g][k];
                        }
                        let want = sum * dact[i * blocks + g][k];
                        assert_eq!(prev[i * blocks + g][k], want, "backward, {blocks} blocks");
                    }
                }
            }
        }
    }
}
