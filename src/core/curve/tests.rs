//! Curve mode end to end in the core: data, training, the loss's definition, sampling,
//! divergence and the link round trip.
use super::*;
use crate::core::config::{limits, ExperimentConfig};
use crate::core::dataset::CurveKind;
use crate::core::trainer::Trainer;

fn curve(hash: &str) -> Trainer {
    let (cfg, notes) = ExperimentConfig::from_hash(&format!("model=curve&{hash}"));
    assert!(notes.is_empty(), "{hash}: {notes:?}");
    Trainer::new(cfg)
}

/// The network's y at x, computed by hand: its features of x, standardized, forward.
fn predict(t: &Trainer, x: f64) -> f64 {
    let s = t.snapshot();
    let mut input = vec![0.0; s.features.len()];
    s.features.write(x, 0.0, &mut input);
    s.standardizer.apply(&mut input);
    t.net().clone().forward(&input)[0]
}

/// The least-squares line through `points`, from the normal equations, and its mean
/// squared error there.
fn best_line_mse(points: &[Point]) -> f64 {
    let n = points.len() as f64;
    let (sx, sy) = points
        .iter()
        .fold((0.0, 0.0), |(a, b), p| (a + p.x1, b + p.x2));
    let (sxx, sxy) = points
        .iter()
        .fold((0.0, 0.0), |(a, b), p| (a + p.x1 * p.x1, b + p.x1 * p.x2));
    let m = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    let c = (sy - m * sx) / n;
    points
        .iter()
        .map(|p| (p.x2 - (m * p.x1 + c)).powi(2))
        .sum::<f64>()
        / n
}

fn split(t: &Trainer) -> (Vec<Point>, Vec<Point>) {
    let s = t.snapshot();
    let (test, train): (Vec<_>, Vec<_>) = s.points.iter().zip(&s.test_mask).partition(|p| *p.1);
    (
        train.into_iter().map(|p| *p.0).collect(),
        test.into_iter().map(|p| *p.0).collect(),
    )
}

#[test]
fn a_small_tanh_network_fits_a_noisy_sine_that_no_line_can() {
    // Noise 10 %: a scatter of 0.6 around y = 3·sin x, so no curve gets below about 0.36.
    let mut t = curve("networkShape=8,8&activation=tanh&noise=10&samples=100&seed=3");
    assert_eq!(t.net().sizes(), [1, 8, 8, 1], "a 1-8-8-1 network on x");
    let (train, test) = split(&t);
    assert!(train.len() > 30 && test.len() > 30);
    let line = best_line_mse(&train);
    assert!(line > 3.0, "no straight line follows a sine: MSE {line}");
    t.step(500);
    let fit = t.metrics().train_loss.unwrap();
    eprintln!(
        "network {fit} against the best line {line}, test {:?}",
        t.metrics().test_loss
    );
    assert!(
        fit < line / 8.0 && fit < 0.5,
        "network {fit} against the best line {line}"
    );
    assert!(t.metrics().test_loss.unwrap() < line / 5.0);
    assert_eq!(t.metrics().train_accuracy, None, "no classes, no accuracy");
    // The loss is the notes' mean squared error over the points, in the plot's units.
    let by_hand = |pts: &[Point]| {
        pts.iter()
            .map(|p| (p.x2 - predict(&t, p.x1)).powi(2))
            .sum::<f64>()
            / pts.len() as f64
    };
    assert!((t.metrics().train_loss.unwrap() - by_hand(&train)).abs() < 1e-9);
    assert!((t.metrics().test_loss.unwrap() - by_hand(&test)).abs() < 1e-9);
    let view = t.snapshot().curve_view();
    assert!(
        (view.line_mse.unwrap() - line).abs() < 1e-9,
        "the readout's best line"
    );
}

#[test]
fn the_default_settings_train_sanely() {
    // What a student gets by choosing the curve fit: 1-4-2-1 tanh, SGD at 0.03, batch 10.
    let mut t = curve("");
    let start = t.metrics().train_loss.unwrap();
    t.step(300);
    assert!(!t.diverged());
    let loss = t.metrics().train_loss.unwrap();
    assert!(loss < start / 2.0, "{start} → {loss}");
}

#[test]
fn the_curve_is_the_networks_output_at_each_x() {
    let mut t = curve("networkShape=5,3&sinX=true&xSquared=true&standardize=true&seed=2");
    t.step(20);
    let s = t.snapshot();
    let view = &s.curve_view();
    let xs = &view.samples.xs;
    assert_eq!(xs.len(), CURVE_RES);
    assert_eq!(
        (xs[0], xs[CURVE_RES - 1]),
        (-6.0, 6.0),
        "across the whole plot"
    );
    assert!((xs[1] - xs[0] - 0.05).abs() < 1e-12);
    for i in [0, 17, 120, 240] {
        let y = predict(&t, xs[i]);
        assert!((view.samples.ys[i] - y).abs() < 1e-12, "x = {}", xs[i]);
    }
    assert!(
        view.samples.hidden.is_empty(),
        "the snapshot keeps no hidden units"
    );
    // With the hidden units: each one's output against x, as a forward pass leaves it.
    let mut net = s.net.clone();
    let mut samples = CurveSamples::default();
    let range = (-2.0, 2.0);
    sample_curve(
        &mut net,
        s.features,
        &s.standardizer,
        range,
        9,
        true,
        &mut samples,
    );
    assert_eq!(samples.hidden_units, 8);
    let mut input = vec![0.0; s.features.len()];
    s.features.write(samples.xs[4], 0.0, &mut input);
    s.standardizer.apply(&mut input);
    net.forward(&input);
    let (first, second) = (net.layer_output(0), net.layer_output(1));
    assert!((samples.unit(2)[4] - first[2]).abs() < 1e-12);
    assert!((samples.unit(6)[4] - second[1]).abs() < 1e-12);
    assert_eq!(samples.xs[4], 0.0);
    assert!(samples.unit(8).is_empty());
}

#[test]
fn curve_points_are_generated_deterministically_and_capped() {
    let a = curve("curve=parabola&samples=2000&seed=5");
    assert_eq!(a.points().len(), limits::CURVE_SAMPLES);
    assert_eq!(
        a.points(),
        curve("curve=parabola&samples=2000&seed=5").points()
    );
    assert_ne!(
        a.points(),
        curve("curve=parabola&samples=2000&seed=6").points()
    );
    for p in a.points() {
        assert!(
            (p.x2 - CurveKind::Parabola.y(p.x1)).abs() < 1.5,
            "around the curve"
        );
    }
    assert_eq!(curve("samples=30").points().len(), 30);
}

#[test]
fn a_diverging_learning_rate_pauses_and_reset_recovers() {
    let mut t = curve("networkShape=8,8&learningRate=10&seed=1");
    t.step(200);
    assert!(t.diverged(), "a learning rate of 10 blows up");
    assert!(t.snapshot().diverged);
    assert_eq!(t.step(10), 0, "no training once diverged");
    t.reset();
    assert!(!t.diverged() && t.epoch() == 0);
    let view = t.snapshot().curve_view();
    assert!(view.samples.ys.iter().all(|y| y.is_finite()));
}

#[test]
fn a_link_brings_back_the_same_points_and_weights() {
    let mut t = curve("curve=step&noise=25&samples=40&networkShape=6&seed=11");
    let mut cfg = t.config().clone();
    cfg.points = Some(t.points().to_vec());
    let edited = Trainer::new(cfg).edited(crate::core::trainer::PointEdit::Add(Point::new(
        1.234, 4.567, 0.0,
    )));
    let (back, notes) = ExperimentConfig::from_hash(&edited.to_hash());
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(back, edited);
    let (a, b) = (Trainer::new(edited.clone()), Trainer::new(back));
    assert_eq!(a.points(), b.points());
    assert_eq!(a.points().last(), Some(&Point::new(1.23, 4.57, 0.0)));
    assert_eq!(
        a.net().params,
        b.net().params,
        "same seed, same initial weights"
    );
    // Shared with weights: the trained network comes back exactly.
    t.step(30);
    let (shared, notes) = ExperimentConfig::from_hash(&t.share_hash());
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(Trainer::new(shared).net().params, t.net().params);
}

#[test]
fn the_model_file_round_trips_in_curve_mode() {
    let mut t = curve("networkShape=4&cosX=true&standardize=true&seed=4");
    t.step(10);
    let file = crate::core::model_json::ModelFile::from_json(&t.model_json()).expect("reads");
    let cfg = file.apply_to(t.config()).expect("fits");
    assert_eq!(
        cfg.model,
        crate::core::config::Model::Curve,
        "stays a curve fit"
    );
    assert_eq!(
        cfg.problem,
        t.config().problem,
        "the problem is not touched"
    );
    let back = Trainer::new(cfg);
    assert_eq!(back.net().params, t.net().params);
    let x = 1.7;
    assert!((predict(&back, x) - predict(&t, x)).abs() < 1e-12);
    // A classifier's file switches to the neural network.
    let mlp = Trainer::new(ExperimentConfig::default());
    let file = crate::core::model_json::ModelFile::from_json(&mlp.model_json()).unwrap();
    let cfg = file.apply_to(t.config()).expect("fits the network");
    assert_eq!(cfg.model, crate::core::config::Model::Mlp);
}
