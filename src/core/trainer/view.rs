//! What the views read: the trainer's state copied into a [`Snapshot`] after a frame.
use super::{Run, Trainer};
use crate::core::curve::CurveView;
use crate::core::digits::{self, DigitsView};
use crate::core::domain::Domain;
use crate::core::mlp::Mlp;
use crate::core::snapshot::{ModelView, Snapshot};

impl Trainer {
    /// Everything the views need, by value.
    pub fn snapshot(&self) -> Snapshot {
        let mut net = self.net.clone();
        let model = self.model_view(&mut net);
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
            domain: self.view_domain(),
            classes: self.config.class_count(),
            diverged: self.diverged,
            shared_start: self.shared_start(),
            best_epoch: self.best_epoch(),
            stopped_at: self.stopped_at,
            model,
            version: self.version,
        }
    }

    /// The rectangle the plot shows: the data set's domain, fitted to small data (the logic
    /// gates' corners) outside line and curve mode, whose (x, y) plot stays [−6, 6]². A data
    /// set in raw units (the admissions) gets a margin, so its edge ticks are labelled.
    pub fn view_domain(&self) -> Domain {
        let domain = self.config.domain();
        if self.config.model.fits_xy() {
            return domain;
        }
        match domain.fit_view(&self.points) {
            view if view == domain && domain != Domain::SQUARE => domain.with_margin(),
            view => view,
        }
    }

    /// What the model being trained shows beyond the network (`net` is a scratch copy of it).
    fn model_view(&self, net: &mut Mlp) -> ModelView {
        match &self.run {
            Run::Mlp => ModelView::Mlp,
            Run::Logistic => ModelView::Logistic,
            Run::Perceptron(run) => ModelView::Perceptron(run.view(&self.points)),
            Run::Adaline(run) => ModelView::Adaline(run.view(&self.points)),
            Run::Line(run) => ModelView::Line(run.view(&self.points)),
            Run::Digits(accuracy) => {
                let (rows, labels) = self.inputs.test_set();
                let indices = digits::test_indices(self.config.seed, self.config.perc_train);
                let width = self.inputs.width();
                let mut view = DigitsView::measure(net, rows, width, labels, &indices);
                view.accuracy_history = accuracy.clone();
                ModelView::Digits(view)
            }
            Run::Curve => {
                let inputs = (self.config.input_features(), &self.inputs.standardizer);
                let x_range = self.config.domain().x1;
                let view = CurveView::new(net, inputs, x_range, &self.points, &self.test_mask);
                ModelView::Curve(view)
            }
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
