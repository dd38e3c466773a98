//! The TensorFlow Playground's semantics in training: tanh output, targets −1/+1, and the
//! loss ½(output − target)² averaged over the points.
use super::*;
use crate::core::config::OutputStyle;
use crate::core::dataset::Problem;
use crate::core::snapshot::Grid;

/// The Playground's link for XOR or circle with a 2-4-2-1 tanh network.
fn tf_link(dataset: &str) -> String {
    format!(
        "activation=tanh&batchSize=10&dataset={dataset}&learningRate=0.03&regularizationRate=0\
         &noise=0&networkShape=4,2&seed=0.80695&percTrainData=50&x=true&y=true&problem=classification"
    )
}

#[test]
fn playground_xor_and_circle_train_with_the_tanh_output() {
    for dataset in ["xor", "circle"] {
        let (cfg, notes) = ExperimentConfig::from_hash(&tf_link(dataset));
        assert!(notes.is_empty(), "{notes:?}");
        let mut t = Trainer::new(cfg);
        assert_eq!(t.net().output(), Output::TfTanh);
        let start = t.metrics().test_loss.unwrap();
        t.step(300);
        let m = t.metrics();
        let (loss, acc) = (m.test_loss.unwrap(), m.test_accuracy.unwrap());
        assert!(loss < start / 4.0, "{dataset}: test loss {start} → {loss}");
        assert!(acc >= 0.95, "{dataset}: test accuracy {acc}");
        assert!(loss < 0.1, "{dataset}: test loss {loss}");
    }
}

/// `(mean ½(y − t)² over the training points, the trainer's train loss)` for a network with
/// no hidden layer, computed by hand from its weights.
fn by_hand(t: &Trainer, activate: fn(f64) -> f64, target: fn(f64) -> f64) -> (f64, f64) {
    let net = t.net();
    let (w1, w2, b) = (net.weight(0, 0, 0), net.weight(0, 0, 1), net.bias(0, 0));
    let snap = t.snapshot();
    let train: Vec<&Point> = snap
        .points
        .iter()
        .zip(&snap.test_mask)
        .filter(|(_, &test)| !test)
        .map(|(p, _)| p)
        .collect();
    let sum: f64 = train
        .iter()
        .map(|p| {
            let y = activate(w1 * p.x1 + w2 * p.x2 + b);
            0.5 * (y - target(p.label)).powi(2)
        })
        .sum();
    (sum / train.len() as f64, t.metrics().train_loss.unwrap())
}

#[test]
fn the_loss_is_the_mean_of_half_the_squared_error() {
    let points = "1,2,1;-1,0.5,0;2,-3,1;0,0,0;-2,-2,0;3,1,1;-4,2,1;0.5,-0.5,0";
    let link = format!("output=tf&networkShape=&percTrainData=90&seed=3&points={points}");
    let (cfg, notes) = ExperimentConfig::from_hash(&link);
    assert!(notes.is_empty(), "{notes:?}");
    let mut t = Trainer::new(cfg);
    t.step(3);
    let sign = |label: f64| if label == 1.0 { 1.0 } else { -1.0 };
    let (hand, reported) = by_hand(&t, f64::tanh, sign);
    assert!((hand - reported).abs() < 1e-12, "{hand} vs {reported}");
    // Regression: a linear output, the same loss, the labels as targets.
    let link = format!("output=tf&problem=regression&networkShape=&seed=3&points={points}");
    let mut t = Trainer::new(ExperimentConfig::from_hash(&link).0);
    t.step(3);
    assert_eq!(t.net().output(), Output::TfLinear);
    let (hand, reported) = by_hand(&t, |z| z, |label| label);
    assert!((hand - reported).abs() < 1e-12, "{hand} vs {reported}");
    assert_eq!(t.metrics().train_accuracy, None);
}

#[test]
fn the_heatmap_sees_the_tanh_output_as_a_class_score() {
    let (cfg, _) = ExperimentConfig::from_hash(&tf_link("xor"));
    let mut t = Trainer::new(cfg.clone());
    t.step(100);
    let snap = t.snapshot();
    let mut net = snap.net.clone();
    let mut grid = Grid::default();
    snap.evaluate_grid(&mut net, 8, false, &mut grid);
    for (cell, &score) in grid.outputs.iter().enumerate() {
        let x1 = crate::core::snapshot::cell_centre(cell % 8, 8);
        let x2 = -crate::core::snapshot::cell_centre(cell / 8, 8);
        let y = net.forward(&[x1, x2])[0];
        assert!((0.0..=1.0).contains(&score));
        // The grid is computed in f32 (Precision::Fast), the forward pass in f64.
        assert!((score - (y + 1.0) / 2.0).abs() < 1e-6, "{score} vs {y}");
        assert_eq!(score >= 0.5, Output::TfTanh.predict_class(&[y]) == Some(1));
    }
    // Our own semantics on the same data: the sigmoid's probability, unchanged.
    let ours = ExperimentConfig {
        output: OutputStyle::Auto,
        ..cfg
    };
    assert_eq!(Trainer::new(ours).net().output(), Output::Binary);
    assert_eq!(
        ExperimentConfig {
            problem: Problem::Regression,
            ..ExperimentConfig::default()
        }
        .output(),
        Output::Regression
    );
}
