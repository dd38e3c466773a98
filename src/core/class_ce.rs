//! Cross-entropy over several classes, as the readout computes it, term by term: with one-hot
//! labels y, −Σₖ yₖ ln pₖ keeps one term per point, −ln p(true class). The training loss
//! readout is the mean of these terms over the training points.
//!
//! Computed from a [`Snapshot`] with the network's own forward pass and [`Output::loss`] (the
//! function training averages), so the mean here is the readout's number.
use crate::core::loss::{class_of, Output};
use crate::core::snapshot::{ModelView, Snapshot};

/// The most terms the panel lists; the sum and mean take all the training points.
pub const SHOWN_TERMS: usize = 6;

/// One training point's term: −ln p(class).
#[derive(Clone, Debug, PartialEq)]
pub struct ClassTerm {
    /// The point's index in the snapshot's points.
    pub index: usize,
    /// Its true class.
    pub class: usize,
    /// The model's probability of that class at the point.
    pub p: f64,
    /// −ln p, with p kept at least 10⁻¹⁵ (as training does).
    pub value: f64,
}

/// The terms of every training point, their sum and the number of classes.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassSum {
    pub classes: usize,
    pub terms: Vec<ClassTerm>,
    pub sum: f64,
}

impl ClassSum {
    /// The mean over the training points: the training loss readout's number.
    pub fn mean(&self) -> f64 {
        self.sum / self.terms.len().max(1) as f64
    }
}

/// The training points' terms for a softmax output over more than two classes; `None` for two
/// classes (the binary form applies), for other outputs and models without a network.
pub fn training_terms(s: &Snapshot) -> Option<ClassSum> {
    if !matches!(s.model, ModelView::Mlp | ModelView::Logistic) {
        return None;
    }
    let mut net = s.net.clone();
    let output = net.output();
    let Output::Softmax(classes) = output else {
        return None;
    };
    if classes <= 2 {
        return None;
    }
    let mut input = vec![0.0; s.features.len()];
    let terms: Vec<ClassTerm> = s
        .points
        .iter()
        .enumerate()
        .filter(|(i, _)| !s.test_mask.get(*i).copied().unwrap_or(false))
        .map(|(index, point)| {
            s.features.write(point.x1, point.x2, &mut input);
            s.standardizer.apply(&mut input);
            let outs = net.forward(&input);
            let class = class_of(point.label, classes);
            ClassTerm {
                index,
                class,
                p: outs[class],
                value: output.loss(outs, point.label),
            }
        })
        .collect();
    Some(ClassSum {
        classes,
        sum: terms.iter().map(|t| t.value).sum(),
        terms,
    })
}

#[cfg(test)]
mod tests {
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
    fn three_classes_terms_are_minus_ln_of_the_true_class_and_average_to_the_readout() {
        let t = trained(
            "dataset=blobs&classes=3&networkShape=3&learningRate=0.1",
            15,
        );
        let s = t.snapshot();
        let ce = training_terms(&s).expect("three classes");
        assert_eq!(ce.classes, 3);
        assert_eq!(ce.terms.len(), t.metrics().n_train);
        for term in &ce.terms {
            let point = &s.points[term.index];
            let p = t.predict(point.x1, point.x2);
            assert_eq!(term.class, point.label as usize);
            assert!((term.p - p[term.class]).abs() < 1e-12);
            assert!((term.value + term.p.ln()).abs() < 1e-12);
        }
        let shown = t.metrics().train_loss.unwrap();
        assert!((ce.mean() - shown).abs() < 1e-6, "{} vs {shown}", ce.mean());
    }

    #[test]
    fn two_classes_and_regression_have_no_multi_class_terms() {
        for hash in [
            "dataset=circle&networkShape=4&output=auto",
            "dataset=blobs&classes=2&networkShape=3",
            "problem=regression&regDataset=reg-plane&networkShape=3&output=auto",
        ] {
            let s = trained(hash, 2).snapshot();
            assert_eq!(training_terms(&s), None, "{hash}");
        }
    }
}
