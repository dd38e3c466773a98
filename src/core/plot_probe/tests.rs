use super::*;
use crate::core::config::ExperimentConfig;
use crate::core::trainer::Trainer;

fn trained(hash: &str, epochs: u32) -> Trainer {
    let (config, _) = ExperimentConfig::from_hash(hash);
    let mut t = Trainer::new(config);
    t.step(epochs);
    t
}

#[test]
fn softmax_probabilities_are_the_models_and_add_up_to_1() {
    let t = trained("dataset=blobs&classes=3&networkShape=&learningRate=0.1", 20);
    let s = t.snapshot();
    let r = read(&s, 1.5, -2.0, (1e-9, 1e-9)).unwrap();
    assert!(r.point.is_none());
    assert_eq!(r.probabilities(), t.predict(1.5, -2.0));
    assert!((r.probabilities().iter().sum::<f64>() - 1.0).abs() < 1e-12);
    let lines = r.lines();
    assert_eq!(lines[0], "at (1.50, -2.00)");
    assert!(
        lines[1].starts_with("p(0) = ") && lines[1].contains("p(2) = "),
        "{lines:?}"
    );
    let best = crate::core::loss::argmax(&r.outs);
    assert_eq!(lines[2], format!("predicted: class {best}"));
}

#[test]
fn the_training_points_terms_average_to_the_training_loss() {
    for hash in [
        "dataset=blobs&classes=3&networkShape=3&learningRate=0.1",
        "dataset=circle&networkShape=4&activation=tanh&output=auto",
        "dataset=xor&networkShape=4&output=tf",
        "problem=regression&regDataset=reg-plane&networkShape=3&output=auto",
        "problem=regression&regDataset=reg-plane&networkShape=3&output=tf",
        "model=curve&dataset=circle",
    ] {
        let t = trained(hash, 15);
        let s = t.snapshot();
        let (mut sum, mut n) = (0.0, 0);
        for (i, p) in s.points.iter().enumerate() {
            let r = read(&s, p.x1, p.x2, (1e-9, 1e-9)).unwrap();
            let point = r.point.as_ref().expect("a point under the pointer");
            assert_eq!(point.index, i, "{hash}");
            if !point.test {
                sum += point.loss;
                n += 1;
            }
        }
        let mean = sum / n as f64;
        let shown = t.metrics().train_loss.unwrap();
        assert!(
            (mean - shown).abs() < 1e-6 * shown.max(1.0),
            "{hash}: {mean} vs {shown}"
        );
    }
}

#[test]
fn a_point_shows_its_one_hot_target_and_its_term() {
    let t = trained("dataset=blobs&classes=3&networkShape=&learningRate=0.1", 5);
    let s = t.snapshot();
    let p = s.points[0];
    // The pointer a little off the point, within reach: the reading is the point's.
    let r = read(&s, p.x1 + 0.002, p.x2, (0.01, 0.01)).unwrap();
    assert_eq!((r.x1, r.x2), (p.x1, p.x2));
    let c = p.label as usize;
    let line = r.lines().pop().unwrap();
    let mut hot = ["0"; 3];
    hot[c] = "1";
    let want = format!(
        "class {c}, one-hot [{}], loss −ln p({c}) = ",
        hot.join(", ")
    );
    assert!(line.contains(&want), "{line}");
    let term = -r.outs[c].ln();
    assert!(line.ends_with(&fixed(term, 3)), "{line}");
}

#[test]
fn one_sigmoid_unit_shows_both_classes() {
    let t = trained("dataset=circle&networkShape=4&output=auto", 10);
    let s = t.snapshot();
    let r = read(&s, 0.5, 0.5, (1e-9, 1e-9)).unwrap();
    let p = r.probabilities();
    assert_eq!(p.len(), 2);
    assert_eq!(p[1], t.predict(0.5, 0.5)[0]);
    assert!((p[0] + p[1] - 1.0).abs() < 1e-12);
}

#[test]
fn regression_shows_the_output_and_the_target() {
    let t = trained(
        "problem=regression&regDataset=reg-plane&networkShape=3&output=auto",
        5,
    );
    let s = t.snapshot();
    let p = s.points[3];
    let r = read(&s, p.x1, p.x2, (0.1, 0.1)).unwrap();
    let lines = r.lines();
    assert!(lines[1].starts_with("ŷ = "), "{lines:?}");
    assert!(
        lines
            .last()
            .unwrap()
            .contains(&format!("target {}", fixed(p.label, 3))),
        "{lines:?}"
    );
}

#[test]
fn models_without_a_network_read_nothing() {
    let t = trained("model=perceptron&dataset=gauss", 1);
    assert!(read(&t.snapshot(), 0.0, 0.0, (1.0, 1.0)).is_none());
}
