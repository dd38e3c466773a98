use super::*;
use crate::core::config::ExperimentConfig;
use crate::core::perceptron::Perceptron;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

/// A (1, 2) of class 1 and B (2, 0) of class 0, from w = (1, 1), b = 0, learning rate 0.1.
#[test]
fn one_epoch_by_hand() {
    let points = [Point::new(1.0, 2.0, 1.0), Point::new(2.0, 0.0, 0.0)];
    let mut unit = Adaline::new([1.0, 1.0, 0.0]);
    // Net inputs 3 and 2 against targets +1 and −1: errors z − t = 2 and 3.
    assert_eq!(unit.net_input(&points[0]), 3.0);
    assert_eq!(unit.net_input(&points[1]), 2.0);
    // MSE = (2² + 3²) / 2 = 6.5.
    assert_eq!(unit.mse(&points), Some(6.5));
    // Gradient (2/2)·[2·(1, 2, 1) + 3·(2, 0, 1)] = (8, 4, 5).
    let step = unit.epoch(&points, 0.1).expect("a finite step");
    assert_eq!(step.before, [1.0, 1.0, 0.0]);
    assert_eq!(step.gradient, [8.0, 4.0, 5.0]);
    // (1, 1, 0) − 0.1·(8, 4, 5) = (0.2, 0.6, −0.5).
    let expected = [0.2, 0.6, -0.5];
    assert!(step.after.iter().zip(expected).all(|(a, e)| close(*a, e)));
    assert_eq!(unit.weights(), step.after);
    // Net inputs 0.9 and −0.1: errors −0.1 and 0.9, MSE (0.01 + 0.81) / 2 = 0.41.
    assert!(close(unit.mse(&points).unwrap_or(f64::NAN), 0.41));
    assert!(
        unit.misclassified(&points).is_empty(),
        "0.9 ≥ 0 and −0.1 < 0"
    );
    assert_eq!(
        step.table(),
        [
            "w ← w − η·∇MSE",
            "(1, 1, 0)",
            "− 0.1 × (8, 4, 5)",
            "= (0.2, 0.6, -0.5)"
        ]
    );
}

#[test]
fn short_numbers_drop_trailing_zeros() {
    assert_eq!(short(8.0), "8");
    assert_eq!(short(-0.5), "-0.5");
    assert_eq!(short(1.0 / 3.0), "0.333");
    assert_eq!(short(-0.0001), "0");
    assert_eq!(short(2.5e9), "2.50e9");
}

#[test]
fn targets_are_minus_one_and_plus_one_and_the_step_is_the_perceptrons() {
    assert_eq!((target(0.0), target(1.0)), (-1.0, 1.0));
    let unit = Adaline::new([1.0, -1.0, 0.5]);
    let p = Perceptron::new(1.0, -1.0, 0.5, 0.1);
    for (x1, x2) in [(0.0, 0.0), (1.0, 2.0), (-3.0, 1.0), (0.5, 1.0), (2.0, -4.0)] {
        let point = Point::new(x1, x2, 0.0);
        assert_eq!(unit.predict(&point), p.predict(&point), "({x1}, {x2})");
    }
}

/// The notes' two Gaussians with 20 % noise: no line separates them.
fn overlapping() -> Vec<Point> {
    let (cfg, notes) = ExperimentConfig::from_hash("dataset=gauss&noise=20&output=auto");
    assert!(notes.is_empty(), "{notes:?}");
    cfg.generated_points()
}

#[test]
fn the_mse_never_rises_and_settles_where_the_perceptron_keeps_jumping() {
    let points = overlapping();
    let mut perceptron = Perceptron::new(1.0, 1.0, 0.0, 0.01);
    let (_, converged) = perceptron.train(&points, 300);
    assert!(!converged, "the data must not be linearly separable");
    let mut unit = Adaline::new([1.0, 1.0, 0.0]);
    let mut losses = vec![unit.mse(&points).expect("points")];
    for _ in 0..400 {
        unit.epoch(&points, 0.01)
            .expect("a small rate never diverges");
        losses.push(unit.mse(&points).expect("points"));
    }
    for (e, pair) in losses.windows(2).enumerate() {
        assert!(pair[1] <= pair[0], "epoch {e}: {} → {}", pair[0], pair[1]);
    }
    let last = losses[losses.len() - 1];
    let before = losses[losses.len() - 51];
    assert!(before - last < 1e-6, "settled: {before} → {last}");
    assert!(last < losses[0] / 2.0, "{} → {last}", losses[0]);
    // The perceptron's misclassified count still changes from epoch to epoch.
    let counts: Vec<usize> = (0..20)
        .map(|_| {
            perceptron.epoch(&points);
            perceptron.misclassified(&points).len()
        })
        .collect();
    assert!(counts.windows(2).any(|w| w[0] != w[1]), "{counts:?}");
    assert!(unit.misclassified(&points).len() < points.len() / 5);
}

#[test]
fn a_rate_too_large_stops_at_the_last_finite_weights() {
    let points = overlapping();
    let mut unit = Adaline::new([1.0, 1.0, 0.0]);
    let mut last = unit;
    let mut epochs = 0;
    while unit.epoch(&points, 5.0).is_some() {
        last = unit;
        epochs += 1;
        assert!(epochs < 10_000, "it must diverge");
    }
    assert_eq!(unit, last, "the step that overflowed was not taken");
    assert!(unit.weights().iter().all(|w| w.is_finite()));
    assert!(unit.mse(&points).is_some_and(f64::is_finite));
    assert!(unit.mse(&points).unwrap_or(0.0) > 1e100, "it went up, far");
}

#[test]
fn no_points_no_loss_and_no_step() {
    let mut unit = Adaline::new([1.0, 2.0, 3.0]);
    assert_eq!(unit.mse(&[]), None);
    assert_eq!(unit.gradient(&[]), [0.0; 3]);
    let step = unit.epoch(&[], 0.1).expect("finite");
    assert_eq!(step.after, [1.0, 2.0, 3.0]);
}
