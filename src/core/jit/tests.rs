//! The compiled kernels against the general ones, bit for bit: one batch for every hidden
//! activation, output and padding, and whole training runs through the registry, with the
//! interpreter standing in for the browser's compiler.
use super::emit::{self, PARAMS};
use super::interp;
use super::wasm::Function;
use super::*;
use crate::core::activation::Activation;
use crate::core::config::ExperimentConfig;
use crate::core::dataset::Problem;
use crate::core::loss::Output;
use crate::core::mlp::{Init, Mlp, Precision};
use crate::core::optimizer::OptimizerKind;
use crate::core::regularization::Regularization;
use crate::core::rng::Pcg32;
use crate::core::trainer::Trainer;
use std::cell::{Cell, RefCell};

const OUTPUTS: [Output; 6] = [
    Output::Binary,
    Output::Softmax(2),
    Output::Softmax(3),
    Output::Regression,
    Output::TfTanh,
    Output::TfLinear,
];

/// Where the interpreter's memory holds each argument, for `n_params` parameters, `values`
/// f32 of training rows and `lanes` row numbers.
struct Layout {
    params: usize,
    rows: usize,
    order: usize,
    scratch: usize,
    grads: usize,
    end: usize,
}

impl Layout {
    fn new(n_params: usize, values: usize, lanes: usize) -> Self {
        // Odd starts, so that nothing depends on alignment, and a gap of at least 16 bytes
        // after each buffer (filled with NaN, so a read past one would show in the sums).
        let params = 20;
        let rows = params + 4 * n_params + 20;
        let order = rows + 4 * values + 24;
        let scratch = order + 4 * lanes + 20;
        let grads = scratch + 16 * n_params + 28;
        let end = grads + 4 * n_params + 16;
        Layout {
            params,
            rows,
            order,
            scratch,
            grads,
            end,
        }
    }
}

fn put(memory: &mut [u8], at: usize, words: impl IntoIterator<Item = u32>) {
    for (k, v) in words.into_iter().enumerate() {
        memory[at + 4 * k..at + 4 * k + 4].copy_from_slice(&v.to_le_bytes());
    }
}

fn get(memory: &[u8], at: usize, count: usize) -> Vec<f32> {
    (0..count)
        .map(|k| f32::from_le_bytes(memory[at + 4 * k..at + 4 * k + 4].try_into().unwrap()))
        .collect()
}

/// Runs `kernel` in the interpreter on f32 parameters, the training rows (as [`FastRows`]
/// lays them out) and the row numbers of each lane (`n` points, then padding); the gradient
/// sums. Everything else, the scratch included, starts as NaN (the kernel must clear the
/// scratch and read nothing else).
fn interpret(kernel: &Function, params: &[f32], rows: &[f32], order: &[u32], n: usize) -> Vec<f32> {
    let blocks = order.len() / 4;
    let at = Layout::new(params.len(), rows.len(), order.len());
    // 0xffffffff is a NaN.
    let mut memory = vec![0xffu8; at.end];
    put(&mut memory, at.params, params.iter().map(|p| p.to_bits()));
    put(&mut memory, at.rows, rows.iter().map(|v| v.to_bits()));
    put(&mut memory, at.order, order.iter().copied());
    let args = [
        at.params, at.rows, at.order, at.scratch, at.grads, blocks, n,
    ];
    interp::run(kernel, &args.map(|a| a as i32), &mut memory);
    get(&memory, at.grads, params.len())
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
/// `net` by the general kernels and by the compiled one with tiles of `tile` blocks: the same
/// gradient, bit for bit.
fn check_batch(net: &mut Mlp, n: usize, tile: usize, rng: &mut Pcg32) {
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

    let kernel = emit::kernel(net, tile);
    assert_eq!(kernel.params, PARAMS);
    let set = FastRows::new(&inputs, &targets, width);
    let mut lanes: Vec<u32> = batch.iter().map(|&i| i as u32).collect();
    lanes.resize(n.div_ceil(4) * 4, set.zero_row());
    let params: Vec<f32> = net.params.iter().map(|&w| w as f32).collect();
    let sums = interpret(&kernel, &params, set.values(), &lanes, n);
    let scale = 1.0 / n as f64;
    let got: Vec<f64> = sums.iter().map(|&s| f64::from(s) * scale).collect();
    for (p, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(
            g.to_bits(),
            w.to_bits(),
            "{} parameter {p}: compiled {g}, general {w} ({n} points)",
            key(net, tile)
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
                    for n in 1..=21 {
                        check_batch(&mut net, n, tile, &mut rng);
                    }
                }
            }
        }
    }
}

#[test]
fn big_networks_have_no_kernel() {
    let mut rng = Pcg32::new(1, 1);
    let mut net = |inputs, hidden: &[usize]| {
        let relu = [Activation::Relu];
        Mlp::new(
            inputs,
            hidden,
            &relu,
            Output::Binary,
            Init::Xavier,
            &mut rng,
        )
    };
    // Two hidden layers of 8 on seven inputs still gain; three lose to the general kernels.
    let pays = |net: &Mlp| emit::pays(&emit::kernel(net, 1));
    assert!(pays(&net(7, &[8, 8])));
    assert!(!pays(&net(7, &[8, 8, 8])));
    let large = net(7, &[8; 6]);
    assert!(!pays(&large));
    // So the registry does not ask for one.
    set_compiler(Some(fake_compiler));
    assert!(kernel_for(&large, 1).is_none());
    assert_eq!(pending(), 0);
    assert!(COMPILED.with_borrow(|c| c.is_empty()));
    reset();
}

#[test]
fn the_key_names_the_shape() {
    let mut rng = Pcg32::new(1, 1);
    let a = Mlp::new(
        2,
        &[4, 2],
        &[Activation::Tanh],
        Output::Binary,
        Init::Xavier,
        &mut rng,
    );
    let b = Mlp::new(
        2,
        &[4, 2],
        &[Activation::Tanh],
        Output::Binary,
        Init::He,
        &mut rng,
    );
    let c = Mlp::new(
        2,
        &[4, 3],
        &[Activation::Tanh],
        Output::Binary,
        Init::Xavier,
        &mut rng,
    );
    let d = Mlp::new(
        2,
        &[4, 2],
        &[Activation::Relu],
        Output::Binary,
        Init::Xavier,
        &mut rng,
    );
    let e = Mlp::new(
        2,
        &[4, 2],
        &[Activation::Tanh],
        Output::TfTanh,
        Init::Xavier,
        &mut rng,
    );
    assert_eq!(key(&a, 3), key(&b, 3), "weights are not part of the shape");
    for other in [&c, &d, &e] {
        assert_ne!(key(&a, 3), key(other, 3));
    }
    assert_ne!(key(&a, 3), key(&a, 2));
    // Tiles: the batch's blocks, up to four, as far as the widest layer (here 4) allows.
    assert_eq!(emit::tile_for(&a, 1), 1);
    assert_eq!(emit::tile_for(&a, 4), 1);
    assert_eq!(emit::tile_for(&a, 10), 3);
    assert_eq!(emit::tile_for(&a, 250), 3);
    let narrow = Mlp::new(
        2,
        &[2],
        &[Activation::Tanh],
        Output::Binary,
        Init::Xavier,
        &mut rng,
    );
    assert_eq!(emit::tile_for(&narrow, 16), 4);
    let wide = Mlp::new(
        7,
        &[8, 8],
        &[Activation::Relu],
        Output::Binary,
        Init::Xavier,
        &mut rng,
    );
    assert_eq!(emit::tile_for(&wide, 10), 1);
}

// The registry, with the interpreter as the "compiled" kernel: a native function that copies
// the buffers it is given into the interpreter's memory and the sums back.
thread_local! {
    /// The kernel the fake compiler last "compiled", with its network's parameter count and
    /// the number of f32 in the training rows.
    static FAKE: RefCell<Option<(Function, usize, usize)>> = const { RefCell::new(None) };
    static CALLS: Cell<usize> = const { Cell::new(0) };
    static COMPILED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

extern "C" fn fake_kernel(
    params: *const f32,
    rows: *const f32,
    order: *const u32,
    _scratch: *mut [f32; 4],
    grads: *mut f32,
    blocks: u32,
    n: u32,
) {
    CALLS.set(CALLS.get() + 1);
    FAKE.with_borrow(|fake| {
        let (kernel, n_params, values) = fake.as_ref().expect("a compiled kernel");
        let lanes = blocks as usize * 4;
        // SAFETY: `Pass::run_kernel` passes buffers of these lengths (the test's premise).
        let (params, rows, order) = unsafe {
            (
                std::slice::from_raw_parts(params, *n_params),
                std::slice::from_raw_parts(rows, *values),
                std::slice::from_raw_parts(order, lanes),
            )
        };
        let sums = interpret(kernel, params, rows, order, n as usize);
        // SAFETY: as above, `grads` holds one f32 per parameter.
        unsafe { std::slice::from_raw_parts_mut(grads, *n_params) }.copy_from_slice(&sums);
    });
}

fn fake_compiler(key: String, module: Vec<u8>) {
    assert_eq!(&module[..4], b"\0asm");
    COMPILED.with_borrow_mut(|c| c.push(key.clone()));
    install(key, fake_kernel);
}

/// Trains `config` for `epochs` epochs without and with the (interpreted) compiled kernel:
/// the same weights, bit for bit. Returns how many batches went through the kernel, and how
/// many batches there were.
fn train_both_ways(config: ExperimentConfig, epochs: u32) -> (usize, usize) {
    reset();
    let mut general = Trainer::new(config.clone());
    general.step(epochs);

    let mut jitted = Trainer::new(config);
    let net = jitted.net();
    let batch = jitted.config().batch_size.min(jitted.metrics().n_train);
    let kernel = Some(emit::kernel(net, emit::tile_for(net, batch))).filter(emit::pays);
    let (n_train, width) = (jitted.metrics().n_train, net.n_inputs());
    FAKE.set(kernel.map(|k| (k, net.params.len(), (n_train + 1) * (width + 1))));
    CALLS.set(0);
    set_compiler(Some(fake_compiler));
    jitted.step(epochs);
    reset();
    assert_eq!(
        general.param_bits(),
        jitted.param_bits(),
        "weights after {epochs} epochs"
    );
    let loss = |t: &Trainer| t.metrics().train_loss.map(f64::to_bits);
    assert_eq!(loss(&general), loss(&jitted));
    let batches = jitted
        .metrics()
        .n_train
        .div_ceil(jitted.config().batch_size);
    (CALLS.get(), batches * epochs as usize)
}

#[test]
fn training_through_the_registry_gives_the_same_weights() {
    let small = crate::bench::scenarios().remove(0).config;
    let (calls, batches) = train_both_ways(small.clone(), 30);
    assert_eq!(calls, batches, "every batch through the kernel");
    assert_eq!(
        COMPILED.with_borrow(|c| c.len()),
        1,
        "one shape, compiled once"
    );
    assert_eq!(pending(), 0);

    // Seven inputs and two hidden layers of 8, ReLU: the biggest kind compiled.
    let mid = ExperimentConfig {
        network_shape: vec![8, 8],
        ..crate::bench::scenarios().remove(1).config
    };
    let (calls, batches) = train_both_ways(mid, 5);
    assert_eq!(calls, batches);

    let regression = ExperimentConfig {
        problem: Problem::Regression,
        optimizer: OptimizerKind::Adam,
        regularization: Regularization::L2,
        regularization_rate: 0.01,
        batch_size: 7,
        activation: Activation::Elu,
        ..small.clone()
    };
    let (calls, batches) = train_both_ways(regression, 10);
    assert_eq!(calls, batches);

    // Dropout keeps the general kernels (they draw the masks).
    let dropout = ExperimentConfig {
        dropout: 0.2,
        ..small.clone()
    };
    assert_eq!(train_both_ways(dropout, 5).0, 0);

    // Three classes: softmax.
    let three = ExperimentConfig {
        dataset: crate::core::dataset::DatasetKind::Blobs,
        classes: 3,
        ..small
    };
    let (calls, batches) = train_both_ways(three, 10);
    assert_eq!(calls, batches);
}
