//! The caption under an exported plot: the data set, the model (for a network, its layers
//! and activation: "2 inputs → 4 → 2 → 1, tanh"), and the epoch, the losses and the accuracy,
//! so a saved picture says what it shows.
use crate::core::config::{ExperimentConfig, Model};
use crate::core::number_text::{fixed, percent};
use crate::core::snapshot::{ModelView, Snapshot};
use crate::core::text::plural;

/// The caption's lines for `c` trained to `snap`: what was trained, and how far it got.
pub fn plot_caption(c: &ExperimentConfig, snap: &Snapshot) -> [String; 2] {
    [
        format!("{} · {}", data_text(c, snap), model_text(c, snap)),
        progress_text(snap),
    ]
}

/// "Data: XOR, 200 points (100 for training)", or "Data: 4 points of your own".
fn data_text(c: &ExperimentConfig, snap: &Snapshot) -> String {
    let n = snap.points.len();
    let set = if c.points.is_some() {
        format!("{} of your own", plural(n, "point"))
    } else if c.model.fits_xy() {
        plural(n, "point")
    } else {
        format!("{}, {}", c.active_dataset().label(), plural(n, "point"))
    };
    let (train, test) = (snap.metrics.n_train, snap.metrics.n_test);
    if test > 0 {
        format!("Data: {set} ({train} training, {test} test)")
    } else {
        format!("Data: {set}")
    }
}

/// The model: a network's layers and activation, or the teaching model's own form.
fn model_text(c: &ExperimentConfig, snap: &Snapshot) -> String {
    match &snap.model {
        ModelView::Perceptron(p) => format!(
            "Perceptron: w₁ = {}, w₂ = {}, b = {}",
            p.shown[0], p.shown[1], p.shown[2]
        ),
        ModelView::Adaline(a) => format!(
            "Adaline: w₁ = {}, w₂ = {}, b = {}",
            fixed(a.weights[0], 3),
            fixed(a.weights[1], 3),
            fixed(a.weights[2], 3)
        ),
        ModelView::Line(l) => format!(
            "Line y = m·x + c: m = {}, c = {}",
            fixed(l.m, 3),
            fixed(l.c, 3)
        ),
        _ => {
            let sizes = c.layer_sizes();
            let inputs = sizes.first().copied().unwrap_or(0);
            let mut parts = vec![format!(
                "{inputs} input{}",
                if inputs == 1 { "" } else { "s" }
            )];
            parts.extend(sizes.iter().skip(1).map(usize::to_string));
            let kind = match c.model {
                Model::Logistic => "Logistic regression",
                Model::Curve => "Curve y = f(x)",
                _ => "Network",
            };
            let activation = if c.hidden_shape().is_empty() {
                String::new()
            } else {
                format!(", {}", c.activation.name())
            };
            format!("{kind}: {}{activation}", parts.join(" → "))
        }
    }
}

/// "Epoch 120 · training loss 0.123 · test loss 0.145 · accuracy 97.0% training, 95.0% test".
fn progress_text(snap: &Snapshot) -> String {
    let m = &snap.metrics;
    let mut parts = vec![format!("Epoch {}", snap.epoch)];
    if let Some(l) = m.train_loss {
        parts.push(format!("training loss {}", fixed(l, 3)));
    }
    if let Some(l) = m.test_loss {
        parts.push(format!("test loss {}", fixed(l, 3)));
    }
    match (m.train_accuracy, m.test_accuracy) {
        (Some(a), Some(b)) => parts.push(format!(
            "accuracy {} training, {} test",
            percent(a, 1),
            percent(b, 1)
        )),
        (Some(a), None) => parts.push(format!("accuracy {}", percent(a, 1))),
        _ => {}
    }
    match &snap.model {
        ModelView::Perceptron(p) => parts.push(format!("{} misclassified", p.misclassified.len())),
        ModelView::Adaline(a) => parts.push(format!("{} misclassified", a.misclassified.len())),
        _ => {}
    }
    parts.join(" · ")
}

/// `line` broken at its " · " separators into lines of at most `max_chars` characters (a
/// piece that is longer on its own stays whole).
pub fn wrap_caption(line: &str, max_chars: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for piece in line.split(" · ") {
        if current.is_empty() {
            current = piece.to_string();
        } else if current.chars().count() + 3 + piece.chars().count() <= max_chars {
            current = format!("{current} · {piece}");
        } else {
            out.push(std::mem::replace(&mut current, piece.to_string()));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::trainer::Trainer;

    fn caption(hash: &str, epochs: u32) -> [String; 2] {
        let (cfg, notes) = ExperimentConfig::from_hash(hash);
        assert!(notes.is_empty(), "{hash}: {notes:?}");
        let mut t = Trainer::new(cfg.clone());
        t.step(epochs);
        plot_caption(&cfg, &t.snapshot())
    }

    #[test]
    fn a_network_is_named_by_its_layers_and_activation() {
        let [what, progress] = caption("dataset=xor&networkShape=4,2&activation=tanh", 5);
        assert!(what.starts_with("Data: XOR, "), "{what}");
        assert!(
            what.ends_with("Network: 2 inputs → 4 → 2 → 1, tanh"),
            "{what}"
        );
        assert!(
            progress.starts_with("Epoch 5 · training loss "),
            "{progress}"
        );
        assert!(
            progress.contains("test loss") && progress.contains("% test"),
            "{progress}"
        );
    }

    #[test]
    fn long_lines_wrap_at_their_separators() {
        assert_eq!(
            wrap_caption("Epoch 5 · loss 0.1", 40),
            ["Epoch 5 · loss 0.1"]
        );
        assert_eq!(
            wrap_caption("Epoch 5 · training loss 0.1 · test loss 0.2", 27),
            ["Epoch 5 · training loss 0.1", "test loss 0.2"]
        );
        assert_eq!(
            wrap_caption("a-very-long-piece · b", 5),
            ["a-very-long-piece", "b"]
        );
    }

    #[test]
    fn teaching_models_are_named_by_their_form() {
        let [what, progress] = caption(
            "model=perceptron&weights=1,1,-1.5&points=0,0,0;0,1,0;1,0,0;1,1,1",
            0,
        );
        assert!(what.contains("4 points of your own"), "{what}");
        assert!(what.contains("Perceptron: w₁ = 1"), "{what}");
        assert!(progress.contains("0 misclassified"), "{progress}");
        let [what, _] = caption("model=logistic&dataset=gauss", 1);
        assert!(
            what.ends_with("Logistic regression: 2 inputs → 1"),
            "{what}"
        );
        let [what, _] = caption("model=line", 1);
        assert!(what.contains("Line y = m·x + c: m = "), "{what}");
    }
}
