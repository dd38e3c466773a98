//! Every control a link may hide (`<key>_hide=true`), with the name it has on screen and the
//! group it sits in on the page. Lecture mode's checklist lists them from this table, grouped
//! and named as on the page; the link keeps the TensorFlow Playground's keys.

/// A group of controls, in the order they come on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// Play, Step, Reset and the speed, at the top.
    Run,
    Lesson,
    Data,
    Features,
    Share,
    /// The brushes and their buttons above the plot.
    Plot,
    Model,
    Network,
    Training,
    Restarts,
    Perceptron,
}

impl Group {
    /// Every group, in page order.
    pub const ALL: [Group; 11] = [
        Group::Run,
        Group::Lesson,
        Group::Data,
        Group::Features,
        Group::Share,
        Group::Plot,
        Group::Model,
        Group::Network,
        Group::Training,
        Group::Restarts,
        Group::Perceptron,
    ];

    /// The group's heading on the page.
    pub fn title(self) -> &'static str {
        match self {
            Group::Run => "Play, Step, Reset",
            Group::Lesson => "Lesson",
            Group::Data => "Data",
            Group::Features => "Features",
            Group::Share => "Share",
            Group::Plot => "Plot",
            Group::Model => "Model",
            Group::Network => "Network",
            Group::Training => "Training",
            Group::Restarts => "Random restarts",
            Group::Perceptron => "Perceptron",
        }
    }

    /// A short name for the page's markup (`data-group="training"`).
    pub fn id(self) -> &'static str {
        match self {
            Group::Run => "run",
            Group::Lesson => "lesson",
            Group::Data => "data",
            Group::Features => "features",
            Group::Share => "share",
            Group::Plot => "plot",
            Group::Model => "model",
            Group::Network => "network",
            Group::Training => "training",
            Group::Restarts => "restarts",
            Group::Perceptron => "perceptron",
        }
    }

    /// The controls in this group, in page order.
    pub fn controls(self) -> impl Iterator<Item = &'static Control> {
        CONTROLS.iter().filter(move |c| c.group == self)
    }
}

/// One hidable control.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Control {
    /// The link key (`<key>_hide=true`).
    pub key: &'static str,
    /// The control's name on screen.
    pub name: &'static str,
    pub group: Group,
}

const fn c(key: &'static str, name: &'static str, group: Group) -> Control {
    Control { key, name, group }
}

/// Link keys that hide the same control as another key: the Playground's `initZero` and our
/// `init` are both the Initialization choice. The checklist shows the second only.
pub const ALIASES: [(&str, &str); 1] = [("initZero", "init")];

/// Every control, by group in page order.
pub const CONTROLS: [Control; 52] = {
    use Group::*;
    [
        c("playButton", "Play / Pause", Run),
        c("stepButton", "Step", Run),
        c("resetButton", "Reset", Run),
        c("speed", "Speed", Run),
        c("lessonPicker", "Lesson picker", Lesson),
        c("problem", "Problem", Data),
        c("dataset", "Data sets (classification)", Data),
        c("regDataset", "Data sets (regression)", Data),
        c("curve", "Curves", Data),
        c("classes", "Classes", Data),
        c("noise", "Noise", Data),
        c("percTrainData", "Training data (%)", Data),
        c("samples", "Points generated", Data),
        c("seed", "New data", Data),
        c("showTestData", "Show test data", Data),
        c("discretize", "Discretize output", Data),
        c("boundaryLine", "Decision line (p = 0.5)", Data),
        c("x", "x₁", Features),
        c("y", "x₂", Features),
        c("xSquared", "x₁²", Features),
        c("ySquared", "x₂²", Features),
        c("xTimesY", "x₁x₂", Features),
        c("sinX", "sin(x₁)", Features),
        c("sinY", "sin(x₂)", Features),
        c("cosX", "cos(x₁)", Features),
        c("cosY", "cos(x₂)", Features),
        c("standardize", "Standardize inputs", Features),
        c("share", "Share, import and export", Share),
        c("brushes", "Brushes, Clear, Undo, Redo", Plot),
        c("model", "Model", Model),
        c("numHiddenLayers", "Hidden layers (+ / −)", Network),
        c("networkShape", "Neurons per layer", Network),
        c("activation", "Activation", Network),
        c("init", "Initialization", Network),
        c("initZero", "Initialization", Network),
        c("learningRate", "Learning rate", Training),
        c("lrSchedule", "Learning-rate schedule", Training),
        c("lrDecay", "Decay / N", Training),
        c("batchSize", "Batch size", Training),
        c("optimizer", "Optimizer", Training),
        c("dropout", "Dropout", Training),
        c("regularization", "Regularization", Training),
        c("regularizationRate", "Regularization rate", Training),
        c("earlyStopping", "Early stopping", Training),
        c("gradient", "Gradient", Training),
        c("epsilon", "ε (numerical)", Training),
        c("searchStep", "Search step", Training),
        c("gradientCheck", "Check gradients", Training),
        c("restart", "Random restarts", Restarts),
        c("weights", "Weights w₁, w₂, b", Perceptron),
        c("perceptronStep", "Step moves", Perceptron),
        c("compare", "Compare with the perceptron", Perceptron),
    ]
};

/// The control with link key `key`.
pub fn control(key: &str) -> Option<&'static Control> {
    CONTROLS.iter().find(|c| c.key == key)
}

/// Whether the checklist lists `key` (an alias is listed under its other key).
pub fn listed(key: &str) -> bool {
    !ALIASES.iter().any(|(alias, _)| *alias == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::HIDABLE_CONTROLS;
    use std::collections::BTreeSet;

    #[test]
    fn every_hidable_control_is_in_the_table_once_and_in_group_order() {
        let keys: BTreeSet<_> = CONTROLS.iter().map(|c| c.key).collect();
        assert_eq!(keys.len(), CONTROLS.len(), "a key twice");
        let hidable: BTreeSet<_> = HIDABLE_CONTROLS
            .iter()
            .copied()
            .filter(|k| *k != "collectStats") // the Playground's, with no control here
            .collect();
        assert_eq!(keys, hidable);
        let groups: Vec<Group> = CONTROLS.iter().map(|c| c.group).collect();
        assert!(groups.is_sorted(), "grouped as on the page");
        for g in Group::ALL {
            assert!(g.controls().count() > 0, "{g:?} is empty");
            assert!(!g.title().is_empty() && !g.id().contains(' '));
        }
    }

    #[test]
    fn names_are_for_people_and_aliases_share_one() {
        for c in CONTROLS {
            let raw = c.name.contains(char::is_uppercase) && c.name == c.key;
            assert!(!raw && !c.name.contains('_'), "{}: '{}'", c.key, c.name);
        }
        for (alias, key) in ALIASES {
            assert_eq!(control(alias).map(|c| c.name), control(key).map(|c| c.name));
            assert!(!listed(alias) && listed(key));
        }
        assert_eq!(control("regDataset").map(|c| c.group), Some(Group::Data));
        assert_eq!(control("nope"), None);
    }
}
