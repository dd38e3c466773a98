use super::*;
use crate::core::mlp::Init;
use crate::core::rng::Pcg32;

fn net(inputs: usize, hidden: &[usize], activation: Activation, output: Output) -> Mlp {
    let mut rng = Pcg32::new(17, 3);
    Mlp::new(
        inputs,
        hidden,
        &[activation],
        output,
        Init::Xavier,
        &mut rng,
    )
}

fn target_for(output: Output) -> f64 {
    match output {
        Output::Binary => 1.0,
        Output::Softmax(_) => 2.0,
        Output::Regression | Output::TfLinear => 0.7,
        Output::TfTanh => -1.0,
    }
}

const OUTPUTS: [Output; 5] = [
    Output::Binary,
    Output::Softmax(3),
    Output::Regression,
    Output::TfTanh,
    Output::TfLinear,
];

#[test]
fn every_gradient_agrees_with_central_differences() {
    let shapes: [&[usize]; 4] = [&[], &[3], &[4, 2], &[3, 4, 2]];
    let activations = [
        Activation::Tanh,
        Activation::Sigmoid,
        Activation::Relu,
        Activation::Elu,
    ];
    for shape in shapes {
        for activation in activations {
            for output in OUTPUTS {
                let net = net(3, shape, activation, output);
                let t = backprop_table(&net, &[0.4, -1.3, 0.8], target_for(output), 1e-6);
                let what = format!("{shape:?} {activation:?} {output:?}");
                assert_eq!(t.weights.len(), net.params.len(), "{what}");
                for w in &t.weights {
                    let tol = 1e-6 * (1.0 + w.grad.abs());
                    assert!(
                        (w.grad - w.numerical).abs() < tol,
                        "{what}: {} {} vs {}",
                        t.weight_name(w),
                        w.grad,
                        w.numerical
                    );
                    // ∂E/∂w = δ·a: the chain rule's last product.
                    assert!((w.grad - w.delta * w.a_in).abs() < 1e-12, "{what}");
                }
                assert!(t.largest_gap() < 1e-6, "{what}");
            }
        }
    }
}

#[test]
fn the_feedforward_and_the_deltas_follow_the_formulas() {
    let net = net(2, &[4, 3], Activation::Tanh, Output::Binary);
    let t = backprop_table(&net, &[1.5, -0.5], 0.0, 1e-5);
    let mut clone = net.clone();
    let y_hat = clone.forward(&[1.5, -0.5])[0];
    assert!((t.loss - clone.loss(&[1.5, -0.5], 0.0)).abs() < 1e-15);
    for u in &t.units {
        assert!((u.activation.value(u.z) - u.a).abs() < 1e-12, "a = f(z)");
        let Some(slope) = u.slope else {
            assert_eq!(u.layer, 3);
            assert!((u.a - y_hat).abs() < 1e-15);
            assert!((u.delta - (y_hat - 0.0)).abs() < 1e-15, "δ = ŷ − y");
            continue;
        };
        // δ = f'(z)·Σₖ wₖⱼ δₖ over the next layer.
        let sum: f64 = t
            .layer(u.layer + 1)
            .map(|k| net.weight(u.layer, k.unit, u.unit) * k.delta)
            .sum();
        assert!((u.delta - slope * sum).abs() < 1e-12);
    }
    assert_eq!(net.params, clone.params, "the network is not changed");
}

#[test]
fn one_neuron_is_the_notes_gradient() {
    // ∇E = −(y − ŷ)(x₁, …, xₙ, 1) for one sigmoid neuron on the cross-entropy.
    let mut net = net(2, &[], Activation::Tanh, Output::Binary);
    net.params.copy_from_slice(&[2.0, -1.0, 0.5]);
    let x = [0.5, 1.0];
    let t = backprop_table(&net, &x, 1.0, 1e-6);
    let y_hat = 1.0 / (1.0 + (-(2.0 * 0.5 - 1.0 + 0.5f64)).exp());
    let expected = [-(1.0 - y_hat) * 0.5, -(1.0 - y_hat), -(1.0 - y_hat)];
    for (w, e) in t.weights.iter().zip(expected) {
        assert!((w.grad - e).abs() < 1e-15, "{} vs {e}", w.grad);
        assert!((w.numerical - e).abs() < 1e-8);
    }
    assert!(t.is_one_neuron() && t.is_small());
    let text = t.grad_text(&t.weights[0]);
    assert_eq!(
        text,
        "∂E/∂w₁ = −(y − ŷ)·x₁ = −(1.000 − 0.622)·0.500 = -0.188770"
    );
    assert_eq!(
        t.grad_text(&t.weights[2]),
        "∂E/∂b = −(y − ŷ)·1 = −(1.000 − 0.622)·1.000 = -0.377541"
    );
    assert_eq!(
        t.z_text(&t.units[0]),
        "z = 2.000·0.500 + (-1.000)·1.000 + 0.500 = 0.500"
    );
    assert_eq!(t.a_text(&t.units[0]), "ŷ = σ(z) = σ(0.500) = 0.622");
}

#[test]
fn the_texts_name_the_chain() {
    let net = net(2, &[2], Activation::Relu, Output::Binary);
    let t = backprop_table(&net, &[1.0, 2.0], 1.0, 1e-5);
    let hidden = t.unit(1, 0).expect("a hidden unit");
    assert!(t
        .delta_text(hidden)
        .starts_with("δ⁽¹⁾₁ = ReLU'(z)·Σₖ wₖ δₖ = "));
    let out = t.unit(2, 0).expect("the output");
    assert!(t.delta_text(out).starts_with("δ⁽²⁾₁ = ŷ − y = "));
    let w = &t.weights[1];
    assert_eq!(t.weight_name(w), "w⁽¹⁾₁₂");
    assert!(t.grad_text(w).starts_with("∂E/∂w⁽¹⁾₁₂ = δ⁽¹⁾₁·x₂ = "));
    let last = t.weights.last().expect("the output bias");
    assert_eq!(t.weight_name(last), "b⁽²⁾₁");
    assert!(t
        .error_text()
        .starts_with("E = −[y ln ŷ + (1 − y) ln(1 − ŷ)] = −[1.000·ln "));
}

#[test]
fn large_networks_show_one_weights_chain() {
    let small = backprop_table(
        &net(2, &[4, 4, 4], Activation::Tanh, Output::Binary),
        &[1.0, 1.0],
        1.0,
        1e-5,
    );
    assert!(small.is_small());
    let wide = backprop_table(
        &net(2, &[8, 3], Activation::Tanh, Output::Binary),
        &[1.0, 1.0],
        1.0,
        1e-5,
    );
    assert!(!wide.is_small());
    let deep = net(2, &[2, 2, 2, 2], Activation::Tanh, Output::Binary);
    assert!(!backprop_table(&deep, &[1.0, 1.0], 1.0, 1e-5).is_small());
    let w = wide.weight(5).expect("weight 5");
    assert_eq!((w.layer, w.to, w.from), (1, 2, Some(1)));
    let chain: Vec<(usize, usize)> = wide
        .chain_units(w)
        .iter()
        .map(|u| (u.layer, u.unit))
        .collect();
    assert_eq!(chain, [(1, 2), (2, 0), (2, 1), (2, 2)]);
}

#[test]
fn subscripts() {
    assert_eq!(subscript(12), "₁₂");
    assert_eq!(subscript(0), "₀");
}

#[test]
fn the_trainers_point_is_backpropagated_through_its_own_network() {
    use crate::core::config::ExperimentConfig;
    use crate::core::trainer::Trainer;
    let (cfg, _) = ExperimentConfig::from_hash("dataset=xor&networkShape=3,2&seed=4&samples=40");
    let mut trainer = Trainer::new(cfg);
    trainer.step(5);
    let n = trainer.points().len();
    let (mut train, mut test) = (0, 0);
    for p in 0..n {
        let (t, is_test) = trainer.backprop_of(p).expect("a network point");
        if is_test {
            test += 1;
        } else {
            train += 1;
        }
        let point = trainer.points()[p];
        let mut net = trainer.net().clone();
        let y_hat = net.forward(&[point.x1, point.x2])[0];
        let out = t.unit(t.output_layer(), 0).expect("the output");
        assert!(
            (out.a - y_hat).abs() < 1e-15,
            "point {p}: the network's own output"
        );
        assert_eq!(t.target, point.label);
        assert!(t.largest_gap() < 1e-6);
    }
    assert!(train > 0 && test > 0, "both sets: {train} / {test}");
    assert!(trainer.backprop_of(n).is_none(), "past the points");
    let (cfg, _) = ExperimentConfig::from_hash("model=perceptron&dataset=xor");
    assert!(Trainer::new(cfg).backprop_of(0).is_none(), "no network");
}
