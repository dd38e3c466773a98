//! The compiled kernels against the general ones, bit for bit, run in a real WebAssembly
//! engine ([`engine`]): one batch for every hidden activation, output and padding here, and
//! whole training runs with the kernel handed to the trainer as the browser app hands it
//! ([`training`]).
use super::emit::{self, PARAMS};
use super::*;
use crate::core::mlp::{FastRows, Init, Mlp, Precision};
use crate::core::regularization::Regularization;
use crate::core::rng::Pcg32;
use engine::WasmKernel;

mod engine;
mod training;

const OUTPUTS: [Output; 6] = [
    Output::Binary,
    Output::Softmax(2),
    Output::Softmax(3),
    Output::Regression,
    Output::TfTanh,
    Output::TfLinear,
];

/// `net`'s shape with tiles of `tile` blocks.
fn shape_of(net: &Mlp, tile: usize) -> Shape {
    let layers = net.layers().iter().map(|l| LayerShape {
        fan_in: l.fan_in,
        fan_out: l.fan_out,
        activation: l.activation,
    });
    Shape {
        layers: layers.collect(),
        output: net.output(),
        tile,
    }
}

fn net(inputs: usize, hidden: &[usize], activation: Activation, output: Output) -> Mlp {
    let mut rng = Pcg32::new(1, 1);
    Mlp::new(
        inputs,
        hidden,
        &[activation],
        output,
        Init::Xavier,
        &mut rng,
    )
}

fn target_for(output: Output, rng: &mut Pcg32) -> f64 {
    match output {
        Output::Binary => f64::from(rng.below(2)),
        Output::Softmax(k) => f64::from(rng.below(k as u32)),
        Output::TfTanh => rng.range(-0.9, 0.9),
        _ => rng.range(-2.0, 2.0),
    }
}

/// One batch of `n` points, drawn from a training set of 23 rows in a shuffled order, through
/// `net` by the general kernels and by `kernel` (compiled for `net`'s shape): the same
/// gradient, bit for bit.
fn check_batch(net: &mut Mlp, kernel: &mut WasmKernel, n: usize, rng: &mut Pcg32) {
    let width = net.n_inputs();
    let set_len = 23;
    let inputs: Vec<f64> = (0..set_len * width).map(|_| rng.range(-4.0, 4.0)).collect();
    let targets: Vec<f64> = (0..set_len)
        .map(|_| target_for(net.output(), rng))
        .collect();
    let mut order: Vec<usize> = (0..set_len).collect();
    rng.shuffle(&mut order);
    let batch = &order[..n];
    let batch_targets: Vec<f64> = batch.iter().map(|&i| targets[i]).collect();
    net.load(
        batch.iter().map(|&i| &inputs[i * width..(i + 1) * width]),
        Precision::Fast,
    );
    net.forward_batch(0.0, None);
    net.batch_gradient(&batch_targets, Regularization::None, 0.0);
    let want = net.grads.clone();

    let set = FastRows::new(&inputs, &targets, width);
    let mut lanes: Vec<u32> = batch.iter().map(|&i| i as u32).collect();
    lanes.resize(n.div_ceil(4) * 4, set.zero_row());
    let params: Vec<f32> = net.params.iter().map(|&w| w as f32).collect();
    let sums = kernel.run(&params, set.values(), &lanes, n);
    let scale = 1.0 / n as f64;
    let got: Vec<f64> = sums.iter().map(|&s| f64::from(s) * scale).collect();
    for (p, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(
            g.to_bits(),
            w.to_bits(),
            "{:?} parameter {p}: compiled {g}, general {w} ({n} points)",
            net.layers()
        );
    }
}

#[test]
fn one_batch_matches_the_general_kernels_bit_for_bit() {
    let mut rng = Pcg32::new(11, 3);
    for activation in Activation::ALL {
        for output in OUTPUTS {
            for (inputs, hidden) in [(2, vec![4, 2]), (3, vec![]), (7, vec![5, 3, 2])] {
                let mut net = Mlp::new(
                    inputs,
                    &hidden,
                    &[activation],
                    output,
                    Init::Xavier,
                    &mut rng,
                );
                // Biases away from 0, so that their sums show.
                for b in net.params.iter_mut() {
                    *b += rng.range(-0.5, 0.5);
                }
                // 1 to 21 points: one to six blocks, full or padded, in tiles of one to
                // four blocks and then single blocks.
                for tile in 1..=emit::MAX_TILE {
                    let function = emit::kernel(&shape_of(&net, tile));
                    assert_eq!(function.params, PARAMS);
                    let mut kernel = WasmKernel::new(&wasm::module(&function));
                    for n in 1..=21 {
                        check_batch(&mut net, &mut kernel, n, &mut rng);
                    }
                }
            }
        }
    }
}

#[test]
fn big_networks_have_no_kernel() {
    let relu = |inputs, hidden: &[usize]| net(inputs, hidden, Activation::Relu, Output::Binary);
    // Two hidden layers of 8 on seven inputs still gain; three lose to the general kernels.
    let pays = |net: &Mlp| emit::pays(&emit::kernel(&shape_of(net, 1)));
    assert!(pays(&relu(7, &[8, 8])));
    assert!(!pays(&relu(7, &[8, 8, 8])));
    let large = relu(7, &[8; 6]);
    assert!(!pays(&large));
    // So there is no module to compile.
    assert!(module(&shape_of(&large, 1)).is_none());
    assert!(module(&shape_of(&relu(7, &[8, 8]), 1)).is_some());
}

#[test]
fn the_shape_names_what_the_kernel_depends_on() {
    let tanh = |hidden: &[usize]| net(2, hidden, Activation::Tanh, Output::Binary);
    let a = tanh(&[4, 2]);
    let mut b = tanh(&[4, 2]);
    b.params.iter_mut().for_each(|w| *w += 1.0);
    let c = tanh(&[4, 3]);
    let d = net(2, &[4, 2], Activation::Relu, Output::Binary);
    let e = net(2, &[4, 2], Activation::Tanh, Output::TfTanh);
    assert_eq!(
        shape_of(&a, 3),
        shape_of(&b, 3),
        "weights are not part of it"
    );
    for other in [&c, &d, &e] {
        assert_ne!(shape_of(&a, 3), shape_of(other, 3));
    }
    assert_ne!(shape_of(&a, 3), shape_of(&a, 2));
    // Tiles: the batch's blocks, up to four, as far as the widest layer (here 4) allows.
    let tile = |net: &Mlp, batch| Shape::new(shape_of(net, 1).layers, net.output(), batch).tile;
    assert_eq!(tile(&a, 1), 1);
    assert_eq!(tile(&a, 4), 1);
    assert_eq!(tile(&a, 10), 3);
    assert_eq!(tile(&a, 250), 3);
    assert_eq!(tile(&tanh(&[2]), 16), 4);
    assert_eq!(
        tile(&net(7, &[8, 8], Activation::Relu, Output::Binary), 10),
        1
    );
}

#[test]
fn the_shape_lays_out_the_parameters_as_the_network_does() {
    for (inputs, hidden, output) in [
        (2, vec![4, 2], Output::Binary),
        (3, vec![], Output::Softmax(3)),
        (7, vec![5, 3, 2], Output::Regression),
    ] {
        let net = net(inputs, &hidden, Activation::Tanh, output);
        let shape = shape_of(&net, 1);
        assert_eq!(shape.inputs(), net.n_inputs());
        assert_eq!(shape.n_params(), net.params.len());
        for (l, layer) in net.layers().iter().enumerate() {
            for j in 0..layer.fan_out {
                assert_eq!(shape.param_index(l, j, None), net.param_index(l, j, None));
                for i in 0..layer.fan_in {
                    let (s, n) = (
                        shape.param_index(l, j, Some(i)),
                        net.param_index(l, j, Some(i)),
                    );
                    assert_eq!(s, n, "layer {l}, unit {j}, input {i}");
                }
            }
        }
    }
}
