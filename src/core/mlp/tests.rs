use super::*;
use crate::core::regularization::Regularization;

const OUTPUTS: [Output; 5] = [
    Output::Binary,
    Output::Softmax(3),
    Output::Regression,
    Output::TfTanh,
    Output::TfLinear,
];

fn target_for(output: Output, rng: &mut Pcg32) -> f64 {
    match output {
        Output::Binary => f64::from(rng.below(2)),
        Output::Softmax(k) => f64::from(rng.below(k as u32)),
        Output::Regression | Output::TfLinear => rng.range(-2.0, 2.0),
        Output::TfTanh => rng.range(-0.9, 0.9),
    }
}

/// The mean loss over a batch plus the penalty, as training minimizes it.
fn objective(net: &mut Mlp, xs: &[[f64; 3]], ts: &[f64], reg: Regularization, rate: f64) -> f64 {
    let data: f64 = xs.iter().zip(ts).map(|(x, &t)| net.loss(x, t)).sum();
    data / xs.len() as f64 + net.penalty(reg, rate)
}

/// Backprop's gradient of [`objective`], computed in `precision` as training does.
fn backprop(
    net: &mut Mlp,
    xs: &[[f64; 3]],
    ts: &[f64],
    (reg, rate): (Regularization, f64),
    precision: Precision,
) -> Vec<f64> {
    net.load(xs.iter().map(|x| &x[..]), precision);
    net.forward_batch(0.0, None);
    net.batch_gradient(ts, reg, rate);
    net.grads.clone()
}

/// [`Mlp::batch_gradient`] replaces whatever `grads` held, and is the mean over the batch:
/// the same batch with every point twice gives the same gradient. (Its values are checked
/// against central differences below.)
#[test]
fn batch_gradient_replaces_grads_and_is_a_mean() {
    for (reg, rate) in [
        (Regularization::None, 0.0),
        (Regularization::L1, 0.01),
        (Regularization::L2, 0.03),
    ] {
        for precision in [Precision::Exact, Precision::Fast] {
            let (mut net, xs, ts) = case(Activation::Tanh, Output::Binary, 5);
            net.grads.fill(123.0);
            let once = backprop(&mut net, &xs, &ts, (reg, rate), precision);
            net.grads.fill(-7.0);
            let again = backprop(&mut net, &xs, &ts, (reg, rate), precision);
            assert_eq!(once, again, "{reg:?} {precision:?}");
            let twice_x: Vec<[f64; 3]> = xs.iter().chain(&xs).copied().collect();
            let twice_t: Vec<f64> = ts.iter().chain(&ts).copied().collect();
            let doubled = backprop(&mut net, &twice_x, &twice_t, (reg, rate), precision);
            // The sums run in another order: f32 agrees to its precision, f64 to its own.
            let tol = if precision == Precision::Fast {
                1e-5
            } else {
                1e-12
            };
            for (a, b) in once.iter().zip(&doubled) {
                assert!((a - b).abs() <= tol * a.abs().max(1e-3), "{a} vs {b}");
            }
        }
    }
}

/// A 3-4-3 network with random biases and a batch of three points with targets.
type Case = (Mlp, Vec<[f64; 3]>, Vec<f64>);

fn case(act: Activation, output: Output, seed: u64) -> Case {
    let mut rng = Pcg32::new(seed, 99);
    let mut net = Mlp::new(3, &[4, 3], &[act], output, Init::Xavier, &mut rng);
    for b in 0..net.layers().len() {
        for j in 0..net.layers()[b].fan_out {
            let k = net.param_index(b, j, None);
            net.params[k] = rng.range(-0.5, 0.5);
        }
    }
    let xs: Vec<[f64; 3]> = (0..3)
        .map(|_| {
            [
                rng.range(-2.0, 2.0),
                rng.range(-2.0, 2.0),
                rng.range(-2.0, 2.0),
            ]
        })
        .collect();
    let ts: Vec<f64> = xs.iter().map(|_| target_for(output, &mut rng)).collect();
    (net, xs, ts)
}

/// Central differences against backprop for one network, batch and penalty.
fn check(act: Activation, output: Output, reg: Regularization, seed: u64) {
    let (mut net, xs, ts) = case(act, output, seed);
    let rate = 0.01;
    let analytic = backprop(&mut net, &xs, &ts, (reg, rate), Precision::Exact);
    let h = 1e-6;
    for (k, &backprop) in analytic.iter().enumerate() {
        let w = net.params[k];
        net.params[k] = w + h;
        let plus = objective(&mut net, &xs, &ts, reg, rate);
        net.params[k] = w - h;
        let minus = objective(&mut net, &xs, &ts, reg, rate);
        net.params[k] = w;
        let numeric = (plus - minus) / (2.0 * h);
        let err = (numeric - backprop).abs() / (1.0 + numeric.abs());
        assert!(
            err < 1e-6,
            "{act:?}/{output:?}/{reg:?} param {k}: backprop {backprop} vs numeric {numeric}"
        );
    }
}

#[test]
fn backprop_matches_central_differences_for_every_activation_and_output() {
    for act in Activation::ALL {
        for output in OUTPUTS {
            for seed in 1..4 {
                check(act, output, Regularization::None, seed);
            }
        }
    }
}

/// The fast (f32) pass that training uses gives exact backprop's gradient to f32's precision.
#[test]
fn fast_backprop_matches_exact_backprop() {
    for act in Activation::ALL {
        for output in OUTPUTS {
            for seed in 1..4 {
                let (mut net, xs, ts) = case(act, output, seed);
                let penalty = (Regularization::L2, 0.01);
                let exact = backprop(&mut net, &xs, &ts, penalty, Precision::Exact);
                let fast = backprop(&mut net, &xs, &ts, penalty, Precision::Fast);
                for (k, (e, f)) in exact.iter().zip(&fast).enumerate() {
                    assert!(
                        (e - f).abs() <= 2e-6 * (1.0 + e.abs()),
                        "{act:?}/{output:?} param {k}: exact {e}, fast {f}"
                    );
                }
            }
        }
    }
}

#[test]
fn regularization_gradients_match_central_differences() {
    for reg in [Regularization::L1, Regularization::L2] {
        for output in OUTPUTS {
            check(Activation::Tanh, output, reg, 7);
        }
    }
}

#[test]
fn layout_and_accessors() {
    let mut rng = Pcg32::new(1, 1);
    let net = Mlp::new(
        2,
        &[4, 2],
        &[Activation::Relu, Activation::Tanh],
        Output::Binary,
        Init::He,
        &mut rng,
    );
    assert_eq!(net.sizes(), vec![2, 4, 2, 1]);
    assert_eq!(net.params.len(), 2 * 4 + 4 + 4 * 2 + 2 + 2 + 1);
    assert_eq!(net.layers()[0].activation, Activation::Relu);
    assert_eq!(net.layers()[1].activation, Activation::Tanh);
    assert_eq!(
        net.weight(1, 1, 3),
        net.params[net.param_index(1, 1, Some(3))]
    );
    assert_eq!(net.bias(0, 0), 0.0);
    let zero = Mlp::new(
        2,
        &[3],
        &[Activation::Tanh],
        Output::Binary,
        Init::Zero,
        &mut rng,
    );
    assert!(zero.params.iter().all(|&w| w == 0.0));
}

#[test]
fn a_forward_pass_by_hand() {
    // 2 → 1 (linear) → sigmoid, w = (1, 2), b = 0.5, then w = 3, b = −1.
    let mut rng = Pcg32::new(1, 1);
    let mut net = Mlp::new(
        2,
        &[1],
        &[Activation::Linear],
        Output::Binary,
        Init::Zero,
        &mut rng,
    );
    net.params.copy_from_slice(&[1.0, 2.0, 0.5, 3.0, -1.0]);
    let hidden = 1.0 * 0.5 + 2.0 * -0.25 + 0.5; // 0.5
    let expected = crate::core::activation::sigmoid(3.0 * hidden - 1.0);
    assert_eq!(net.forward(&[0.5, -0.25]), [expected]);
    assert_eq!(net.layer_output(0), [hidden]);
}

#[test]
fn dropout_zeroes_some_units_and_scales_the_rest() {
    let mut rng = Pcg32::new(5, 5);
    let mut net = Mlp::new(
        2,
        &[16],
        &[Activation::Relu],
        Output::Binary,
        Init::Zero,
        &mut rng,
    );
    for j in 0..16 {
        let k = net.param_index(0, j, None);
        net.params[k] = 1.0;
    }
    net.load(std::iter::once(&[0.0, 0.0][..]), Precision::Exact);
    net.forward_batch(0.5, Some(&mut rng));
    let outs = net.layer_output(0).to_vec();
    assert!(outs.iter().all(|&o| o == 0.0 || o == 2.0), "{outs:?}");
    assert!(outs.contains(&0.0) && outs.contains(&2.0));
    net.forward(&[0.0, 0.0]);
    assert!(net.layer_output(0).iter().all(|&o| o == 1.0));
}

#[test]
fn a_2_2_1_network_learns_the_four_xor_corners() {
    let xs = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]];
    let ts = [0.0, 1.0, 1.0, 0.0];
    let mut rng = Pcg32::new(3, 1);
    let mut net = Mlp::new(
        2,
        &[4],
        &[Activation::Tanh],
        Output::Binary,
        Init::Xavier,
        &mut rng,
    );
    let mut opt = crate::core::optimizer::Optimizer::new(
        crate::core::optimizer::OptimizerKind::Adam,
        net.params.len(),
    );
    for _ in 0..2000 {
        net.load(xs.iter().map(|x| &x[..]), Precision::Fast);
        net.forward_batch(0.0, None);
        net.batch_gradient(&ts, Regularization::None, 0.0);
        let grads = net.grads.clone();
        opt.step(&mut net.params, &grads, 0.05);
    }
    for (x, &t) in xs.iter().zip(&ts) {
        let p = net.forward(x)[0];
        assert!((p - t).abs() < 0.1, "{x:?} → {p}");
    }
}

#[test]
fn inference_gives_the_training_pass_values() {
    let mut rng = Pcg32::new(9, 2);
    for activation in Activation::ALL {
        let mut net = Mlp::new(
            3,
            &[5, 4],
            &[activation],
            Output::Softmax(3),
            Init::Xavier,
            &mut rng,
        );
        let xs: Vec<[f64; 3]> = (0..7)
            .map(|_| std::array::from_fn(|_| rng.range(-2.0, 2.0)))
            .collect();
        for precision in [Precision::Exact, Precision::Fast] {
            net.load(xs.iter().map(|x| &x[..]), precision);
            net.forward_batch(0.0, None);
            let trained = hidden_values(&net);
            let mut out = [0.0; 3];
            net.output_of(6, &mut out);
            net.load(xs.iter().map(|x| &x[..]), precision);
            net.infer_batch();
            let inferred = hidden_values(&net);
            let mut again = [0.0; 3];
            net.output_of(6, &mut again);
            assert_eq!(trained, inferred, "{activation:?}, {precision:?}");
            assert_eq!(out, again, "{activation:?}, {precision:?}");
        }
    }
}

/// Every unit of a 5-4 hidden stack, for each point of the last batch.
fn hidden_values(net: &Mlp) -> Vec<f64> {
    let units = (0..5).map(|j| (0, j)).chain((0..4).map(|j| (1, j)));
    units
        .flat_map(|(l, j)| {
            let mut values = [0.0; 7];
            net.unit_values(l, j, &mut values);
            values
        })
        .collect()
}
