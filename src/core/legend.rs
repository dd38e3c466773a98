//! What the plot's legend says for a config: the classes' names (with their class numbers, so
//! the view can colour them), filled = training vs ring = test where there are test points,
//! and what the background and the marks mean for the current model. Pure, so it is tested
//! natively; the view only lays it out.
use crate::core::config::{ExperimentConfig, Model, OutputStyle};
use crate::core::dataset::{DatasetKind, Problem};

/// The legend's entries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Legend {
    /// Each class (its number, for its colour) and its name; empty where points have no class.
    pub classes: Vec<(usize, String)>,
    /// Regression: the colour scale runs from −1 (orange) to +1 (blue).
    pub scale: bool,
    /// Filled dots are training points and rings test points.
    pub rings: bool,
    /// What the background shows, if anything.
    pub background: Option<&'static str>,
    /// What the lines over the plot show, if anything.
    pub marks: Option<&'static str>,
}

impl Legend {
    /// The legend for `c` (with `classes` classes, as the trainer counts them).
    pub fn of(c: &ExperimentConfig) -> Legend {
        let classes = match (c.model, c.problem) {
            (m, _) if m.fits_xy() => Vec::new(),
            (_, Problem::Regression) => Vec::new(),
            _ => class_names(c),
        };
        let has_test = matches!(c.model, Model::Mlp | Model::Logistic | Model::Curve);
        let (background, marks) = match (c.model, c.problem) {
            (Model::Mlp, Problem::Classification) => (
                Some("Background: the class the network predicts there; stronger colour = surer"),
                boundary(c),
            ),
            (Model::Logistic, _) => (
                Some("Background: the class the model predicts there; stronger colour = surer"),
                boundary(c),
            ),
            (Model::Mlp, Problem::Regression) => (
                Some("Background: the value the network predicts there, from −1 (orange) to +1 (blue)"),
                None,
            ),
            (Model::Perceptron, _) => (
                Some("Background: class 1 where w·x + b ≥ 0, class 0 on the other side"),
                Some("Line: w·x + b = 0 (faint: before the last step)"),
            ),
            (Model::Adaline, _) => (
                Some("Background: class 1 where w·x + b ≥ 0, class 0 on the other side"),
                Some(if c.compare {
                    "Dark line: Adaline's w·x + b = 0; dashed pink line: the perceptron's"
                } else {
                    "Line: Adaline's w·x + b = 0"
                }),
            ),
            (Model::Line, _) => (
                None,
                Some("Dark line: the model y = m·x + c; faint line: least squares"),
            ),
            (Model::Curve, _) => (
                None,
                Some("Dark curve: the network's y = f(x); dashed: the best straight line"),
            ),
            // Digits mode has no plot: its views say what they show.
            (Model::Digits, _) => (None, None),
        };
        Legend {
            classes,
            scale: c.problem == Problem::Regression && !c.model.fits_xy(),
            rings: has_test && c.show_test_data,
            background,
            marks,
        }
    }
}

impl Legend {
    /// The legend where `any_test` says whether any point is a test point now: no "ring =
    /// test" entry without one (a training share of 100 %, a few drawn points that all train).
    pub fn for_points(self, any_test: bool) -> Legend {
        Legend {
            rings: self.rings && any_test,
            ..self
        }
    }
}

/// The decision line's entry, where it is drawn (two classes, `boundaryLine` on).
fn boundary(c: &ExperimentConfig) -> Option<&'static str> {
    let tf = c.output == OutputStyle::Tf && c.model == Model::Mlp;
    (c.boundary_line && c.class_count() == 2).then_some(if tf {
        // The Playground's output is tanh's ŷ in (−1, 1): the classes part where it is 0.
        "Dark line: where the decision changes (ŷ = 0)"
    } else {
        "Dark line: where the decision changes (p = 0.5)"
    })
}

/// The classes' names: the admissions data's own, with the TensorFlow Playground's output
/// its targets −1 and +1, else "Class 0", "Class 1", ….
fn class_names(c: &ExperimentConfig) -> Vec<(usize, String)> {
    let two = c.model.is_linear_unit() || c.class_count() == 2;
    if two
        && c.points.is_none()
        && matches!(
            c.dataset,
            DatasetKind::Admissions | DatasetKind::Admissions100
        )
    {
        return vec![(0, "Not admitted (0)".into()), (1, "Admitted (1)".into())];
    }
    if two && c.output == OutputStyle::Tf && c.model == Model::Mlp {
        return vec![(0, "Class 0 (−1)".into()), (1, "Class 1 (+1)".into())];
    }
    let count = if c.model.is_linear_unit() {
        2
    } else {
        c.class_count()
    };
    (0..count).map(|k| (k, format!("Class {k}"))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn legend(hash: &str) -> Legend {
        let (cfg, notes) = ExperimentConfig::from_hash(hash);
        assert!(notes.is_empty(), "{hash}: {notes:?}");
        Legend::of(&cfg)
    }

    fn names(l: &Legend) -> Vec<&str> {
        l.classes.iter().map(|(_, n)| n.as_str()).collect()
    }

    #[test]
    fn each_model_shows_only_what_applies() {
        let mlp = legend("dataset=circle&output=auto");
        assert_eq!(names(&mlp), ["Class 0", "Class 1"]);
        assert!(mlp.rings && !mlp.scale);
        assert!(mlp.background.unwrap().contains("stronger colour = surer"));
        assert!(mlp.marks.unwrap().contains("p = 0.5"));
        let tf = legend("dataset=circle&output=tf");
        assert!(
            tf.marks.unwrap().contains("ŷ = 0"),
            "the Playground's tanh output"
        );
        let blobs = legend("dataset=blobs&classes=4");
        assert_eq!(names(&blobs).len(), 4);
        assert_eq!(blobs.marks, None, "no line with four classes");
        let gates = legend("model=perceptron&points=0,0,0;0,1,0;1,0,0;1,1,1");
        assert_eq!(names(&gates), ["Class 0", "Class 1"]);
        assert!(!gates.rings, "the perceptron trains on every point");
        assert!(gates.background.unwrap().contains("w·x + b ≥ 0"));
        let adaline = legend("model=adaline&dataset=gauss");
        assert_eq!(names(&adaline), ["Class 0", "Class 1"]);
        assert!(!adaline.rings && adaline.marks.unwrap().contains("Adaline"));
        let both = legend("model=adaline&dataset=gauss&compare=true");
        assert!(both
            .marks
            .unwrap()
            .contains("dashed pink line: the perceptron's"));
        let line = legend("model=line");
        assert!(line.classes.is_empty() && !line.rings && line.background.is_none());
        let curve = legend("model=curve");
        assert!(curve.classes.is_empty() && curve.rings);
        let reg = legend("problem=regression&regDataset=reg-plane");
        assert!(reg.scale && reg.classes.is_empty());
        assert!(!legend("dataset=circle&showTestData=false").rings);
        let circle = legend("dataset=circle&output=auto");
        assert!(circle.clone().for_points(true).rings);
        assert!(
            !circle.for_points(false).rings,
            "no test point, no ring entry"
        );
    }

    #[test]
    fn classes_are_named_as_the_data_set_names_them() {
        assert_eq!(
            names(&legend("model=logistic&dataset=admissions")),
            ["Not admitted (0)", "Admitted (1)"]
        );
        assert_eq!(
            names(&legend("dataset=xor&output=tf")),
            ["Class 0 (−1)", "Class 1 (+1)"]
        );
    }
}
