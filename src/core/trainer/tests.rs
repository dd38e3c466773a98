use super::*;
use crate::core::activation::Activation;
use crate::core::dataset::{DatasetKind, Problem};
use crate::core::optimizer::OptimizerKind;

fn xor_config(seed: u64) -> ExperimentConfig {
    ExperimentConfig {
        dataset: DatasetKind::Xor,
        network_shape: vec![4],
        activation: Activation::Tanh,
        learning_rate: 0.03,
        batch_size: 10,
        seed,
        ..ExperimentConfig::default()
    }
}

#[test]
fn a_2_4_1_tanh_network_learns_xor_for_several_seeds() {
    for seed in [1, 2, 3, 4, 5] {
        let mut t = Trainer::new(xor_config(seed));
        t.step(1000);
        let acc = t.metrics().test_accuracy.unwrap();
        assert!(
            acc >= 0.95,
            "seed {seed}: test accuracy {acc} after 1000 epochs"
        );
    }
}

#[test]
fn the_same_config_and_seed_give_bit_identical_weights() {
    let mut cfg = xor_config(42);
    cfg.dropout = 0.2;
    cfg.optimizer = OptimizerKind::Adam;
    let mut a = Trainer::new(cfg.clone());
    let mut b = Trainer::new(cfg);
    a.step(25);
    b.step(10);
    b.step(15);
    assert_eq!(a.param_bits(), b.param_bits());
    let mut c = Trainer::new(xor_config(43));
    c.step(25);
    assert_ne!(a.param_bits(), c.param_bits());
}

#[test]
fn reset_returns_to_the_same_initial_weights() {
    let mut t = Trainer::new(xor_config(7));
    let initial = t.net().params.clone();
    t.step(20);
    assert_ne!(t.net().params, initial);
    t.reset();
    assert_eq!(t.net().params, initial);
    assert_eq!(t.epoch(), 0);
}

#[test]
fn a_huge_learning_rate_diverges_and_reset_recovers() {
    let cfg = ExperimentConfig {
        problem: Problem::Regression,
        network_shape: vec![],
        activation: Activation::Linear,
        learning_rate: 10.0,
        ..ExperimentConfig::default()
    };
    let mut t = Trainer::new(cfg);
    for _ in 0..20 {
        t.step(5);
    }
    assert!(t.diverged());
    let epoch = t.epoch();
    t.step(5);
    assert_eq!(t.epoch(), epoch, "a diverged trainer does not train");
    t.reset();
    assert!(!t.diverged());
    assert!(t.metrics().train_loss.unwrap().is_finite());
}

#[test]
fn live_changes_keep_the_weights_and_rebuilds_do_not() {
    let mut t = Trainer::new(xor_config(3));
    t.step(10);
    let trained = t.net().params.clone();
    let mut cfg = t.config().clone();
    cfg.learning_rate = 0.1;
    assert_eq!(t.apply(cfg.clone()), Change::Live);
    assert_eq!(t.net().params, trained);
    assert_eq!(t.epoch(), 10);
    cfg.network_shape = vec![5];
    assert_eq!(t.apply(cfg), Change::Rebuild);
    assert_eq!(t.epoch(), 0);
    assert_eq!(t.net().sizes(), vec![2, 5, 1]);
}

#[test]
fn point_edits_materialize_then_add_and_remove() {
    let mut t = Trainer::new(xor_config(3));
    let n = t.points().len();
    let cfg = t.edited(PointEdit::Add(Point::new(1.234, -2.0, 1.0)));
    t.step(4);
    let trained = t.net().params.clone();
    assert_eq!(
        t.apply(cfg),
        Change::Live,
        "the first edit of a generated set keeps training (issue 14)"
    );
    assert_eq!(t.epoch(), 4);
    assert_eq!(t.net().params, trained);
    assert_eq!(t.points().len(), n + 1);
    assert_eq!(*t.points().last().unwrap(), Point::new(1.23, -2.0, 1.0));
    t.step(3);
    let cfg = t.edited(PointEdit::Add(Point::new(0.5, 0.5, 0.0)));
    assert_eq!(t.apply(cfg), Change::Live);
    assert_eq!(t.epoch(), 7);
    let cfg = t.edited(PointEdit::RemoveNearest { x1: 0.6, x2: 0.4 });
    t.apply(cfg);
    assert_eq!(t.points().len(), n + 1);
    let cfg = t.edited(PointEdit::Clear);
    t.apply(cfg);
    assert!(t.points().is_empty());
    t.step(5);
    assert_eq!(t.metrics().train_loss, None);
    assert!(!t.diverged());
}

#[test]
fn three_classes_use_softmax_and_train() {
    let cfg = ExperimentConfig {
        dataset: DatasetKind::Blobs,
        classes: 3,
        network_shape: vec![6],
        learning_rate: 0.1,
        ..ExperimentConfig::default()
    };
    let mut t = Trainer::new(cfg);
    assert_eq!(t.net().output(), Output::Softmax(3));
    t.step(100);
    assert!(t.metrics().test_accuracy.unwrap() > 0.9);
}

#[test]
fn standardizing_raw_inputs_and_full_batch_training_work() {
    let cfg = ExperimentConfig {
        dataset: DatasetKind::Gauss,
        standardize: true,
        batch_size: 2000,
        network_shape: vec![],
        learning_rate: 0.3,
        ..ExperimentConfig::default()
    };
    let mut t = Trainer::new(cfg);
    t.step(200);
    assert!(t.metrics().test_accuracy.unwrap() > 0.95);
}

#[test]
fn the_grid_agrees_with_forward_passes() {
    let mut t = Trainer::new(xor_config(1));
    t.step(50);
    let snap = t.snapshot();
    let mut net = snap.net.clone();
    let mut grid = crate::core::snapshot::Grid::default();
    snap.evaluate_grid(&mut net, 10, true, &mut grid);
    assert_eq!(grid.outputs.len(), 100);
    assert_eq!(grid.hidden.len(), 4 * 100);
    // Top-left cell centre is (−5.4, 5.4). The grid is computed in f32 (Precision::Fast).
    let p = net.forward(&[-5.4, 5.4])[0];
    assert!(
        (grid.outputs[0] - p).abs() < 1e-6,
        "{} vs {p}",
        grid.outputs[0]
    );
    let h = net.layer_output(0)[0];
    assert!(
        (grid.hidden[0] - h).abs() < 1e-6,
        "{} vs {h}",
        grid.hidden[0]
    );
}

#[test]
fn a_reused_grid_follows_new_features_and_standardization() {
    use crate::core::features::{Feature, FeatureSet};
    let mut grid = crate::core::snapshot::Grid::default();
    let two = xor_config(1);
    let mut five = two.clone();
    five.features = FeatureSet::from_flags(
        [
            Feature::X1,
            Feature::X2,
            Feature::X1TimesX2,
            Feature::SinX1,
            Feature::SinX2,
        ]
        .map(|f| (f, true)),
    );
    let mut scaled = five.clone();
    scaled.standardize = !five.standardize;
    for cfg in [two, five, scaled] {
        let snap = Trainer::new(cfg).snapshot();
        let mut net = snap.net.clone();
        snap.evaluate_grid(&mut net, 10, true, &mut grid);
        let mut fresh = crate::core::snapshot::Grid::default();
        snap.evaluate_grid(&mut net, 10, true, &mut fresh);
        assert_eq!(grid.outputs, fresh.outputs);
        assert_eq!(grid.hidden, fresh.hidden);
    }
}

#[test]
fn numerical_gradients_train_like_backprop() {
    use crate::core::gradients::GradientMethod;
    let mut backprop = Trainer::new(xor_config(2));
    let mut numerical = Trainer::new(ExperimentConfig {
        gradient: GradientMethod::Numerical,
        ..xor_config(2)
    });
    backprop.step(5);
    numerical.step(5);
    let gap = backprop
        .net()
        .params
        .iter()
        .zip(&numerical.net().params)
        .map(|(a, b)| (a - b).abs())
        .fold(0.0, f64::max);
    assert!(gap < 1e-6, "weights differ by {gap}");
    assert!(backprop.gradient_check().unwrap() < 1e-8);
}

#[test]
fn random_search_never_raises_the_training_loss() {
    use crate::core::gradients::GradientMethod;
    let mut t = Trainer::new(ExperimentConfig {
        gradient: GradientMethod::RandomSearch,
        search_step: 0.2,
        ..xor_config(4)
    });
    let mut last = t.metrics().train_loss.unwrap();
    let first = last;
    for _ in 0..100 {
        t.step(3);
        let now = t.metrics().train_loss.unwrap();
        assert!(now <= last, "{now} > {last}");
        last = now;
    }
    assert!(last < first, "no progress: {first} → {last}");
    assert_eq!(t.epoch(), 300);
}

#[test]
fn early_stopping_keeps_the_best_weights() {
    // Few, noisy training points and a big network: the test loss turns up.
    let cfg = ExperimentConfig {
        dataset: DatasetKind::Spiral,
        noise: 50,
        perc_train: 20,
        network_shape: vec![16, 16],
        learning_rate: 0.1,
        patience: 30,
        seed: 3,
        ..ExperimentConfig::default()
    };
    let mut t = Trainer::new(cfg);
    while t.stopped_at().is_none() && t.epoch() < 5000 {
        t.step(1);
    }
    let stopped = t.stopped_at().expect("early stopping triggered");
    let best = t.best_epoch().unwrap();
    assert_eq!(stopped, best + 30);
    let best_loss = t
        .snapshot()
        .history
        .samples()
        .find(|s| s.0 == best)
        .unwrap()
        .2;
    assert_eq!(
        t.metrics().test_loss,
        Some(best_loss),
        "the best weights are back"
    );
    t.step(10);
    assert_eq!(t.epoch(), stopped, "a stopped trainer does not train");
    let mut cfg = t.config().clone();
    cfg.patience = 0;
    t.apply(cfg);
    t.step(1);
    assert_eq!(
        t.epoch(),
        stopped + 1,
        "turning early stopping off lets training go on"
    );
}

#[test]
fn perceptron_mode_steps_one_update_at_a_time_and_converges() {
    use crate::core::config::Model;
    let cfg = ExperimentConfig {
        model: Model::Perceptron,
        weights: [3.0, 4.0, -10.0],
        learning_rate: 0.1,
        points: Some(vec![
            Point::new(4.0, 5.0, 0.0),
            Point::new(1.0, 1.0, 1.0),
            Point::new(-3.0, -2.0, 0.0),
        ]),
        ..ExperimentConfig::default()
    };
    let mut t = Trainer::new(cfg);
    let view = t.snapshot().perceptron_view();
    assert_eq!(view.misclassified, vec![0, 1]);
    assert_eq!(t.metrics().train_loss, Some(2.0 / 3.0));
    t.step(1);
    let view = t.snapshot().perceptron_view();
    assert_eq!(view.updates, 1);
    assert_eq!(view.shown, ["2.6", "3.5", "-10.1"]);
    assert_eq!(view.last.unwrap().index, 0);
    for _ in 0..2000 {
        t.step(1);
    }
    let view = t.snapshot().perceptron_view();
    assert!(
        view.misclassified.is_empty(),
        "separable points end correctly classified"
    );
    let updates = view.updates;
    t.step(1);
    assert_eq!(
        t.snapshot().perceptron_view().updates,
        updates,
        "nothing left to do"
    );
    t.reset();
    assert_eq!(t.snapshot().perceptron_view().shown, ["3", "4", "-10"]);
}

#[test]
fn perceptron_mode_gives_up_on_xor_at_the_epoch_limit() {
    use crate::core::config::{ExperimentConfig, Model};
    let cfg = ExperimentConfig {
        model: Model::Perceptron,
        learning_rate: 0.1,
        points: Some(crate::core::gates::Gate::Xor.points()),
        ..ExperimentConfig::default()
    };
    let mut t = Trainer::new(cfg);
    let mut frames = 0;
    while t.run_frame(500, f64::INFINITY, &mut || 0.0) > 0 {
        frames += 1;
        assert!(frames < 100, "epoch {}", t.epoch());
    }
    assert_eq!(t.epoch(), super::PERCEPTRON_MAX_EPOCHS);
    assert!(!t.snapshot().perceptron_view().misclassified.is_empty());
}

#[test]
fn random_restarts_vary_the_start_not_the_data_and_the_best_is_reproducible() {
    let cfg = ExperimentConfig {
        network_shape: vec![2],
        ..xor_config(6)
    };
    let t = Trainer::new(cfg.clone());
    let results = t.random_restarts(7, 150);
    assert_eq!(results.len(), 7);
    assert_eq!(results[0].0, 0);
    let losses: Vec<f64> = results.iter().map(|r| r.1).collect();
    assert!(
        losses.iter().any(|l| (l - losses[0]).abs() > 1e-3),
        "different starts end differently: {losses:?}"
    );
    let best = super::best_restart(&results).unwrap();
    let min = losses.iter().copied().fold(f64::INFINITY, f64::min);
    // The chosen restart, opened from its config, gives the same data and the same final loss.
    let mut again = Trainer::new(ExperimentConfig {
        restart: best,
        ..cfg
    });
    assert_eq!(again.points(), t.points(), "restarts keep the data");
    again.step(150);
    assert_eq!(again.metrics().train_loss, Some(min));
}

#[test]
fn deep_sigmoid_networks_show_vanishing_gradients() {
    let deep = |activation| ExperimentConfig {
        network_shape: vec![8; 6],
        activation,
        ..xor_config(1)
    };
    let mut sigmoid = Trainer::new(deep(Activation::Sigmoid));
    let mut relu = Trainer::new(deep(Activation::Relu));
    sigmoid.step(3);
    relu.step(3);
    let ratio = |t: &Trainer| {
        let s = t.snapshot();
        let last = &s.grad_history.samples().last().unwrap().1;
        assert_eq!(last.len(), 7);
        last[0] / last[6]
    };
    let (vanishing, healthy) = (ratio(&sigmoid), ratio(&relu));
    assert!(
        vanishing < 1e-3,
        "sigmoid: first/last layer gradient ratio {vanishing}"
    );
    assert!(
        healthy > 10.0 * vanishing,
        "relu keeps gradients: {healthy} vs {vanishing}"
    );
}

#[test]
fn the_learning_rate_schedule_is_applied_each_epoch() {
    use crate::core::config::LrSchedule;
    let moves = |schedule| {
        let mut t = Trainer::new(ExperimentConfig {
            lr_schedule: schedule,
            lr_decay: 0.5,
            ..xor_config(2)
        });
        t.step(20);
        let before = t.net().params.clone();
        t.step(1);
        t.net()
            .params
            .iter()
            .zip(&before)
            .map(|(a, b)| (a - b).abs())
            .sum::<f64>()
    };
    let (constant, decayed) = (moves(LrSchedule::Constant), moves(LrSchedule::Exponential));
    assert!(
        decayed < constant * 1e-4,
        "after 20 halvings the steps are tiny: {decayed} vs {constant}"
    );
}

#[test]
fn editing_a_weight_changes_the_network_and_its_loss() {
    let mut t = Trainer::new(xor_config(1));
    let before = t.metrics().train_loss;
    let k = t.net().param_index(0, 0, Some(1));
    assert!(t.set_param(k, 5.0));
    assert_eq!(t.net().params[k], 5.0);
    assert_ne!(t.metrics().train_loss, before);
    assert!(!t.set_param(k, f64::NAN));
    assert!(!t.set_param(10_000, 1.0));
    assert_eq!(t.net().params[k], 5.0);
}

#[test]
fn in_the_last_hidden_layer_xor_becomes_linearly_separable() {
    // A 2-4-2-1 network that learned XOR: its last hidden layer has two units, and there the
    // output unit is one straight line.
    let mut t = Trainer::new(ExperimentConfig {
        network_shape: vec![4, 2],
        ..xor_config(1)
    });
    t.step(300);
    assert!(t.metrics().train_accuracy.unwrap() > 0.97);
    let snap = t.snapshot();
    let mut net = snap.net.clone();
    let mapped = snap.hidden_space(&mut net, 1, 0, 1);
    assert_eq!(mapped.len(), snap.points.len());
    // The output unit's own weights are a line in (u, v) that separates the training points.
    let (w0, w1, b) = (net.weight(2, 0, 0), net.weight(2, 0, 1), net.bias(2, 0));
    let train: Vec<_> = mapped.iter().filter(|p| !p.is_test).collect();
    let right = train
        .iter()
        .filter(|p| ((w0 * p.u + w1 * p.v + b) >= 0.0) == (p.label == 1.0))
        .count();
    assert!(
        right as f64 / train.len() as f64 > 0.95,
        "{right} of {}",
        train.len()
    );
    assert!(
        snap.hidden_space(&mut net, 2, 0, 0).is_empty(),
        "the output layer is not hidden"
    );
    assert!(snap.hidden_space(&mut net, 0, 0, 5).is_empty());
}

#[test]
fn replace_swaps_every_point_and_clamps_them() {
    let t = Trainer::new(ExperimentConfig::default());
    let pts = vec![Point::new(1.0, 2.0, 0.0), Point::new(99.0, -1.0, 1.0)];
    let cfg = t.edited(PointEdit::Replace(pts));
    let got = cfg.points.expect("own points");
    assert_eq!(got.len(), 2);
    assert_eq!((got[0].x1, got[0].x2, got[0].label), (1.0, 2.0, 0.0));
    assert_eq!(got[1].x1, 6.0, "clamped to the plot");
}

#[test]
fn a_new_class_rebuilds_only_the_output_layer() {
    let mut t = Trainer::new(xor_config(3));
    t.step(5);
    let hidden = t.net().param_index(1, 0, Some(0));
    let trained = t.net().params[..hidden].to_vec();
    let cfg = t.edited(PointEdit::Add(Point::new(1.0, 1.0, 2.0)));
    assert_eq!(t.apply(cfg), Change::Output);
    assert_eq!(t.net().sizes(), vec![2, 4, 3], "three softmax outputs");
    assert_eq!(
        &t.net().params[..hidden],
        &trained[..],
        "hidden weights kept"
    );
    assert_eq!(t.epoch(), 5, "the epoch goes on");
    assert!(t.metrics().train_loss.is_some_and(f64::is_finite));
    t.step(2);
    assert_eq!(t.epoch(), 7);
    // Erasing the only point of class 2 goes back to two classes, the same way.
    let cfg = t.edited(PointEdit::RemoveNearest { x1: 1.0, x2: 1.0 });
    assert_eq!(t.apply(cfg), Change::Output);
    assert_eq!(t.net().sizes(), vec![2, 4, 1]);
}

#[test]
fn restart_spread_leaves_out_diverged_starts() {
    use super::RestartSpread;
    assert_eq!(RestartSpread::of(&[]), None);
    assert_eq!(
        RestartSpread::of(&[(0, f64::NAN), (1, f64::INFINITY)]),
        None
    );
    let spread = RestartSpread::of(&[(0, 0.4), (1, f64::NAN), (2, 0.1), (3, 0.2)]).unwrap();
    assert_eq!(
        spread,
        RestartSpread {
            best: 0.1,
            median: 0.2,
            worst: 0.4,
            count: 3
        }
    );
    assert_eq!(spread.position(0.4), 100.0);
    assert_eq!(spread.position(0.1), 25.0);
}
