use super::*;
use crate::core::config::{Change, Model};
use crate::core::status::{Facts, Status};
use crate::core::trainer::Trainer;

fn trainer(hash: &str) -> Trainer {
    let (cfg, notes) = ExperimentConfig::from_hash(hash);
    assert!(notes.is_empty(), "{hash}: {notes:?}");
    Trainer::new(cfg)
}

const GAUSS: &str = "model=adaline&dataset=gauss&noise=20&learningRate=0.01&output=auto";

#[test]
fn a_link_starts_both_rules_from_its_weights() {
    let t = trainer("model=adaline&weights=2,-1,0.5&output=auto");
    assert_eq!(t.config().model, Model::Adaline);
    let view = t.snapshot().adaline_view();
    assert_eq!(view.weights, [2.0, -1.0, 0.5]);
    assert_eq!(view.perceptron.weights, [2.0, -1.0, 0.5]);
    assert_eq!(view.last, None);
    let m = t.metrics();
    assert_eq!(m.train_loss, view.mse);
    assert_eq!(m.n_train, t.points().len(), "every point trains");
}

#[test]
fn the_hand_example_through_the_trainer() {
    let mut t =
        trainer("model=adaline&weights=1,1,0&learningRate=0.1&points=1,2,1;2,0,0&output=auto");
    assert_eq!(t.metrics().train_loss, Some(6.5));
    assert_eq!(t.step(1), 1);
    let view = t.snapshot().adaline_view();
    let step = view.last.expect("one step");
    assert_eq!(step.gradient, [8.0, 4.0, 5.0]);
    assert!((view.mse.unwrap_or(f64::NAN) - 0.41).abs() < 1e-12);
    assert_eq!(t.epoch(), 1);
}

#[test]
fn on_overlapping_gaussians_the_loss_settles_and_the_perceptron_does_not() {
    let mut t = trainer(GAUSS);
    let mut losses = Vec::new();
    let mut counts = Vec::new();
    for _ in 0..60 {
        t.step(5);
        let snap = t.snapshot();
        losses.push(snap.metrics.train_loss.expect("a loss"));
        counts.push(snap.adaline_view().perceptron.misclassified.len());
    }
    assert!(losses.windows(2).all(|w| w[1] <= w[0]), "{losses:?}");
    let tail = &losses[40..];
    assert!(tail[0] - tail[tail.len() - 1] < 1e-4, "{tail:?}");
    assert!(counts[40..].windows(2).any(|w| w[0] != w[1]), "{counts:?}");
    assert_eq!(t.epoch(), 300);
    assert!(!t.diverged());
}

#[test]
fn a_diverging_rate_stops_with_finite_numbers_and_reset_recovers() {
    let mut t = trainer("model=adaline&dataset=gauss&noise=20&learningRate=5&output=auto");
    t.step(2000);
    assert!(t.diverged());
    let snap = t.snapshot();
    assert!(snap.metrics.train_loss.is_some_and(f64::is_finite));
    assert!(snap.adaline_view().weights.iter().all(|w| w.is_finite()));
    let epoch = t.epoch();
    assert_eq!(t.step(10), 0, "nothing more once diverged");
    assert_eq!(t.epoch(), epoch);
    assert_eq!(
        Status::why_stopped(&Facts::of(&snap), 0).map(|s| s.text),
        Some(crate::core::status::DIVERGED.to_string())
    );
    let mut fresh = t.config().clone();
    fresh.learning_rate = 0.01;
    assert_eq!(t.apply(fresh), Change::Live);
    assert!(t.diverged(), "a new rate alone does not undo it");
    let mut reset = Trainer::new(t.config().clone());
    reset.step(10);
    assert!(!reset.diverged());
}

#[test]
fn compare_only_redraws_and_the_rate_follows_live() {
    let mut t = trainer(GAUSS);
    t.step(3);
    let mut cfg = t.config().clone();
    cfg.compare = true;
    assert_eq!(t.apply(cfg.clone()), Change::Redraw);
    assert_eq!(t.epoch(), 3);
    cfg.learning_rate = 0.02;
    assert_eq!(t.apply(cfg), Change::Live);
    let Run::Adaline(run) = t.run() else {
        panic!("Adaline mode");
    };
    assert_eq!(run.perceptron.model.learning_rate.to_f64(), 0.02);
    let back = ExperimentConfig::from_hash(&t.config().to_hash()).0;
    assert_eq!(&back, t.config(), "compare=true round-trips");
}

#[test]
fn classes_other_than_zero_and_one_are_ignored() {
    let t = trainer("model=adaline&weights=1,0,0&points=1,0,1;-1,0,0;2,2,2&output=auto");
    let view = t.snapshot().adaline_view();
    assert!(view.misclassified.is_empty());
    assert_eq!(view.mse, Some(0.0));
    assert_eq!(t.metrics().n_train, 2);
}
