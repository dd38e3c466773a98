//! The benchmark, shared by the native run (`tests/bench.rs`) and the WASM run (the app with
//! `?bench`). The clock and the drawing are passed in, so this file stays pure.
use crate::core::activation::Activation;
use crate::core::config::{ExperimentConfig, Model};
use crate::core::dataset::DatasetKind;
use crate::core::features::{Feature, FeatureSet};
use crate::core::snapshot::Snapshot;
use crate::core::trainer::{Trainer, FRAME_BUDGET_MS};
use crate::render::frame::Frame;

/// A named configuration to measure.
pub struct Scenario {
    pub name: &'static str,
    pub config: ExperimentConfig,
}

/// The TensorFlow Playground comparison points: its default network (2-4-2-1 tanh on 500
/// circle points, half for training, batch 10, lr 0.03) and its largest (7 features, six
/// hidden layers of 8, ReLU); and digits mode's 64-16-10 (tanh, softmax) on half the 1,797
/// images, whose frame draws the digits' views instead of the plane.
pub fn scenarios() -> Vec<Scenario> {
    let small = ExperimentConfig {
        dataset: DatasetKind::Circle,
        samples: 500,
        perc_train: 50,
        network_shape: vec![4, 2],
        activation: Activation::Tanh,
        batch_size: 10,
        learning_rate: 0.03,
        ..ExperimentConfig::default()
    };
    let seven = [
        Feature::X1,
        Feature::X2,
        Feature::X1Squared,
        Feature::X2Squared,
        Feature::X1TimesX2,
        Feature::SinX1,
        Feature::SinX2,
    ];
    let large = ExperimentConfig {
        features: FeatureSet::from_flags(seven.map(|f| (f, true))),
        network_shape: vec![8; 6],
        activation: Activation::Relu,
        learning_rate: 0.003,
        ..small.clone()
    };
    let digits = ExperimentConfig {
        model: Model::Digits,
        network_shape: vec![16],
        learning_rate: 0.1,
        ..small.clone()
    };
    vec![
        Scenario {
            name: "small",
            config: small,
        },
        Scenario {
            name: "large",
            config: large,
        },
        Scenario {
            name: "digits",
            config: digits,
        },
    ]
}

/// One scenario's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Measurement {
    pub name: &'static str,
    pub train_points: usize,
    pub epochs_per_s: f64,
    /// Time of one full frame (the mean of the middle half of the frames): snapshot,
    /// boundary, per-neuron maps and loss chart, drawn.
    pub frame_ms: f64,
    /// The part of `frame_ms` spent computing pixels (snapshot, grid evaluation, colours);
    /// the rest is drawing them.
    pub compute_ms: f64,
    /// Whether training ran on a kernel compiled for the network's shape
    /// ([`crate::core::jit`]) rather than on the general kernels.
    pub compiled: bool,
}

/// Windows a training measurement is split into.
pub const WINDOWS: usize = 9;

/// Trains in app-sized frames for at least `min_ms`, in [`WINDOWS`] windows; returns the
/// epochs per second of the middle windows ([`middle_mean`]: the machines this runs on are
/// shared, and this ignores the windows in which something else had the processor).
pub fn epochs_per_second(trainer: &mut Trainer, now: &mut dyn FnMut() -> f64, min_ms: f64) -> f64 {
    let window_ms = min_ms / WINDOWS as f64;
    let rates: Vec<f64> = (0..WINDOWS)
        .map(|_| {
            let start = now();
            let mut epochs = 0u64;
            while now() - start < window_ms && !trainer.diverged() {
                epochs += u64::from(trainer.run_frame(u32::MAX, FRAME_BUDGET_MS, now));
            }
            epochs as f64 / ((now() - start) / 1000.0)
        })
        .collect();
    middle_mean(rates)
}

/// The mean of the middle half of the values (the interquartile mean): robust to a few
/// outliers either way, like a median, but it averages, so a clock that counts in steps of
/// 0.1 ms (as browsers' does) still gives finer figures. 0 for no values.
fn middle_mean(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let quarter = values.len() / 4;
    let middle = &values[quarter..values.len() - quarter];
    middle.iter().sum::<f64>() / middle.len().max(1) as f64
}

/// Milliseconds per full frame over `frames` frames (the mean of the middle half), `(whole
/// frame, computing part)`: take a snapshot, compute the boundary and the per-neuron maps, and
/// hand them to `draw` (which draws them, and the loss chart).
pub fn frame_ms(
    trainer: &mut Trainer,
    frames: usize,
    now: &mut dyn FnMut() -> f64,
    draw: &mut dyn FnMut(&Frame, &Snapshot),
) -> (f64, f64) {
    let mut frame = Frame::default();
    let (mut total, mut compute) = (Vec::new(), Vec::new());
    for _ in 0..frames {
        let start = now();
        let snapshot = trainer.snapshot();
        frame.compute(&snapshot, false, true);
        let computed = now();
        draw(&frame, &snapshot);
        compute.push(computed - start);
        total.push(now() - start);
    }
    (middle_mean(total), middle_mean(compute))
}

/// Runs every scenario: training for `train_ms`, then `frames` frames. `prepare` gets each
/// scenario's trainer first (to hand it a compiled kernel, as the app does: see
/// [`crate::core::trainer::Kernels`]).
pub fn run_all(
    train_ms: f64,
    frames: usize,
    now: &mut dyn FnMut() -> f64,
    draw: &mut dyn FnMut(&Frame, &Snapshot),
    prepare: &mut dyn FnMut(&mut Trainer),
) -> Vec<Measurement> {
    scenarios()
        .into_iter()
        .map(|s| {
            let mut trainer = Trainer::new(s.config);
            prepare(&mut trainer);
            let epochs_per_s = epochs_per_second(&mut trainer, now, train_ms);
            let (frame_ms, compute_ms) = frame_ms(&mut trainer, frames, now, draw);
            Measurement {
                name: s.name,
                train_points: trainer.metrics().n_train,
                epochs_per_s,
                frame_ms,
                compute_ms,
                compiled: trainer.uses_compiled_kernel(),
            }
        })
        .collect()
}

/// The figures as JSON: `{"target":…,"results":[{"name":…,"train_points":…,"epochs_per_s":…,"frame_ms":…,"compute_ms":…}]}`.
pub fn to_json(target: &str, results: &[Measurement]) -> String {
    let rows: Vec<String> = results
        .iter()
        .map(|m| {
            format!(
                "{{\"name\":\"{}\",\"train_points\":{},\"epochs_per_s\":{:.0},\"frame_ms\":{:.3},\"compute_ms\":{:.3},\"kernel\":\"{}\"}}",
                m.name, m.train_points, m.epochs_per_s, m.frame_ms, m.compute_ms,
                if m.compiled {"compiled"} else {"general"}
            )
        })
        .collect();
    format!(
        "{{\"target\":\"{target}\",\"results\":[{}]}}",
        rows.join(",")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scenarios_have_the_playground_shapes() {
        let s = scenarios();
        let sizes: Vec<Vec<usize>> = s
            .iter()
            .map(|s| Trainer::new(s.config.clone()).net().sizes())
            .collect();
        assert_eq!(sizes[0], vec![2, 4, 2, 1]);
        assert_eq!(sizes[1], vec![7, 8, 8, 8, 8, 8, 8, 1]);
        assert_eq!(sizes[2], vec![64, 16, 10]);
    }

    /// A clock that advances 1 ms a read, and 50 ms a read for the reads in `slow`.
    fn clock(slow: std::ops::Range<u32>) -> impl FnMut() -> f64 {
        let (mut t, mut reads) = (0.0, 0);
        move || {
            reads += 1;
            t += if slow.contains(&reads) { 50.0 } else { 1.0 };
            t
        }
    }

    /// A window in which the machine was busy elsewhere does not move the figure.
    #[test]
    fn a_slow_window_does_not_move_the_training_figure() {
        let config = || scenarios().remove(0).config;
        let calm = epochs_per_second(&mut Trainer::new(config()), &mut clock(0..0), 900.0);
        let bumpy = epochs_per_second(&mut Trainer::new(config()), &mut clock(250..251), 900.0);
        // (A plain mean over the windows loses about 5 % here.)
        assert!(calm > 0.0);
        assert!((bumpy - calm).abs() < 0.02 * calm, "{bumpy} vs {calm}");
    }

    #[test]
    fn a_fake_clock_gives_exact_figures() {
        // Each call of the clock advances 1 ms.
        let mut t = 0.0;
        let mut clock = move || {
            t += 1.0;
            t
        };
        // Each frame reads the clock three times: 2 ms a frame, 1 of them computing.
        // Digits mode's frame has its pictures instead of neuron maps.
        let draw = &mut |frame: &Frame, _: &Snapshot| {
            assert!(!frame.neurons.is_empty() || frame.digits.is_some())
        };
        let results = run_all(50.0, 3, &mut clock, draw, &mut |_| {});
        assert_eq!(results.len(), 3);
        assert!(results
            .iter()
            .all(|m| m.epochs_per_s > 0.0 && m.frame_ms == 2.0 && m.compute_ms == 1.0));
        let json = to_json("native", &results);
        assert_eq!(middle_mean(vec![]), 0.0);
        assert_eq!(middle_mean(vec![7.0]), 7.0);
        assert_eq!(middle_mean(vec![5.0, 1.0, 3.0, 100.0]), 4.0);
        assert_eq!(
            middle_mean(vec![9.0, 0.0, 2.0, 4.0, 3.0, 1e9, 3.0, 2.0]),
            3.0
        );
        assert!(json.starts_with("{\"target\":\"native\",\"results\":[{\"name\":\"small\""));
        // Natively nothing compiles kernels.
        assert!(results.iter().all(|m| !m.compiled));
        assert_eq!(json.matches("\"kernel\":\"general\"").count(), 3, "{json}");
    }
}
