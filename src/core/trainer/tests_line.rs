//! Logistic regression and line mode in the trainer.
use super::*;
use crate::core::dataset::DatasetKind;
use crate::core::line_fit;

fn line(hash: &str) -> Trainer {
    Trainer::new(ExperimentConfig::from_hash(&format!("model=line&{hash}")).0)
}

#[test]
fn logistic_regression_is_one_sigmoid_neuron_that_learns_two_gaussians() {
    let (cfg, _) = ExperimentConfig::from_hash(
        "model=logistic&networkShape=4,2&dataset=gauss&noise=20&learningRate=0.1",
    );
    let mut t = Trainer::new(cfg);
    assert_eq!(t.net().params.len(), 3, "w₁, w₂ and b");
    let start = t.metrics().train_loss.unwrap();
    t.step(50);
    assert!(t.metrics().train_loss.unwrap() < start / 2.0);
    assert!(t.metrics().test_accuracy.unwrap() > 0.95);
}

#[test]
fn line_mode_fits_noisy_points_around_a_line() {
    let mut t = line("learningRate=0.01&seed=1");
    assert_eq!(t.points().len(), crate::core::config::limits::LINE_SAMPLES);
    let s = t.snapshot();
    let view = &s.line_view();
    assert_eq!((view.m, view.c), (-1.0, -3.0));
    let (m_star, c_star) = view.least_squares.unwrap();
    assert!((m_star - 0.6).abs() < 0.1 && (c_star - 1.0).abs() < 0.3);
    let start = t.metrics().train_loss.unwrap();
    t.step(1);
    assert_eq!(t.epoch(), 1);
    let paths = &t.snapshot().line_view().paths;
    // 100 points, batch 10: 1, 10 and 100 updates in the first epoch.
    let lens: Vec<usize> = paths.iter().map(|p| p.positions.len()).collect();
    assert_eq!(lens, [2, 11, 101]);
    t.step(200);
    let loss = t.metrics().train_loss.unwrap();
    assert!(loss < start / 2.0);
    let best = line_fit::mse(t.points(), m_star, c_star);
    assert!(loss < best + 0.05, "{loss} vs {best}");
    assert!(t.snapshot().history.samples().count() > 1);
}

#[test]
fn a_diverging_line_stops_and_reset_recovers() {
    let mut t = line("learningRate=0.2&seed=1");
    t.step(200);
    assert!(t.diverged());
    assert_eq!(t.step(10), 0, "no training once diverged");
    t.reset();
    assert!(!t.diverged() && t.epoch() == 0);
    let mut ok = line("learningRate=0.01&seed=1");
    let after = ok.apply(ExperimentConfig {
        batch_size: 50,
        ..ok.config().clone()
    });
    assert_eq!(after, Change::Live);
    ok.step(1);
    assert_eq!(ok.snapshot().line_view().paths[1].positions.len(), 3);
}

#[test]
fn line_mode_takes_the_users_points() {
    let mut t = line("points=0,1,0;1,3,0;2,5,0&learningRate=0.05&lineStart=0,0");
    assert_eq!(t.points().len(), 3);
    t.step(2000);
    let view = t.snapshot().line_view();
    assert!((view.m - 2.0).abs() < 0.01 && (view.c - 1.0).abs() < 0.02);
    assert_eq!(
        t.config().active_dataset(),
        DatasetKind::Xor,
        "the data set is kept"
    );
}

#[test]
fn stepping_a_diverging_line_flags_it_once_the_loss_is_not_finite() {
    let mut t = line("learningRate=0.2&seed=1");
    let mut steps = 0;
    while !t.diverged() {
        assert_eq!(t.step(1), 1, "Step trains one epoch until the divergence");
        steps += 1;
        assert!(steps < 1000, "still not diverged after {steps} steps");
        if !t.diverged() {
            let loss = t.metrics().train_loss.expect("a loss");
            assert!(
                loss.is_finite(),
                "step {steps}: loss {loss} but not flagged"
            );
        }
    }
    let s = t.snapshot();
    assert!(s.diverged, "the snapshot tells the app");
    let path_stopped = s.line_view().paths[1].diverged;
    let loss = s.metrics.train_loss.unwrap_or(f64::NAN);
    assert!(!loss.is_finite() || path_stopped, "flagged at loss {loss}");
    let epoch = t.epoch();
    assert_eq!(t.step(1), 0, "Step does nothing once diverged");
    assert_eq!(t.epoch(), epoch);
}

#[test]
fn a_new_batch_size_names_the_mini_batch_path_at_once() {
    let mut t = line("batchSize=10");
    t.step(3);
    let mut cfg = t.config().clone();
    cfg.batch_size = 25;
    assert_eq!(t.apply(cfg), Change::Live);
    let shown = t.snapshot();
    let crate::core::snapshot::ModelView::Line(view) = &shown.model else {
        panic!("line mode shows a line view");
    };
    assert_eq!(
        view.paths[LINE_MAIN_PATH].descent,
        line_fit::Descent::MiniBatch(25)
    );
    assert_eq!(shown.epoch, 3, "a live change keeps the run");
}
