//! How a change of config is sorted, the TensorFlow Playground's way: a structural change
//! rebuilds the network, a hyper-parameter change (and a point edit) applies while training
//! goes on, and a view change only redraws.
use super::ExperimentConfig;

/// What a change of config asks of the trainer (the TensorFlow Playground's three kinds).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Nothing that matters changed.
    None,
    /// Only the view changed: redraw.
    Redraw,
    /// Hyper-parameters or the user's points changed: apply while training goes on.
    Live,
    /// The points changed the number of classes: the output layer is rebuilt for them, and
    /// the hidden layers keep their weights.
    Output,
    /// Data or network structure changed: rebuild the network and start again.
    Rebuild,
}

impl ExperimentConfig {
    /// Sorts a change from `self` to `new` into rebuild, output, live or redraw.
    ///
    /// Every field is named below (no `..`), so a new field does not compile until it is
    /// sorted. Point edits are live, whether the points were generated or drawn, unless they
    /// change the number of classes ([`Change::Output`]).
    pub fn change_to(&self, new: &ExperimentConfig) -> Change {
        let ExperimentConfig {
            model,
            weights,
            perceptron_step,
            compare,
            line_start,
            curve,
            problem,
            dataset: _,     // through active_dataset()
            reg_dataset: _, // through active_dataset()
            classes,
            samples,
            noise,
            perc_train,
            seed,
            restart,
            features,
            standardize,
            network_shape,
            activation,
            init,
            learning_rate,
            lr_schedule,
            lr_decay,
            batch_size,
            optimizer,
            regularization,
            regularization_rate,
            dropout,
            gradient,
            epsilon,
            search_step,
            patience,
            speed,
            show_test_data,
            discretize,
            points,
            output,
            hidden,
            hide_text,
            lecture,
            boundary_line,
            params,
        } = self;
        // Data and network structure: rebuild the network and start again.
        let rebuild = *model != new.model
            || *weights != new.weights
            || *line_start != new.line_start
            || *curve != new.curve
            || *problem != new.problem
            || self.active_dataset() != new.active_dataset()
            || *classes != new.classes
            || *samples != new.samples
            || *noise != new.noise
            || *perc_train != new.perc_train
            || *seed != new.seed
            || *restart != new.restart
            || *features != new.features
            || *standardize != new.standardize
            || *network_shape != new.network_shape
            || *activation != new.activation
            || *init != new.init
            || *output != new.output
            || *params != new.params;
        // Hyper-parameters and the points: applied while training goes on.
        let live = *learning_rate != new.learning_rate
            || *lr_schedule != new.lr_schedule
            || *lr_decay != new.lr_decay
            || *batch_size != new.batch_size
            || *optimizer != new.optimizer
            || *regularization != new.regularization
            || *regularization_rate != new.regularization_rate
            || *dropout != new.dropout
            || *gradient != new.gradient
            || *epsilon != new.epsilon
            || *search_step != new.search_step
            || *patience != new.patience
            || *perceptron_step != new.perceptron_step
            || *speed != new.speed
            || *points != new.points;
        // The view only.
        let redraw = *show_test_data != new.show_test_data
            || *discretize != new.discretize
            || *compare != new.compare
            || *hidden != new.hidden
            || *hide_text != new.hide_text
            || *lecture != new.lecture
            || *boundary_line != new.boundary_line
            || self.dataset != new.dataset
            || self.reg_dataset != new.reg_dataset;
        if rebuild {
            Change::Rebuild
        } else if self.class_count() != new.class_count() {
            Change::Output
        } else if live {
            Change::Live
        } else if redraw {
            Change::Redraw
        } else {
            Change::None
        }
    }
}
