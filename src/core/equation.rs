//! Linear models written as the notes write them: `σ(0.84·x₁ + 1.02·x₂ − 0.05)`.
use crate::core::features::FeatureSet;
use crate::core::loss::Output;
use crate::core::mlp::Mlp;
use crate::core::number_text;

/// `w₁·a + w₂·b + … + bias`, each number with `decimals` decimals (scientific past 10⁶, see
/// [`number_text::fixed`]) and a true minus sign (`0.84·x₁ − 1.20·x₂ + 0.05`). Without terms
/// it is the bias alone.
pub fn linear_text(terms: &[(f64, &str)], bias: f64, decimals: usize) -> String {
    let shown = |v: f64| number_text::fixed(v.abs(), decimals);
    let negative = |v: f64| number_text::fixed(v, decimals).starts_with('-');
    let parts = terms
        .iter()
        .map(|&(w, name)| (w, Some(name)))
        .chain([(bias, None)]);
    let mut s = String::new();
    for (k, (v, name)) in parts.enumerate() {
        s.push_str(match (k, negative(v)) {
            (0, true) => "−",
            (0, false) => "",
            (_, true) => " − ",
            (_, false) => " + ",
        });
        s.push_str(&shown(v));
        if let Some(name) = name {
            s.push('·');
            s.push_str(name);
        }
    }
    s
}

/// A network with no hidden layer and one output unit as its formula over the input
/// features, with two decimals: `p(class 1) = σ(…)` for the sigmoid output, `y = tanh(…)`
/// for the Playground's. `None` for other networks (hidden layers, several output units).
pub fn single_neuron_text(net: &Mlp, features: FeatureSet) -> Option<String> {
    let [layer] = net.layers() else { return None };
    if layer.fan_out != 1 || layer.fan_in != features.len() {
        return None;
    }
    let labels: Vec<&str> = features.enabled().map(|f| f.label()).collect();
    let terms: Vec<(f64, &str)> = labels
        .iter()
        .enumerate()
        .map(|(i, name)| (net.weight(0, 0, i), *name))
        .collect();
    let sum = linear_text(&terms, net.bias(0, 0), 2);
    match net.output() {
        Output::Binary => Some(format!("p(class 1) = σ({sum})")),
        Output::TfTanh => Some(format!("y = tanh({sum})")),
        Output::Regression | Output::TfLinear => Some(format!("y = {sum}")),
        Output::Softmax(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_read_as_the_notes_write_them() {
        assert_eq!(
            linear_text(&[(0.844, "x₁"), (-1.2, "x₂")], 0.05, 2),
            "0.84·x₁ − 1.20·x₂ + 0.05"
        );
        assert_eq!(linear_text(&[(-3.0, "x₁")], -10.0, 0), "−3·x₁ − 10");
        assert_eq!(linear_text(&[], -0.5, 1), "−0.5");
        assert_eq!(
            linear_text(&[(-0.001, "x₁")], -0.001, 2),
            "0.00·x₁ + 0.00",
            "no minus sign on a number that shows as zero"
        );
        assert_eq!(
            linear_text(&[(-2.5e9, "x₁"), (f64::NAN, "x₂")], f64::NEG_INFINITY, 2),
            "−2.50e9·x₁ + NaN·x₂ − ∞",
            "huge, undefined and infinite weights keep their width"
        );
        assert_eq!(linear_text(&[(3e-9, "x₁")], 0.0, 2), "0.00·x₁ + 0.00");
    }

    #[test]
    fn logistic_regression_reads_as_a_sigmoid_of_its_weights() {
        use crate::core::config::{ExperimentConfig, Model};
        use crate::core::dataset::DatasetKind;
        use crate::core::trainer::Trainer;
        let logistic = ExperimentConfig {
            model: Model::Logistic,
            dataset: DatasetKind::Gauss,
            ..ExperimentConfig::default()
        };
        let snap = Trainer::new(logistic.clone()).snapshot();
        let text = single_neuron_text(&snap.net, snap.features).expect("one neuron");
        let w = |i| snap.net.weight(0, 0, i);
        let expected = linear_text(&[(w(0), "x₁"), (w(1), "x₂")], snap.net.bias(0, 0), 2);
        assert_eq!(text, format!("p(class 1) = σ({expected})"));
        let mlp = Trainer::new(ExperimentConfig::default()).snapshot();
        assert_eq!(
            single_neuron_text(&mlp.net, mlp.features),
            None,
            "hidden layers"
        );
        let softmax = ExperimentConfig {
            dataset: DatasetKind::Blobs,
            classes: 3,
            ..logistic
        };
        let snap = Trainer::new(softmax).snapshot();
        assert_eq!(
            single_neuron_text(&snap.net, snap.features),
            None,
            "one neuron per class"
        );
    }
}
