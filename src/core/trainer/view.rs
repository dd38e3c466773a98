//! What the views read: the trainer's state copied into a [`Snapshot`] after a frame.
use super::{LineView, Trainer};
use crate::core::config::Model;
use crate::core::curve::CurveView;
use crate::core::snapshot::{PerceptronView, Snapshot};

impl Trainer {
    /// Everything the views need, by value.
    pub fn snapshot(&self) -> Snapshot {
        let mut net = self.net.clone();
        let curve = (self.config.model == Model::Curve).then(|| {
            let inputs = (self.config.input_features(), &self.inputs.standardizer);
            let x_range = self.config.domain().x1;
            CurveView::new(&mut net, inputs, x_range, &self.points, &self.test_mask)
        });
        Snapshot {
            epoch: self.epoch,
            metrics: self.metrics.clone(),
            history: self.history.clone(),
            grad_history: self.grad_history.clone(),
            net,
            features: self.config.input_features(),
            standardizer: self.inputs.standardizer.clone(),
            points: self.points.clone(),
            test_mask: self.test_mask.clone(),
            problem: self.config.problem,
            domain: self.config.domain(),
            classes: self.config.class_count(),
            diverged: self.diverged,
            best_epoch: self.best_epoch(),
            perceptron: self.perceptron.as_ref().map(|run| PerceptronView {
                weights: run.model.weights(),
                shown: [
                    run.model.w[0].show(),
                    run.model.w[1].show(),
                    run.model.b.show(),
                ],
                last: run.last,
                misclassified: run.misclassified(&self.points),
                updates: run.updates,
            }),
            stopped_at: self.stopped_at,
            line: self
                .line
                .as_ref()
                .map(|run| LineView::new(run, &self.points)),
            curve,
            version: self.version,
        }
    }

    /// The model's output at the point (x1, x2) of the plot, computed in f64 from the current
    /// weights: the class probabilities (for one unit deciding two classes, the score of
    /// class 1 in [0, 1], as the heatmap shows it), or the fitted value for regression.
    pub fn predict(&self, x1: f64, x2: f64) -> Vec<f64> {
        let features = self.config.input_features();
        let mut input = vec![0.0; features.len()];
        features.write(x1, x2, &mut input);
        self.inputs.standardizer.apply(&mut input);
        let mut net = self.net.clone();
        let mut out = net.forward(&input).to_vec();
        if let [one] = out.as_mut_slice() {
            *one = net.output().class1_score(*one);
        }
        out
    }
}
